// Creates or edits one SLA policy: name, enabled, the conditions, the three targets and the
// warning in hours and minutes, the calendar and the escalation. A refusal stays in the
// dialog (ProblemMessage); a save tells the list.
import { ref, reactive } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post, put } from '../../../shared/js/api.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { split, join } from './slaText.js';

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const TYPES = ['QUESTION', 'INCIDENT', 'COMPLAINT', 'REQUEST'];
const TARGETS = [
  { key: 'firstResponseMinutes', id: 'first', label: 'ticket.sla.target.FIRST_RESPONSE' },
  { key: 'nextResponseMinutes', id: 'next', label: 'ticket.sla.target.NEXT_RESPONSE' },
  { key: 'resolutionMinutes', id: 'resolution', label: 'ticket.sla.target.RESOLUTION' },
];

export default {
  name: 'SlaPolicyDialog',
  components: { ModalDialog, ProblemMessage },
  props: {
    policy: { type: Object, required: true },
    groups: { type: Array, default: () => [] },
    levels: { type: Array, default: () => [] },
  },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const p = props.policy;
    const form = reactive({
      name: p.name || '', enabled: p.enabled ?? true,
      priority: p.matchPriority || '', groupId: p.matchGroupId ?? '', type: p.matchType || '',
      levelId: p.matchLevelId ?? '', calendar: p.calendar || 'BUSINESS',
      escalateRaisePriority: !!p.escalateRaisePriority, escalateGroupId: p.escalateGroupId ?? '',
      times: Object.fromEntries([...TARGETS.map((target) => [target.id, split(p[target.key])]),
        ['warn', split(p.warnBeforeMinutes)]]),
    });
    const problem = ref(null);
    const busy = ref(false);
    const orNull = (v) => (v === '' || v === undefined ? null : v);
    function body() {
      const result = { name: form.name.trim(), enabled: form.enabled, priority: orNull(form.priority),
        groupId: orNull(form.groupId), type: orNull(form.type), levelId: orNull(form.levelId),
        calendar: form.calendar, escalateRaisePriority: form.escalateRaisePriority,
        escalateGroupId: orNull(form.escalateGroupId),
        warnBeforeMinutes: join(form.times.warn.hours, form.times.warn.minutes) };
      for (const target of TARGETS) {
        result[target.key] = join(form.times[target.id].hours, form.times[target.id].minutes);
      }
      return result;
    }
    async function save() {
      problem.value = null;
      busy.value = true;
      try {
        const saved = p.id ? await put('/api/v1/ticket-sla-policies/' + p.id, body())
          : await post('/api/v1/ticket-sla-policies', body());
        emit('saved', saved);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }
    return { form, problem, busy, save, editing: !!p.id, priorities: PRIORITIES, types: TYPES,
      targets: TARGETS, t };
  },
  template: `
    <ModalDialog :title="editing ? t('ticketSettings.sla.edit') : t('ticketSettings.sla.add')"
      title-id="sla-dialog-title" id="sla-dialog" class="sla-dialog" @close="$emit('close')">
      <form id="sla-form" @submit.prevent="save">
        <div class="toolbar">
          <div class="grow"><label for="sla-name">{{ t('ticketSettings.name') }}</label>
            <input type="text" id="sla-name" v-model="form.name" maxlength="80" required></div>
          <label class="check"><input type="checkbox" id="sla-enabled" v-model="form.enabled"> {{ t('ticketSettings.sla.enabled') }}</label>
        </div>
        <fieldset>
          <legend>{{ t('ticketSettings.sla.conditions') }}</legend>
          <p class="muted small">{{ t('ticketSettings.sla.conditionsHint') }}</p>
          <div class="sla-grid">
            <div><label for="sla-priority">{{ t('ticketSettings.sla.priority') }}</label>
              <select id="sla-priority" v-model="form.priority">
                <option value="">{{ t('ticketSettings.sla.any') }}</option>
                <option v-for="x in priorities" :key="x" :value="x">{{ t('ticket.priority.' + x) }}</option>
              </select></div>
            <div><label for="sla-type">{{ t('ticketSettings.sla.type') }}</label>
              <select id="sla-type" v-model="form.type">
                <option value="">{{ t('ticketSettings.sla.any') }}</option>
                <option v-for="x in types" :key="x" :value="x">{{ t('ticket.type.' + x) }}</option>
              </select></div>
            <div><label for="sla-group">{{ t('ticketSettings.sla.group') }}</label>
              <select id="sla-group" v-model="form.groupId">
                <option value="">{{ t('ticketSettings.sla.any') }}</option>
                <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option>
              </select></div>
            <div><label for="sla-level">{{ t('ticketSettings.sla.level') }}</label>
              <select id="sla-level" v-model="form.levelId">
                <option value="">{{ t('ticketSettings.sla.any') }}</option>
                <option v-for="l in levels" :key="l.id" :value="l.id">{{ l.name }}</option>
              </select></div>
          </div>
        </fieldset>
        <fieldset>
          <legend>{{ t('ticketSettings.sla.targets') }}</legend>
          <p class="muted small">{{ t('ticketSettings.sla.targetsHint') }}</p>
          <div v-for="target in targets" :key="target.id" class="sla-time" :data-time="target.id">
            <span class="sla-time-label">{{ t(target.label) }}</span>
            <input type="number" min="0" max="8760" :id="'sla-' + target.id + '-hours'" v-model="form.times[target.id].hours"
              :aria-label="t(target.label) + ' — ' + t('ticketSettings.unit.hours')">
            <span class="muted">{{ t('ticketSettings.unit.hours') }}</span>
            <input type="number" min="0" max="59" :id="'sla-' + target.id + '-minutes'" v-model="form.times[target.id].minutes"
              :aria-label="t(target.label) + ' — ' + t('ticketSettings.unit.minutes')">
            <span class="muted">{{ t('ticketSettings.unit.minutes') }}</span>
          </div>
          <div class="sla-time" data-time="warn">
            <span class="sla-time-label">{{ t('ticketSettings.sla.warnBefore') }}</span>
            <input type="number" min="0" max="8760" id="sla-warn-hours" v-model="form.times.warn.hours"
              :aria-label="t('ticketSettings.sla.warnBefore') + ' — ' + t('ticketSettings.unit.hours')">
            <span class="muted">{{ t('ticketSettings.unit.hours') }}</span>
            <input type="number" min="0" max="59" id="sla-warn-minutes" v-model="form.times.warn.minutes"
              :aria-label="t('ticketSettings.sla.warnBefore') + ' — ' + t('ticketSettings.unit.minutes')">
            <span class="muted">{{ t('ticketSettings.unit.minutes') }}</span>
          </div>
          <div role="radiogroup" class="sla-calendar" :aria-label="t('ticketSettings.sla.calendar')">
            <span class="sla-time-label">{{ t('ticketSettings.sla.calendar') }}</span>
            <label class="check"><input type="radio" name="sla-calendar" id="sla-calendar-business" value="BUSINESS" v-model="form.calendar">
              {{ t('ticketSettings.sla.calendar.BUSINESS') }}</label>
            <label class="check"><input type="radio" name="sla-calendar" id="sla-calendar-always" value="ALWAYS" v-model="form.calendar">
              {{ t('ticketSettings.sla.calendar.ALWAYS') }}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{{ t('ticketSettings.sla.escalation') }}</legend>
          <label class="check"><input type="checkbox" id="sla-raise" v-model="form.escalateRaisePriority"> {{ t('ticketSettings.sla.raisePriority') }}</label>
          <label for="sla-escalate-group">{{ t('ticketSettings.sla.escalateGroup') }}</label>
          <select id="sla-escalate-group" v-model="form.escalateGroupId">
            <option value="">{{ t('ticketSettings.sla.noMove') }}</option>
            <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option>
          </select>
        </fieldset>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
          <button type="submit" id="sla-save" class="primary" :disabled="busy">{{ t('action.save') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
