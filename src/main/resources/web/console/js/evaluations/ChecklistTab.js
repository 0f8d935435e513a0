// The quality checklist (team.evaluate): items in order with their weight, added and
// changed in a dialog, removed after a question. An item evaluations used comes back
// disabled instead of removed (the server decides), which is said in a notice.
import { ref, reactive, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';

export default {
  name: 'ChecklistTab',
  components: { ProblemMessage, ModalDialog },
  setup() {
    const items = ref([]);
    const problem = ref(null);
    const notice = ref('');
    const busy = ref(false);
    const editing = ref(null);
    const form = reactive({ name: '', description: '', weight: 1, position: '', enabled: true });
    const formProblem = ref(null);
    const removing = ref(null);

    async function load() {
      items.value = await get('/api/v1/evaluation-items');
    }
    onMounted(() => load().catch((failure) => { problem.value = failure; }));

    function open(item) {
      editing.value = item || {};
      formProblem.value = null;
      Object.assign(form, item ? { name: item.name, description: item.description || '', weight: item.weight,
        position: item.position, enabled: item.enabled } : { name: '', description: '', weight: 1, position: '', enabled: true });
    }

    async function save() {
      busy.value = true;
      formProblem.value = null;
      const body = { name: form.name.trim(), description: form.description, weight: Number(form.weight),
        position: form.position === '' ? null : Number(form.position), enabled: form.enabled };
      try {
        if (editing.value.id) await put('/api/v1/evaluation-items/' + editing.value.id, body);
        else await post('/api/v1/evaluation-items', body);
        editing.value = null;
        notice.value = '';
        await load();
      } catch (failure) {
        formProblem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function enable(item) {
      problem.value = null;
      try {
        await put('/api/v1/evaluation-items/' + item.id, { name: item.name, enabled: true });
        await load();
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function remove() {
      const item = removing.value;
      removing.value = null;
      problem.value = null;
      try {
        const kept = await del('/api/v1/evaluation-items/' + item.id);
        notice.value = kept && kept.id ? t('evaluation.checklist.keptDisabled', { name: item.name }) : '';
        await load();
      } catch (failure) {
        problem.value = failure;
      }
    }

    return { items, problem, notice, busy, editing, form, formProblem, removing, open, save, enable, remove, t };
  },
  template: `
    <section class="card" id="evaluation-checklist">
      <p class="muted small">{{ t('evaluation.checklist.hint') }}</p>
      <ProblemMessage :problem="problem" />
      <p v-if="notice" class="notice" id="checklist-notice">{{ notice }}</p>
      <p v-if="!items.length" class="muted">{{ t('evaluation.checklist.none') }}</p>
      <ul v-else id="checklist-items" class="checklist-items">
        <li v-for="item in items" :key="item.id" :data-checklist-item="item.id" :class="{ disabled: !item.enabled }">
          <div class="checklist-text">
            <strong>{{ item.name }}</strong>
            <span class="badge">{{ t('evaluation.weightShort', { weight: item.weight }) }}</span>
            <span v-if="!item.enabled" class="badge warn">{{ t('evaluation.checklist.disabled') }}</span>
            <div v-if="item.description" class="small muted">{{ item.description }}</div>
          </div>
          <span class="checklist-actions">
            <button type="button" class="link small" data-edit @click="open(item)">{{ t('action.edit') }}</button>
            <button v-if="item.enabled" type="button" class="link small" data-remove @click="removing = item">{{ t('evaluation.checklist.remove') }}</button>
            <button v-else type="button" class="link small" data-enable @click="enable(item)">{{ t('evaluation.checklist.enable') }}</button>
          </span>
        </li>
      </ul>
      <button type="button" id="checklist-add" class="primary" @click="open(null)">{{ t('evaluation.checklist.add') }}</button>

      <ModalDialog v-if="editing" id="checklist-dialog" title-id="checklist-dialog-title"
        :title="editing.id ? t('evaluation.checklist.editTitle', { name: editing.name }) : t('evaluation.checklist.addTitle')"
        initial-focus="#checklist-name" @close="editing = null">
        <form @submit.prevent="save" novalidate>
          <div class="field">
            <label for="checklist-name">{{ t('evaluation.checklist.name') }}</label>
            <input id="checklist-name" type="text" v-model="form.name" maxlength="80" required>
          </div>
          <div class="field">
            <label for="checklist-description">{{ t('evaluation.checklist.description') }}</label>
            <textarea id="checklist-description" v-model="form.description" rows="2" maxlength="300"></textarea>
          </div>
          <div class="row">
            <div class="field">
              <label for="checklist-weight">{{ t('evaluation.checklist.weight') }}</label>
              <input id="checklist-weight" type="number" min="1" max="10" v-model="form.weight">
            </div>
            <div class="field">
              <label for="checklist-position">{{ t('evaluation.checklist.position') }}</label>
              <input id="checklist-position" type="number" min="0" max="10000" v-model="form.position">
            </div>
          </div>
          <label class="check"><input type="checkbox" id="checklist-enabled" v-model="form.enabled"> {{ t('evaluation.checklist.enabled') }}</label>
          <ProblemMessage :problem="formProblem" />
          <div class="actions">
            <button type="submit" id="checklist-save" class="primary" :disabled="busy">{{ t('action.save') }}</button>
            <button type="button" @click="editing = null">{{ t('action.cancel') }}</button>
          </div>
        </form>
      </ModalDialog>

      <ModalDialog v-if="removing" id="checklist-confirm" title-id="checklist-confirm-title"
        :title="t('evaluation.checklist.confirmTitle')" initial-focus="#checklist-confirm-cancel" @close="removing = null">
        <p>{{ t('evaluation.checklist.confirmRemove', { name: removing.name }) }}</p>
        <div class="actions">
          <button type="button" id="checklist-confirm-cancel" @click="removing = null">{{ t('action.cancel') }}</button>
          <button type="button" id="checklist-confirm-remove" class="danger" @click="remove">{{ t('evaluation.checklist.remove') }}</button>
        </div>
      </ModalDialog>
    </section>`,
};
