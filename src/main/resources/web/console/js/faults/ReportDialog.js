// Reporting a fault: what was seen, its class, severity, the functions it affects and
// when it began. While one types, known issues with similar words are suggested (their
// cause and fix), so a known fault is recognised before it is investigated again.
import { ref, reactive, computed, watch, onBeforeUnmount } from 'vue';
import { t, zonedInstant } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { fieldErrors } from '../notifications/fieldErrors.js';
import { session } from '../session.js';
import { FAULTS, CLASSES, SEVERITIES, FUNCTIONS } from './format.js';

const SUGGEST_AFTER_MILLIS = 350;

/** A time (now by default) as an {@code <input type="datetime-local">} value in the zone. */
export function localNow(timeZone, date = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(date);
  const value = (type) => parts.find((part) => part.type === type).value;
  return value('year') + '-' + value('month') + '-' + value('day') + 'T' + value('hour') + ':' + value('minute');
}

export default {
  name: 'ReportDialog',
  components: { ProblemMessage, ModalDialog },
  // what an alert already says, when the fault is reported from one
  props: { draft: { type: Object, default: null } },
  emits: ['close', 'reported'],
  setup(props, { emit }) {
    const timeZone = computed(() => session.me.organisation.timeZone);
    const draft = props.draft || {};
    const form = reactive({ title: draft.title || '', observed: draft.observed || '',
      faultClass: CLASSES.includes(draft.faultClass) ? draft.faultClass : 'SOFTWARE',
      severity: SEVERITIES.includes(draft.severity) ? draft.severity : 'MAJOR', functions: [],
      startedAt: localNow(timeZone.value, draft.startedAt && !isNaN(Date.parse(draft.startedAt)) ? new Date(draft.startedAt) : new Date()) });
    const errors = ref({});
    const problem = ref(null);
    const busy = ref(false);
    const suggestions = ref([]);
    let timer = null;
    let asked = 0;

    watch(() => form.title + '\n' + form.observed, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(suggest, SUGGEST_AFTER_MILLIS);
    });
    onBeforeUnmount(() => {
      if (timer) clearTimeout(timer);
    });

    async function suggest() {
      timer = null;
      const question = ++asked;
      if (!form.title.trim() && !form.observed.trim()) {
        suggestions.value = [];
        return;
      }
      try {
        const found = await post(FAULTS + '/suggestions', { title: form.title, observed: form.observed });
        if (question === asked) suggestions.value = found;
      } catch {
        // suggestions are a help; reporting works without them
      }
    }

    async function report() {
      busy.value = true;
      problem.value = null;
      errors.value = {};
      try {
        const fault = await post(FAULTS, { ...form, startedAt: zonedInstant(form.startedAt, timeZone.value) });
        emit('reported', fault);
      } catch (failure) {
        problem.value = failure;
        errors.value = fieldErrors(failure);
      } finally {
        busy.value = false;
      }
    }

    return { form, errors, problem, busy, suggestions, report, classes: CLASSES, severities: SEVERITIES,
      functions: FUNCTIONS, t };
  },
  template: `
    <ModalDialog class="fault-report" :title="t('faults.report')" title-id="fault-report-title"
      initial-focus="#fault-title" @close="$emit('close')">
      <form @submit.prevent="report" novalidate>
        <div class="field">
          <label for="fault-title">{{ t('faults.faultTitle') }}</label>
          <input id="fault-title" type="text" v-model="form.title" maxlength="200" :aria-invalid="errors.title ? 'true' : 'false'">
          <div v-if="errors.title" class="field-error" data-error-for="title">{{ errors.title }}</div>
        </div>
        <div class="field">
          <label for="fault-observed">{{ t('faults.observed') }}</label>
          <textarea id="fault-observed" rows="3" v-model="form.observed" maxlength="4000"
            :aria-invalid="errors.observed ? 'true' : 'false'"></textarea>
          <div v-if="errors.observed" class="field-error" data-error-for="observed">{{ errors.observed }}</div>
        </div>
        <div class="fault-suggestions card" v-if="suggestions.length" data-suggestions aria-live="polite">
          <strong>{{ t('faults.suggestions') }}</strong>
          <ul>
            <li v-for="issue in suggestions" :key="issue.id" :data-suggestion="issue.id">
              <router-link :to="{ name: 'fault', params: { id: issue.id } }" target="_blank">{{ issue.title }}</router-link>
              <div class="small"><span class="muted">{{ t('faults.cause') }}:</span> {{ issue.cause }}</div>
              <div class="small" v-if="issue.fix"><span class="muted">{{ t('faults.fix') }}:</span> {{ issue.fix }}</div>
            </li>
          </ul>
        </div>
        <div class="row fields">
          <div class="field">
            <label for="fault-class">{{ t('faults.class') }}</label>
            <select id="fault-class" v-model="form.faultClass">
              <option v-for="name in classes" :key="name" :value="name">{{ t('faults.class.' + name) }}</option>
            </select>
          </div>
          <div class="field">
            <label for="fault-severity">{{ t('faults.severity') }}</label>
            <select id="fault-severity" v-model="form.severity">
              <option v-for="name in severities" :key="name" :value="name">{{ t('faults.severity.' + name) }}</option>
            </select>
          </div>
          <div class="field">
            <label for="fault-started">{{ t('faults.started') }}</label>
            <input id="fault-started" type="datetime-local" v-model="form.startedAt"
              :aria-invalid="errors.startedAt ? 'true' : 'false'">
            <div v-if="errors.startedAt" class="field-error" data-error-for="startedAt">{{ errors.startedAt }}</div>
          </div>
        </div>
        <fieldset class="fault-functions">
          <legend>{{ t('faults.functions') }}</legend>
          <label v-for="name in functions" :key="name" class="check">
            <input type="checkbox" :id="'fault-function-' + name" :value="name" v-model="form.functions">
            {{ t('faults.function.' + name) }}</label>
        </fieldset>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
          <button id="fault-report-save" class="primary" type="submit" :disabled="busy">{{ t('faults.reportSave') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
