// One fault: what was seen, the moves its status allows (each with a note), the fix, how
// recovery was verified and the summary a resolution needs, the steps so far and the
// evidence captured for its window. A change made meanwhile by someone else is refused
// (stale_version) and the page offers to reload.
import { ref, reactive, computed, watch, onMounted } from 'vue';
import { useRoute } from 'vue-router';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post, api } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { fieldErrors } from '../notifications/fieldErrors.js';
import { session, can } from '../session.js';
import EvidenceSection from './EvidenceSection.js';
import { FAULTS, STATUSES, SEVERITY_BADGES, STATUS_BADGES, minutes } from './format.js';

const RECORD = ['fix', 'verification', 'cause', 'impact', 'prevention'];

export default {
  name: 'FaultPage',
  components: { ProblemMessage, EvidenceSection },
  setup() {
    const route = useRoute();
    const fault = ref(null);
    const form = reactive({ fix: '', verification: '', cause: '', impact: '', prevention: '' });
    const note = ref('');
    const errors = ref({});
    const problem = ref(null);
    const notice = ref(null);
    const busy = ref(false);
    const evidenceVersion = ref(0);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const id = computed(() => route.params.id);
    const final = computed(() => fault.value && fault.value.status === 'REVIEWED');

    function show(loaded) {
      fault.value = loaded;
      for (const field of RECORD) form[field] = loaded[field] || '';
    }

    async function load() {
      problem.value = null;
      try {
        show(await get(FAULTS + '/' + id.value));
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function act(request, done) {
      busy.value = true;
      problem.value = null;
      notice.value = null;
      errors.value = {};
      try {
        show(await request());
        if (done) done();
      } catch (failure) {
        problem.value = failure;
        errors.value = fieldErrors(failure);
      } finally {
        busy.value = false;
      }
    }

    const record = () => Object.fromEntries(RECORD.map((field) => [field, form[field]]));

    function save() {
      act(() => api('PATCH', FAULTS + '/' + id.value, { version: fault.value.version, ...record() }),
        () => { notice.value = 'faults.saved'; });
    }

    function move(to) {
      act(() => post(FAULTS + '/' + id.value + '/transitions',
        { version: fault.value.version, to, note: note.value, ...record() }), () => {
        note.value = '';
        notice.value = 'faults.moved';
        if (to === 'RESOLVED') evidenceVersion.value += 1;
      });
    }

    function addNote() {
      act(() => post(FAULTS + '/' + id.value + '/notes', { note: note.value }), () => { note.value = ''; });
    }

    onMounted(load);
    watch(id, load);

    const when = (iso) => formatInstant(iso, timeZone.value);
    const forward = (to) => STATUSES.indexOf(to) === STATUSES.indexOf(fault.value.status) + 1;
    const stale = computed(() => problem.value && problem.value.code === 'stale_version');
    /**
     * The fault's window for the log viewer: from 15 minutes before it began until the minute
     * after it was resolved (or now); the viewer reads whole minutes.
     */
    function logWindow() {
      const since = new Date(Date.parse(fault.value.startedAt) - 15 * 60000).toISOString();
      const end = fault.value.resolvedAt ? Date.parse(fault.value.resolvedAt) : Date.now();
      return { since, until: new Date(end + 60000).toISOString() };
    }

    return { logWindow, can, fault, form, note, errors, problem, notice, busy, final, stale, timeZone, evidenceVersion, load, save, move,
      addNote, when, forward, minutes, record: RECORD, severityBadges: SEVERITY_BADGES, statusBadges: STATUS_BADGES, t };
  },
  template: `
    <div class="fault-page">
      <p><router-link :to="{ name: 'faults' }">← {{ t('faults.back') }}</router-link></p>
      <ProblemMessage v-if="!fault" :problem="problem" />
      <template v-if="fault">
        <h1 data-fault-title>{{ fault.title }}</h1>
        <p class="row fault-badges">
          <span class="badge" :class="statusBadges[fault.status]" data-fault-status>{{ t('faults.status.' + fault.status) }}</span>
          <span class="badge" :class="severityBadges[fault.severity]">{{ t('faults.severity.' + fault.severity) }}</span>
          <span class="badge">{{ t('faults.class.' + fault.faultClass) }}</span>
          <span v-for="name in fault.functions" :key="name" class="badge">{{ t('faults.function.' + name) }}</span>
        </p>
        <div class="card">
          <dl class="fault-facts">
            <dt>{{ t('faults.observed') }}</dt><dd class="wrap" data-fault-observed>{{ fault.observed }}</dd>
            <dt>{{ t('faults.started') }}</dt><dd>{{ when(fault.startedAt) }}</dd>
            <dt>{{ t('faults.reportedBy') }}</dt>
            <dd>{{ fault.reportedBy || t('faults.byAlert', { id: fault.alertId }) }} · {{ when(fault.reportedAt) }}</dd>
            <template v-if="can('log.view')"><dt>{{ t('faults.logs') }}</dt>
            <dd><router-link id="fault-logs" :to="{ name: 'logs', query: logWindow() }">{{ t('faults.logsOfWindow') }}</router-link></dd></template>
            <template v-if="fault.resolvedAt">
              <dt>{{ t('faults.resolvedAt') }}</dt><dd>{{ when(fault.resolvedAt) }}</dd>
              <dt>{{ t('faults.duration') }}</dt><dd data-fault-duration>{{ minutes(fault.durationMinutes) }}</dd>
            </template>
          </dl>
        </div>

        <form class="card" @submit.prevent="save" novalidate>
          <h2>{{ t('faults.record') }}</h2>
          <div class="field" v-for="field in record" :key="field">
            <label :for="'fault-' + field">{{ t('faults.' + field) }}</label>
            <textarea :id="'fault-' + field" rows="2" v-model="form[field]" maxlength="4000" :readonly="final"
              :aria-invalid="errors[field] ? 'true' : 'false'"></textarea>
            <div v-if="errors[field]" class="field-error" :data-error-for="field">{{ errors[field] }}</div>
          </div>
          <p class="hint muted small">{{ t('faults.summaryHint') }}</p>
          <div class="actions" v-if="!final">
            <button id="fault-save" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          </div>
        </form>

        <div class="card" v-if="!final">
          <h2>{{ t('faults.next') }}</h2>
          <div class="field">
            <label for="fault-note">{{ t('faults.note') }}</label>
            <textarea id="fault-note" rows="2" v-model="note" maxlength="4000"
              :aria-invalid="errors.note ? 'true' : 'false'"></textarea>
            <div v-if="errors.note" class="field-error" data-error-for="note">{{ errors.note }}</div>
            <div class="hint">{{ t('faults.noteHint') }}</div>
          </div>
          <div class="actions fault-moves">
            <button v-for="to in fault.next" :key="to" type="button" :data-move="to" :disabled="busy"
              :class="{ primary: forward(to) }" @click="move(to)">{{ t('faults.moveTo.' + to) }}</button>
            <button id="fault-add-note" type="button" :disabled="busy || !note.trim()" @click="addNote">{{ t('faults.addNote') }}</button>
          </div>
        </div>
        <ProblemMessage :problem="problem" />
        <p v-if="stale"><button id="fault-reload" type="button" @click="load">{{ t('faults.reload') }}</button></p>
        <div class="notice" v-if="notice" role="status">{{ t(notice) }}</div>

        <div class="card">
          <h2>{{ t('faults.steps') }}</h2>
          <ol class="fault-steps">
            <li v-for="step in fault.steps" :key="step.id" :data-step="step.to || 'NOTE'">
              <div class="small muted">{{ when(step.at) }} · {{ step.actor || t('faults.parley') }}</div>
              <div v-if="step.to"><strong>
                <template v-if="step.from">{{ t('faults.status.' + step.from) }} → </template>{{ t('faults.status.' + step.to) }}</strong></div>
              <div v-if="step.note" class="wrap">{{ step.note }}</div>
            </li>
          </ol>
        </div>

        <EvidenceSection :fault-id="fault.id" :refresh="evidenceVersion" :time-zone="timeZone" />
      </template>
    </div>`,
};
