// One canned response in a dialog: shortcut, title, text (with the placeholders the reply box
// fills in), who may use it (me, a group, everyone: shared ones need `team.assign`), delete.
import { ref, reactive, computed, onMounted, nextTick } from 'vue';
import { t, tOr } from '../../../shared/js/i18n.js';
import { post, put, del } from '../../../shared/js/api.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session, can } from '../session.js';

const SHORTCUT = /^[a-z0-9_-]{1,32}$/;

export default {
  name: 'CannedEditor',
  components: { ModalDialog },
  props: { item: Object, groups: Array },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const creating = !props.item;
    const problem = ref(null);
    const busy = ref(false);
    const confirmingDelete = ref(false);
    const first = ref(null);
    const myId = session.me.user.id;
    const mayShare = can('team.assign');
    const form = reactive({
      shortcut: props.item ? props.item.shortcut : '',
      title: props.item ? props.item.title || '' : '',
      text: props.item ? props.item.text || '' : '',
      scope: props.item ? props.item.scope : 'personal',
      groupId: props.item && props.item.groupId !== null && props.item.groupId !== undefined ? String(props.item.groupId) : '',
    });

    /** Groups I may share with: all for administrators, else the ones I supervise (when the list says). */
    const groupChoices = computed(() => (props.groups || []).filter((group) => can('user.manage')
      || !Array.isArray(group.members)
      || group.members.some((member) => member.userId === myId && member.supervisor)
      || String(group.id) === form.groupId));
    const scopes = computed(() => (mayShare || form.scope !== 'personal'
      ? ['personal', 'group', 'everyone'] : ['personal']));
    // The server checks everything; the hint under the shortcut turns red while it cannot pass.
    const cleanShortcut = computed(() => form.shortcut.trim().replace(/^\//, ''));
    const shortcutOk = computed(() => SHORTCUT.test(cleanShortcut.value));

    /** The server's problem in this screen's words (field names translated). */
    const described = computed(() => {
      const failure = problem.value;
      if (!failure) return null;
      const code = failure.code || 'internal_error';
      const title = tOr('canned.error.' + code, null) || tOr('error.' + code, null) || failure.message || code;
      const details = [];
      for (const error of (failure.body && Array.isArray(failure.body.errors) ? failure.body.errors : [])) {
        const field = tOr('canned.field.' + error.field, tOr('field.' + error.field, error.field));
        details.push(field + ': ' + error.message);
      }
      return { title, details };
    });

    onMounted(() => nextTick(() => first.value && first.value.focus()));

    async function run(action, message) {
      problem.value = null;
      busy.value = true;
      try {
        await action();
        emit('saved', message);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    function save() {
      const body = {
        shortcut: cleanShortcut.value,
        title: form.title.trim(),
        text: form.text,
        scope: form.scope,
        groupId: form.scope === 'group' && form.groupId !== '' ? Number(form.groupId) : null,
      };
      if (creating) {
        return run(() => post('/api/v1/canned-responses', body), t('canned.created', { shortcut: body.shortcut }));
      }
      return run(() => put('/api/v1/canned-responses/' + props.item.id, body), t('canned.updated', { shortcut: body.shortcut }));
    }

    function remove() {
      return run(() => del('/api/v1/canned-responses/' + props.item.id), t('canned.deleted', { shortcut: props.item.shortcut }));
    }

    return { creating, problem, busy, confirmingDelete, first, form, groupChoices, scopes, shortcutOk, cleanShortcut,
      described, mayShare, save, remove, t };
  },
  template: `
    <ModalDialog class="canned-dialog" title-id="canned-dialog-title" :title="creating ? t('canned.new') : '/' + item.shortcut" @close="$emit('close')">
      <form @submit.prevent="save" novalidate>
        <div class="row">
          <div class="field">
            <label for="canned-shortcut">{{ t('canned.shortcut') }}</label>
            <div class="canned-shortcut-input"><span aria-hidden="true">/</span>
              <input id="canned-shortcut" ref="first" type="text" v-model="form.shortcut" maxlength="33" autocomplete="off"
                spellcheck="false" required :aria-invalid="form.shortcut !== '' && !shortcutOk ? 'true' : 'false'"></div>
            <div class="hint" :class="{ bad: form.shortcut !== '' && !shortcutOk }">{{ t('canned.shortcutHint') }}</div>
          </div>
          <div class="field">
            <label for="canned-title">{{ t('canned.titleField') }}</label>
            <input id="canned-title" type="text" v-model="form.title" maxlength="100">
          </div>
        </div>
        <div class="field">
          <label for="canned-text">{{ t('canned.text') }}</label>
          <textarea id="canned-text" v-model="form.text" rows="6" maxlength="4000" required></textarea>
          <div class="hint">{{ t('canned.textHint') }}</div>
        </div>
        <div class="row">
          <div class="field">
            <label for="canned-scope">{{ t('canned.scope') }}</label>
            <select id="canned-scope" v-model="form.scope">
              <option v-for="scope in scopes" :key="scope" :value="scope">{{ t('canned.scopeOption.' + scope) }}</option>
            </select>
            <div class="hint" v-if="!mayShare">{{ t('canned.personalOnly') }}</div>
          </div>
          <div class="field" v-if="form.scope === 'group'">
            <label for="canned-group">{{ t('canned.group') }}</label>
            <select id="canned-group" v-model="form.groupId">
              <option value="">{{ t('canned.chooseGroup') }}</option>
              <option v-for="group in groupChoices" :key="group.id" :value="String(group.id)">{{ group.name }}</option>
            </select>
            <div class="hint" v-if="!groupChoices.length">{{ t('canned.noGroups') }}</div>
          </div>
        </div>
        <div v-if="described" class="problem" role="alert">
          <strong>{{ described.title }}</strong>
          <ul v-if="described.details.length">
            <li v-for="(detail, index) in described.details" :key="index">{{ detail }}</li>
          </ul>
        </div>
        <div class="actions">
          <button id="canned-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
          <button v-if="!creating && !confirmingDelete" id="canned-delete" class="danger" type="button"
            @click="confirmingDelete = true">{{ t('action.delete') }}</button>
        </div>
        <div class="warning" v-if="confirmingDelete">
          <p>{{ t('canned.deleteConfirm', { shortcut: item.shortcut }) }}</p>
          <div class="actions">
            <button id="canned-delete-confirm" class="danger" type="button" :disabled="busy" @click="remove">{{ t('action.delete') }}</button>
            <button type="button" @click="confirmingDelete = false">{{ t('action.cancel') }}</button>
          </div>
        </div>
      </form>
    </ModalDialog>`,
};
