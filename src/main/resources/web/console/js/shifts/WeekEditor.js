// A weekly plan in a dialog: slots of a day, a start and an end (an end before the start runs
// past midnight). Used for an agent's own week, a group's week and a group's business hours.
import { ref } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { put } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { DAYS, dayName } from './shifts.js';

export default {
  name: 'WeekEditor',
  components: { ModalDialog, ProblemMessage },
  props: { title: String, hint: String, url: String, slots: Array, clearLabel: String },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const rows = ref((props.slots || []).map((slot) => ({ day: slot.day, start: slot.start, end: slot.end === '24:00' ? '00:00' : slot.end })));
    const problem = ref(null);
    const busy = ref(false);

    function add() {
      const last = rows.value[rows.value.length - 1];
      rows.value.push(last ? { day: Math.min(7, last.day + 1), start: last.start, end: last.end } : { day: 1, start: '09:00', end: '17:00' });
    }

    function remove(index) {
      rows.value.splice(index, 1);
    }

    /** The first slot's times on every weekday, Monday to Friday. */
    function weekdays() {
      const first = rows.value[0] || { start: '09:00', end: '17:00' };
      rows.value = [1, 2, 3, 4, 5].map((day) => ({ day, start: first.start, end: first.end }));
    }

    async function save(slots) {
      problem.value = null;
      busy.value = true;
      try {
        await put(props.url, { slots: slots.map((row) => ({ day: Number(row.day), start: row.start, end: row.end })) });
        emit('saved');
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { rows, problem, busy, add, remove, weekdays, save, DAYS, dayName, t };
  },
  template: `
    <ModalDialog class="week-dialog" title-id="week-dialog-title" :title="title" @close="$emit('close')">
      <p class="muted small" v-if="hint">{{ hint }}</p>
      <form @submit.prevent="save(rows)" novalidate>
        <table class="week-rows">
          <thead><tr><th>{{ t('shifts.day') }}</th><th>{{ t('shifts.from') }}</th><th>{{ t('shifts.to') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="(row, index) in rows" :key="index" class="week-row">
              <td><select v-model="row.day" :aria-label="t('shifts.day')" data-day>
                <option v-for="day in DAYS" :key="day" :value="day">{{ dayName(day, 'long') }}</option>
              </select></td>
              <td><input type="time" v-model="row.start" required :aria-label="t('shifts.from')" data-start></td>
              <td><input type="time" v-model="row.end" required :aria-label="t('shifts.to')" data-end></td>
              <td><button class="link" type="button" @click="remove(index)" :aria-label="t('action.delete')">✕</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty small" v-if="!rows.length">{{ t('shifts.noSlots') }}</div>
        <p class="hint">{{ t('shifts.overnightHint') }}</p>
        <div class="row">
          <button type="button" id="week-add" @click="add">{{ t('shifts.addSlot') }}</button>
          <button type="button" id="week-weekdays" @click="weekdays">{{ t('shifts.weekdays') }}</button>
        </div>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="week-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          <button type="button" v-if="slots && slots.length" :disabled="busy" @click="save([])">{{ clearLabel || t('shifts.clear') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
