// The overview: the headline figures with their change, the trend, when conversations
// start (weekday x hour), and every duration and count with the period before.
import { ref, computed, watch, nextTick, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { useReport } from './useReport.js';
import { draw, COLOURS } from './charts.js';
import { formatDuration, formatNumber, formatRate, change, DURATIONS, SORT_OF, ONLY_OF } from './format.js';

const HEADLINES = [
  { key: 'conversations', kind: 'count' },
  { key: 'firstResponse', kind: 'duration', lower: true },
  { key: 'wait', kind: 'duration', lower: true },
  { key: 'resolution', kind: 'duration', lower: true },
  { key: 'abandonment', kind: 'rate', lower: true },
  { key: 'csat', kind: 'rate' },
];

const COUNTS = ['conversations', 'live', 'leftMessages', 'leftAnswered', 'messagesIn', 'messagesOut', 'assigned',
  'answered', 'abandoned', 'closed', 'reopened', 'transferred', 'transfers', 'rated', 'commented'];

const RATES = ['abandonment', 'transfer', 'reopen', 'leftAnswered', 'csat', 'csatResponse', 'averageRating'];

const LOWER_IS_BETTER = new Set(['abandonment', 'transfer', 'reopen', 'abandoned', 'reopened', 'transferred',
  'transfers']);

export default {
  name: 'ReportOverview',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true } },
  emits: ['drill'],
  setup(props, { emit }) {
    const { report, problem, loading } = useReport('/api/v1/reports/overview', computed(() => props.params));
    const trend = ref(null);
    const ratings = ref(null);
    let trendChart = null;
    let ratingsChart = null;

    function headline(h) {
      const r = report.value;
      if (h.kind === 'count') {
        const c = r.counts[h.key];
        return { value: formatNumber(c.value), change: change(c.value, c.previous, h.lower) };
      }
      if (h.kind === 'rate') {
        const c = r.rates[h.key];
        return { value: formatRate(c.value, h.key), change: change(c.value, c.previous, h.lower) };
      }
      const d = r.durations[h.key];
      return { value: formatDuration(d.median), change: change(d.median, d.previous && d.previous.median, h.lower) };
    }

    const maxHeat = computed(() => Math.max(1, ...(report.value ? report.value.heatmap.flat() : [1])));
    function heatStyle(count) {
      const share = count / maxHeat.value;
      return { background: count ? `rgba(37, 99, 235, ${0.12 + 0.78 * share})` : 'transparent',
        color: share > 0.55 ? '#fff' : 'inherit' };
    }

    watch(report, async (r) => {
      if (!r) return;
      await nextTick();
      const labels = r.series.points.map((p) => p.period);
      trendChart = await draw(trend.value, trendChart, {
        type: 'bar',
        data: { labels, datasets: [
          { type: 'bar', label: t('reports.count.conversations'), data: r.series.points.map((p) => p.conversations),
            backgroundColor: COLOURS.accent, yAxisID: 'y' },
          { type: 'line', label: t('reports.chart.firstResponseMedian'),
            data: r.series.points.map((p) => (p.medians.firstResponse === null ? null : p.medians.firstResponse / 1000)),
            borderColor: COLOURS.second, backgroundColor: COLOURS.second, yAxisID: 'seconds', spanGaps: true },
        ] },
        options: { scales: { y: { beginAtZero: true, position: 'left' },
          seconds: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false },
            title: { display: true, text: t('reports.chart.seconds') } } } },
      });
      ratingsChart = await draw(ratings.value, ratingsChart, {
        type: 'bar',
        data: { labels: ['1', '2', '3', '4', '5'], datasets: [{ label: t('reports.count.rated'), data: r.ratings,
          backgroundColor: COLOURS.ratings }] },
        options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    });

    onBeforeUnmount(() => {
      if (trendChart) trendChart.destroy();
      if (ratingsChart) ratingsChart.destroy();
    });

    const weekdays = computed(() => [1, 2, 3, 4, 5, 6, 7].map((d) => t('reports.weekday.' + d)));
    const drillDuration = (key) => emit('drill', { only: ONLY_OF[key] || 'all', sort: SORT_OF[key] });
    const drillCount = (key) => emit('drill', { only: ONLY_OF[key] || 'all' });
    const drillHeadline = (h) => (h.kind === 'duration' ? drillDuration(h.key)
      : drillCount(h.key === 'abandonment' ? 'abandoned' : h.key === 'csat' ? 'rated' : h.key));

    return { t, report, problem, loading, trend, ratings, HEADLINES, COUNTS, RATES, DURATIONS, LOWER_IS_BETTER,
      headline, heatStyle, weekdays, formatDuration, formatNumber, formatRate, change, drillDuration, drillCount,
      drillHeadline };
  },
  template: `
    <div>
      <ProblemMessage :problem="problem" />
      <p v-if="loading && !report" class="muted">{{ t('reports.loading') }}</p>
      <template v-if="report">
        <div class="kpis" id="reports-headlines">
          <button v-for="h in HEADLINES" :key="h.key" type="button" class="card kpi" :data-figure="h.key"
            :title="t('reports.help.' + h.key)" @click="drillHeadline(h)">
            <span class="kpi-label">{{ t('reports.kpi.' + h.key) }}</span>
            <span class="kpi-value">{{ headline(h).value }}</span>
            <span v-if="headline(h).change" class="kpi-change" :class="headline(h).change.good ? 'good' : 'bad'">
              {{ headline(h).change.text }} <span class="muted">{{ t('reports.vsPrevious') }}</span></span>
          </button>
        </div>
        <div class="report-grid">
          <section class="card">
            <h2>{{ t('reports.chart.trend') }}</h2>
            <div class="chart"><canvas ref="trend" :aria-label="t('reports.chart.trend')" role="img"></canvas></div>
          </section>
          <section class="card">
            <h2>{{ t('reports.chart.ratings') }}</h2>
            <div class="chart small-chart"><canvas ref="ratings" :aria-label="t('reports.chart.ratings')" role="img"></canvas></div>
            <table class="compact"><tbody><tr>
              <td v-for="(n, i) in report.ratings" :key="i"><button type="button" class="link"
                @click="$emit('drill', { only: 'rated', rating: i + 1 })">{{ i + 1 }}★ {{ formatNumber(n) }}</button></td>
            </tr></tbody></table>
          </section>
        </div>
        <section class="card">
          <h2 :title="t('reports.help.heatmap')">{{ t('reports.heatmap') }}</h2>
          <div class="table-wrap">
            <table class="heatmap" id="reports-heatmap">
              <thead><tr><th></th><th v-for="h in 24" :key="h">{{ h - 1 }}</th></tr></thead>
              <tbody><tr v-for="(row, d) in report.heatmap" :key="d">
                <th>{{ weekdays[d] }}</th>
                <td v-for="(count, h) in row" :key="h" :style="heatStyle(count)" :title="weekdays[d] + ' ' + h + ':00 · ' + count"
                  :data-cell="(d + 1) + '-' + h"><button v-if="count" type="button" class="link heat-cell"
                  @click="$emit('drill', { only: 'all', weekday: d + 1, hour: h })">{{ count }}</button></td>
              </tr></tbody>
            </table>
          </div>
        </section>
        <section class="card table-wrap">
          <h2>{{ t('reports.durations') }}</h2>
          <table id="reports-durations">
            <thead><tr><th>{{ t('reports.figure') }}</th><th class="num">n</th><th class="num">{{ t('reports.median') }}</th>
              <th class="num">{{ t('reports.p90') }}</th><th class="num">{{ t('reports.average') }}</th>
              <th class="num">{{ t('reports.previousMedian') }}</th><th class="num">{{ t('reports.change') }}</th></tr></thead>
            <tbody><tr v-for="key in DURATIONS" :key="key" :data-duration="key">
              <td><button type="button" class="link" :title="t('reports.help.' + key)" @click="drillDuration(key)">{{ t('reports.duration.' + key) }}</button></td>
              <td class="num">{{ formatNumber(report.durations[key].n) }}</td>
              <td class="num">{{ formatDuration(report.durations[key].median) }}</td>
              <td class="num">{{ formatDuration(report.durations[key].p90) }}</td>
              <td class="num">{{ formatDuration(report.durations[key].average) }}</td>
              <td class="num muted">{{ formatDuration(report.durations[key].previous && report.durations[key].previous.median) }}</td>
              <td class="num"><span v-if="change(report.durations[key].median, report.durations[key].previous && report.durations[key].previous.median, true)"
                :class="change(report.durations[key].median, report.durations[key].previous.median, true).good ? 'good' : 'bad'">
                {{ change(report.durations[key].median, report.durations[key].previous.median, true).text }}</span></td>
            </tr></tbody>
          </table>
        </section>
        <div class="report-grid">
          <section class="card table-wrap">
            <h2>{{ t('reports.counts') }}</h2>
            <table id="reports-counts">
              <thead><tr><th>{{ t('reports.figure') }}</th><th class="num">{{ t('reports.value') }}</th>
                <th class="num">{{ t('reports.previous') }}</th></tr></thead>
              <tbody><tr v-for="key in COUNTS" :key="key">
                <td><button type="button" class="link" :title="t('reports.help.' + key)" @click="drillCount(key)">{{ t('reports.count.' + key) }}</button></td>
                <td class="num">{{ formatNumber(report.counts[key].value) }}</td>
                <td class="num muted">{{ formatNumber(report.counts[key].previous) }}</td>
              </tr></tbody>
            </table>
          </section>
          <section class="card table-wrap">
            <h2>{{ t('reports.rates') }}</h2>
            <table id="reports-rates">
              <thead><tr><th>{{ t('reports.figure') }}</th><th class="num">{{ t('reports.value') }}</th>
                <th class="num">{{ t('reports.previous') }}</th></tr></thead>
              <tbody><tr v-for="key in RATES" :key="key">
                <td><button type="button" class="link" :title="t('reports.help.' + key)" @click="drillCount(key)">{{ t('reports.rate.' + key) }}</button></td>
                <td class="num">{{ formatRate(report.rates[key].value, key) }}</td>
                <td class="num muted">{{ formatRate(report.rates[key].previous, key) }}</td>
              </tr></tbody>
            </table>
          </section>
        </div>
      </template>
    </div>`,
};
