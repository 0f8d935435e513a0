// The evidence captured for a fault's window when it was opened and when it was resolved:
// metrics as a line chart per series (its latest values beside it), the error lines of
// the logs and the alerts that fired. Everything is shown as text, never as HTML.
import { ref, watch, onMounted, onBeforeUnmount, nextTick } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { draw, COLOURS } from '../reports/charts.js';
import { FAULTS } from './format.js';
import { formatValue, metricName, dimName } from '../status/units.js';

const PHASES = ['OPENED', 'RESOLVED'];

function time(millis, timeZone) {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(new Date(millis));
  } catch {
    return new Date(millis).toISOString().substring(11, 16);
  }
}

export default {
  name: 'EvidenceSection',
  components: { ProblemMessage },
  props: { faultId: { type: Number, required: true }, refresh: Number, timeZone: String },
  setup(props) {
    const items = ref([]);
    const loaded = ref(false);
    const problem = ref(null);
    const canvases = {};
    let charts = [];

    function series(item) {
      return (item.payload && Array.isArray(item.payload.series)) ? item.payload.series : [];
    }

    async function drawCharts() {
      charts.forEach((chart) => chart && chart.destroy());
      charts = [];
      await nextTick();
      for (const item of items.value.filter((e) => e.kind === 'METRICS')) {
        series(item).forEach(async (one, index) => {
          const points = Array.isArray(one.points) ? one.points : [];
          const chart = await draw(canvases[item.id + '-' + index], null, {
            type: 'line',
            data: {
              labels: points.map((point) => time(point[0], props.timeZone)),
              datasets: [{ label: figure(one),
                data: points.map((point) => Number(point[1])), borderColor: COLOURS.accent, pointRadius: 0, tension: 0.2 }],
            },
            options: { scales: { y: { beginAtZero: true, ticks: { callback: (v) => formatValue(v, one.unit) } } } },
          });
          charts.push(chart);
        });
      }
    }

    async function load() {
      problem.value = null;
      try {
        items.value = await get(FAULTS + '/' + props.faultId + '/evidence');
        loaded.value = true;
        drawCharts();
      } catch (failure) {
        problem.value = failure;
      }
    }

    onMounted(load);
    watch(() => props.refresh, load);
    onBeforeUnmount(() => charts.forEach((chart) => chart && chart.destroy()));

    const ofPhase = (phase) => items.value.filter((item) => item.phase === phase);
    const lines = (item) => (item.payload && Array.isArray(item.payload.lines)) ? item.payload.lines : [];
    const alerts = (item) => (item.payload && Array.isArray(item.payload.alerts)) ? item.payload.alerts : [];
    const last = (one) => {
      const points = Array.isArray(one.points) ? one.points : [];
      return points.length ? points[points.length - 1][1] : null;
    };
    const figure = (one) => metricName(one.metric) + (one.dim && one.dim !== 'all' ? ' · ' + dimName(one.dim) : '')
      + (one.node ? ' · ' + one.node : '');
    const canvas = (key) => (element) => { canvases[key] = element; };
    const when = (iso) => formatInstant(iso, props.timeZone);
    return { items, loaded, problem, phases: PHASES, ofPhase, series, lines, alerts, last, canvas, when, t, figure, formatValue,
      metricName };
  },
  template: `
    <section class="card fault-evidence" data-evidence>
      <h2>{{ t('faults.evidence') }}</h2>
      <p class="hint muted small">{{ t('faults.evidenceHint') }}</p>
      <ProblemMessage :problem="problem" />
      <div class="empty" v-if="loaded && !items.length">{{ t('faults.noEvidence') }}</div>
      <template v-for="phase in phases" :key="phase">
        <div v-if="ofPhase(phase).length" :data-phase="phase">
          <h3>{{ t('faults.phase.' + phase) }}
            <span class="muted small">{{ when(ofPhase(phase)[0].from) }} – {{ when(ofPhase(phase)[0].to) }}</span></h3>
          <div v-for="item in ofPhase(phase)" :key="item.id" class="evidence-item" :data-kind="item.kind">
            <h4>{{ t('faults.kind.' + item.kind) }}</h4>
            <template v-if="item.kind === 'METRICS'">
              <div v-for="(one, index) in series(item)" :key="index" class="evidence-chart">
                <div class="chart small-chart"><canvas :ref="canvas(item.id + '-' + index)" :aria-label="one.metric"></canvas></div>
                <div class="small muted">{{ figure(one) }}: {{ t('faults.latest') }} {{ formatValue(last(one), one.unit) }}</div>
              </div>
              <div v-if="!series(item).length" class="muted small">{{ t('faults.nothing') }}</div>
            </template>
            <ul v-else-if="item.kind === 'LOG_LINES'" class="evidence-lines">
              <li v-for="(line, index) in lines(item)" :key="index" data-log-line>
                <span class="small muted">{{ when(line.at) }}</span>
                <span class="badge" :class="line.level === 'ERROR' ? 'off' : 'warn'">{{ line.level }}</span>
                <span class="small muted">{{ line.node }} · {{ line.logger }}</span>
                <div class="wrap mono small">{{ line.message }}</div>
              </li>
              <li v-if="!lines(item).length" class="muted small">{{ t('faults.nothing') }}</li>
            </ul>
            <ul v-else class="evidence-lines">
              <li v-for="alert in alerts(item)" :key="alert.id" data-alert>
                <span class="badge" :class="alert.severity === 'CRITICAL' ? 'off' : 'warn'">{{ t('monitoring.severity.' + alert.severity) }}</span>
                {{ metricName(alert.metric) }}<template v-if="alert.node"> · {{ alert.node.substring(0, 8) }}</template>:
                {{ formatValue(alert.value, alert.unit) }} / {{ formatValue(alert.threshold, alert.unit) }}
                <span class="small muted">{{ when(alert.firedAt) }}<template v-if="alert.resolvedAt"> – {{ when(alert.resolvedAt) }}</template></span>
              </li>
              <li v-if="!alerts(item).length" class="muted small">{{ t('faults.nothing') }}</li>
            </ul>
          </div>
        </div>
      </template>
    </section>`,
};
