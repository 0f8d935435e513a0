// A dated change in a dialog: a day or some hours off (leave, a holiday) or an extra shift,
// for one agent or a whole group.
import { ref, reactive, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';

export default {
  name: 'ExceptionEditor',
  components: { ModalDialog, ProblemMessage },
  props: { owners: Array, date: String, owner: String },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const problem = ref(null);
    const busy = ref(false);
    const form = reactive({ owner: props.owner || (props.owners[0] && props.owners[0].key) || '', date: props.date,
      kind: 'off', wholeDay: true, start: '09:00', end: '17:00', note: '' });
    const timed = computed(() => form.kind === 'extra' || !form.wholeDay);

    async function save() {
      problem.value = null;
      busy.value = true;
      const [type, id] = form.owner.split(':');
      const body = { date: form.date, kind: form.kind, note: form.note.trim() || null };
      body[type === 'group' ? 'groupId' : 'userId'] = Number(id);
      if (timed.value) {
        body.start = form.start;
        body.end = form.end;
      }
      try {
        await post('/api/v1/shifts/exceptions', body);
        emit('saved');
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { problem, busy, form, timed, save, t };
  },
  template: `
    <ModalDialog title-id="exception-dialog-title" :title="t('shifts.exception.title')" @close="$emit('close')">
      <form @submit.prevent="save" novalidate>
        <div class="row">
          <div class="field">
            <label for="exception-owner">{{ t('shifts.exception.for') }}</label>
            <select id="exception-owner" v-model="form.owner">
              <option v-for="owner in owners" :key="owner.key" :value="owner.key">{{ owner.label }}</option>
            </select>
          </div>
          <div class="field">
            <label for="exception-date">{{ t('shifts.exception.date') }}</label>
            <input id="exception-date" type="date" v-model="form.date" required>
          </div>
        </div>
        <div class="field">
          <span class="label">{{ t('shifts.exception.kind') }}</span>
          <label class="inline"><input type="radio" value="off" v-model="form.kind" name="exception-kind"> {{ t('shifts.exception.off') }}</label>
          <label class="inline"><input type="radio" value="extra" v-model="form.kind" name="exception-kind"> {{ t('shifts.exception.extra') }}</label>
        </div>
        <label class="inline" v-if="form.kind === 'off'"><input type="checkbox" v-model="form.wholeDay" id="exception-whole-day"> {{ t('shifts.exception.wholeDay') }}</label>
        <div class="row" v-if="timed">
          <div class="field"><label for="exception-start">{{ t('shifts.from') }}</label><input id="exception-start" type="time" v-model="form.start"></div>
          <div class="field"><label for="exception-end">{{ t('shifts.to') }}</label><input id="exception-end" type="time" v-model="form.end"></div>
        </div>
        <div class="field">
          <label for="exception-note">{{ t('shifts.exception.note') }}</label>
          <input id="exception-note" type="text" v-model="form.note" maxlength="200" :placeholder="t('shifts.exception.notePlaceholder')">
        </div>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="exception-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
