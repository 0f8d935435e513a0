// The status screen's figures: for the cluster or one node, the latest value of each metric
// beside a chart of its history over the chosen range. Refreshed every 30 s.
import { ref, computed, watch, nextTick, onMounted, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { draw } from '../reports/charts.js';
import { formatValue, metricName, dimName } from './units.js';

const REFRESH_MILLIS = 30000;
const PALETTE = ['#2563eb', '#d97706', '#15803d', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f'];

/** The panels in screen order, each with the metrics it draws. */
export const PANELS = [
  { key: 'cpu', metrics: ['system.cpu', 'process.cpu'] },
  { key: 'memory', metrics: ['jvm.heap.used', 'system.memory.used'] },
  { key: 'disk', metrics: ['disk.used'] },
  { key: 'network', metrics: ['network.in', 'network.out'] },
  { key: 'http', metrics: ['http.p50', 'http.p95', 'http.p99'], dim: 'all' },
  { key: 'traffic', metrics: ['http.rate', 'http.errors'], dim: 'all' },
  { key: 'database', metrics: ['db.pool.used', 'db.connection.time'] },
  { key: 'sockets', metrics: ['ws.visitors', 'ws.staff', 'chat.messages'] },
  { key: 'queues', metrics: ['queue.waiting', 'queue.longest_wait'], dim: 'all' },
  { key: 'backlog', metrics: ['outbox.backlog', 'events.backlog', 'outbox.oldest_age', 'events.oldest_age'] },
];

export default {
  name: 'StatusFigures',
  components: { ProblemMessage },
  props: { range: { type: String, required: true }, node: { type: String, default: '' } },
  emits: ['nodes'],
  setup(props, { emit }) {
    const status = ref(null);
    const units = ref({});
    const problem = ref(null);
    const canvases = {};
    const charts = {};
    let timer = null;

    async function load() {
      try {
        if (!Object.keys(units.value).length) {
          const metrics = await get('/api/v1/operations/metrics');
          units.value = Object.fromEntries(metrics.map((m) => [m.key, m.unit]));
        }
        const query = new URLSearchParams({ range: props.range });
        if (props.node) query.set('node', props.node);
        status.value = await get('/api/v1/operations/status?' + query);
        problem.value = null;
        emit('nodes', status.value);
        await nextTick();
        drawAll();
      } catch (failure) {
        problem.value = failure;
      }
    }

    /** The series of a panel: each metric and dimension, the panel's dimension only when it names one. */
    function seriesOf(panel) {
      if (!status.value) return [];
      return status.value.series.filter((s) => panel.metrics.includes(s.metric)
        && (!panel.dim || s.dim === panel.dim) && (s.node || '') === (props.node || ''));
    }

    /** The latest values of a panel: of the node chosen, or the cluster's. */
    function latestOf(panel) {
      if (!status.value) return [];
      return status.value.latest
        .filter((v) => panel.metrics.includes(v.metric) && (!panel.dim || v.dim === panel.dim)
          && (props.node ? v.node === props.node : (v.node === null || v.node === '')))
        .sort((a, b) => panel.metrics.indexOf(a.metric) - panel.metrics.indexOf(b.metric)
          || String(a.dim).localeCompare(String(b.dim)));
    }

    function label(metric, dim, panel) {
      return metricName(metric) + (dim && !panel.dim ? ' · ' + dimName(dim) : '');
    }

    function drawAll() {
      for (const panel of PANELS) {
        const series = seriesOf(panel);
        const unitsUsed = [...new Set(series.map((s) => units.value[s.metric]))];
        draw(canvases[panel.key], charts[panel.key], {
          type: 'line',
          data: {
            datasets: series.map((s, i) => ({
              label: label(s.metric, s.dim, panel),
              data: s.points.map(([x, y]) => ({ x, y: Number(y) })),
              borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length],
              pointRadius: 0, borderWidth: 1.5,
              yAxisID: units.value[s.metric] === unitsUsed[0] ? 'y' : 'y2',
            })),
          },
          options: {
            parsing: false,
            scales: {
              x: { type: 'linear', min: from(), max: Date.parse(status.value.now),
                ticks: { maxTicksLimit: 6, callback: (v) => tick(v) } },
              y: { beginAtZero: true, ticks: { callback: (v) => formatValue(v, unitsUsed[0]) } },
              y2: { display: unitsUsed.length > 1, position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
                ticks: { callback: (v) => formatValue(v, unitsUsed[1]) } },
            },
            plugins: { tooltip: { callbacks: { label: (ctx) => ctx.dataset.label + ': '
              + formatValue(ctx.parsed.y, units.value[series[ctx.datasetIndex].metric]) } } },
          },
        }).then((chart) => { charts[panel.key] = chart; });
      }
    }

    const LENGTHS = { '1h': 3600e3, '6h': 6 * 3600e3, '24h': 24 * 3600e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3,
      '90d': 90 * 86400e3 };

    function from() {
      return Date.parse(status.value.now) - LENGTHS[props.range];
    }

    function tick(millis) {
      const date = new Date(millis);
      const long = ['7d', '30d', '90d'].includes(props.range);
      return long ? date.toLocaleDateString() : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    }

    function setCanvas(key) {
      return (element) => { if (element) canvases[key] = element; };
    }

    watch(() => [props.range, props.node], load);
    onMounted(() => {
      load();
      timer = setInterval(load, REFRESH_MILLIS);
    });
    onBeforeUnmount(() => {
      clearInterval(timer);
      Object.values(charts).forEach((chart) => chart && chart.destroy && chart.destroy());
    });

    const empty = computed(() => status.value && status.value.series.length === 0);
    return { t, status, problem, PANELS, latestOf, seriesOf, label, setCanvas, formatValue, units, empty };
  },
  template: `
    <div>
      <ProblemMessage :problem="problem" />
      <p v-if="empty" class="empty" id="status-empty">{{ t('status.noSamples') }}</p>
      <div class="report-grid" id="status-panels">
        <section v-for="panel in PANELS" :key="panel.key" class="card" :id="'status-' + panel.key">
          <h2>{{ t('status.panel.' + panel.key) }}</h2>
          <p v-if="status && !latestOf(panel).length && !seriesOf(panel).length" class="empty small"
            :data-empty="panel.key">{{ t('status.panel.none') }}</p>
          <div class="chart small-chart" v-show="!status || latestOf(panel).length || seriesOf(panel).length"><canvas :ref="setCanvas(panel.key)" :aria-label="t('status.panel.' + panel.key)"></canvas></div>
          <table class="compact-figures">
            <tbody>
              <tr v-for="value in latestOf(panel)" :key="value.metric + value.dim"
                :data-metric="value.metric" :data-dim="value.dim">
                <td>{{ label(value.metric, value.dim, panel) }}</td>
                <td class="num">{{ formatValue(value.value, units[value.metric]) }}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>
    </div>`,
};
