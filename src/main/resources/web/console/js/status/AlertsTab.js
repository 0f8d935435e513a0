// Alerts: those firing now (acknowledge one to say someone is on it) and the history of the
// last week.
import { ref, onMounted, onBeforeUnmount } from 'vue';
import { useRouter } from 'vue-router';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { formatValue, metricName, dimName } from './units.js';
import { refreshAlerts } from './alertState.js';

const REFRESH_MILLIS = 30000;


export default {
  name: 'AlertsTab',
  components: { ProblemMessage },
  props: { hosts: { type: Object, default: () => ({}) } },
  setup(props) {
    const firing = ref([]);
    const history = ref([]);
    const problem = ref(null);
    const busy = ref(false);
    let timer = null;

    async function load() {
      try {
        const [now, past] = await Promise.all([get('/api/v1/operations/alerts/firing'),
          get('/api/v1/operations/alerts?limit=100')]);
        firing.value = now;
        history.value = past;
        problem.value = null;
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function acknowledge(alert) {
      busy.value = true;
      try {
        await post('/api/v1/operations/alerts/' + alert.id + '/acknowledge', {});
        await load();
        refreshAlerts();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const where = (alert) => (alert.node ? (alert.host || props.hosts[alert.node] || alert.node.substring(0, 8))
      : t('status.cluster'))
      + (alert.dim ? ' · ' + dimName(alert.dim) : '');
    const zone = () => session.me.organisation.timeZone;
    const router = useRouter();

    /** Reports a fault with what the alert says filled in. */
    function openFault(alert) {
      const what = metricName(alert.metric);
      router.push({ name: 'faults', query: {
        report: '1',
        title: t('status.alerts.faultTitle', { metric: what, where: where(alert) }),
        observed: t('status.alerts.faultObserved', { metric: what, where: where(alert),
          value: formatValue(alert.peak, alert.unit), threshold: formatValue(alert.threshold, alert.unit),
          time: formatInstant(alert.startedAt, zone()) }),
        faultClass: alert.faultClass, severity: alert.severity === 'CRITICAL' ? 'CRITICAL' : 'MAJOR',
        startedAt: alert.startedAt,
      } });
    }
    onMounted(() => {
      load();
      timer = setInterval(load, REFRESH_MILLIS);
    });
    onBeforeUnmount(() => clearInterval(timer));
    return { t, can, openFault, firing, history, problem, busy, acknowledge, where, zone, formatInstant, formatValue, metricName };
  },
  template: `
    <div>
      <ProblemMessage :problem="problem" />
      <section class="card" id="alerts-firing">
        <h2>{{ t('status.alerts.firing') }}</h2>
        <p v-if="!firing.length" class="empty">{{ t('status.alerts.none') }}</p>
        <ul v-else class="plain-list">
          <li v-for="alert in firing" :key="alert.id" class="alert-row" :data-alert="alert.id" :data-metric="alert.metric">
            <span class="badge" :class="alert.severity === 'CRITICAL' ? 'danger' : 'warn'">{{ t('monitoring.severity.' + alert.severity) }}</span>
            <strong>{{ metricName(alert.metric) }}</strong>
            <span>{{ where(alert) }}</span>
            <span>{{ t('status.alerts.value', { value: formatValue(alert.peak, alert.unit), threshold: formatValue(alert.threshold, alert.unit) }) }}</span>
            <span class="muted small">{{ t('status.alerts.since', { time: formatInstant(alert.startedAt, zone()) }) }}</span>
            <span v-if="alert.acknowledgedAt" class="muted small ack">{{ t('status.alerts.acknowledged', { time: formatInstant(alert.acknowledgedAt, zone()) }) }}</span>
            <button v-else type="button" class="small" :disabled="busy" @click="acknowledge(alert)">{{ t('status.alerts.acknowledge') }}</button>
            <button v-if="can('fault.manage')" type="button" class="small" data-open-fault @click="openFault(alert)">{{ t('status.alerts.openFault') }}</button>
          </li>
        </ul>
      </section>
      <section class="card" id="alerts-history">
        <h2>{{ t('status.alerts.history') }}</h2>
        <p v-if="!history.length" class="empty">{{ t('status.alerts.noHistory') }}</p>
        <div v-else class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{{ t('status.alerts.metric') }}</th><th>{{ t('status.alerts.where') }}</th>
                <th>{{ t('status.alerts.severity') }}</th><th>{{ t('status.alerts.peak') }}</th>
                <th>{{ t('status.alerts.fired') }}</th><th>{{ t('status.alerts.resolved') }}</th>
              </tr>
            </thead>
            <tbody>
              <tr v-for="alert in history" :key="alert.id" :data-alert="alert.id">
                <td>{{ metricName(alert.metric) }}</td>
                <td class="wrap">{{ where(alert) }}</td>
                <td>{{ t('monitoring.severity.' + alert.severity) }}</td>
                <td class="num">{{ formatValue(alert.peak, alert.unit) }}</td>
                <td class="small">{{ formatInstant(alert.firedAt, zone()) }}</td>
                <td class="small">{{ alert.resolvedAt ? formatInstant(alert.resolvedAt, zone()) : t('status.alerts.stillFiring') }}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </div>`,
};
