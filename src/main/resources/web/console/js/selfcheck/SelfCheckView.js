// The self-check after an install or an upgrade: the server's checks (database, disk,
// clocks, e-mail, proxy headers, secret key, public address and any a module adds), and
// the browser's own check of the WebSocket through the proxy; a test e-mail to oneself.
import { ref, computed, onMounted, watch } from 'vue';
import { t, formatInstant, language } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { checkSocket, SOCKET_TIMEOUT_SECONDS } from './socketCheck.js';

const ICONS = { OK: '✓', WARNING: '!', FAILED: '✕', CHECKING: '…' };
const BADGES = { OK: 'ok', WARNING: 'warn', FAILED: 'off', CHECKING: '' };

function socketRow(result) {
  if (!result) {
    return { key: 'websocket', title: t('selfCheck.websocket.title'), status: 'CHECKING', detail: '', fix: null };
  }
  const params = { url: result.url, millis: result.millis, roundTrip: result.roundTrip, code: result.code,
    seconds: SOCKET_TIMEOUT_SECONDS };
  return {
    key: 'websocket',
    title: t('selfCheck.websocket.title'),
    status: result.status,
    detail: t('selfCheck.websocket.' + result.kind, params),
    fix: result.status === 'OK' ? null : t('selfCheck.websocket.fix'),
    millis: result.kind === 'ok' ? result.millis + result.roundTrip : result.millis,
  };
}

export default {
  name: 'SelfCheckView',
  components: { ProblemMessage },
  setup() {
    const report = ref(null);
    const socket = ref(null);
    const running = ref(false);
    const problem = ref(null);
    const mailProblem = ref(null);
    const mailOutcome = ref(null);
    const sending = ref(false);
    const timeZone = computed(() => session.me.organisation.timeZone);

    const rows = computed(() => {
      const server = report.value ? report.value.checks : [];
      return [...server, socketRow(socket.value)];
    });

    async function run() {
      running.value = true;
      problem.value = null;
      socket.value = null;
      const socketDone = checkSocket().then((result) => { socket.value = result; });
      try {
        report.value = await get('/api/v1/operations/self-check', { browserTime: Date.now() });
      } catch (failure) {
        problem.value = failure;
      }
      await socketDone;
      running.value = false;
    }

    async function sendTestMail() {
      sending.value = true;
      mailProblem.value = null;
      mailOutcome.value = null;
      try {
        mailOutcome.value = await post('/api/v1/operations/self-check/test-mail');
      } catch (failure) {
        mailProblem.value = failure;
      } finally {
        sending.value = false;
      }
    }

    onMounted(run);
    // the server writes the results in the request's language: ask again in the new one
    watch(language, () => { if (!running.value) run(); });
    return { report, rows, running, problem, mailProblem, mailOutcome, sending, timeZone, run, sendTestMail,
      ICONS, BADGES, formatInstant, t };
  },
  template: `
    <div class="self-check">
      <h1>{{ t('selfCheck.title') }}</h1>
      <p class="muted">{{ t('selfCheck.intro') }}</p>
      <div class="row">
        <button id="self-check-run" class="primary" type="button" :disabled="running" @click="run">
          {{ running ? t('selfCheck.running') : t('selfCheck.runAgain') }}</button>
      </div>
      <p class="muted small" id="self-check-last" v-if="report && report.run">{{ t('selfCheck.lastRun', {
        time: formatInstant(report.run.ranAt, timeZone), name: report.run.ranBy,
        ok: report.run.ok, warnings: report.run.warnings, failed: report.run.failed }) }}</p>
      <ProblemMessage :problem="problem" />
      <ul class="check-list">
        <li v-for="check in rows" :key="check.key" class="card check-card" :data-check="check.key"
            :data-status="check.status">
          <span class="check-icon" :class="BADGES[check.status]" aria-hidden="true">{{ ICONS[check.status] }}</span>
          <div class="check-body">
            <div class="check-head">
              <h2>{{ check.title }}</h2>
              <span class="badge" :class="BADGES[check.status]">{{ t('selfCheck.status.' + check.status) }}</span>
              <span class="muted small" v-if="check.millis !== undefined && check.status !== 'CHECKING'">{{ t('selfCheck.millis', { millis: check.millis }) }}</span>
            </div>
            <p class="check-detail">{{ check.detail }}</p>
            <p class="check-fix small" v-if="check.fix"><strong>{{ t('selfCheck.fix') }}:</strong> {{ check.fix }}</p>
            <div v-if="check.key === 'email'" class="check-actions">
              <button id="self-check-test-mail" type="button" :disabled="sending" @click="sendTestMail">{{ t('selfCheck.testMail') }}</button>
              <p class="notice" id="self-check-mail-sent" v-if="mailOutcome && mailOutcome.delivered">{{ t('selfCheck.testMail.sent', { to: mailOutcome.to }) }}</p>
              <p class="problem" v-if="mailOutcome && !mailOutcome.delivered">{{ t('selfCheck.testMail.failed', { to: mailOutcome.to, error: mailOutcome.error }) }}</p>
              <ProblemMessage :problem="mailProblem" />
            </div>
          </div>
        </li>
      </ul>
    </div>`,
};
