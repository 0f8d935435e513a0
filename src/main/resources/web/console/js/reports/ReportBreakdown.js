// The figures by group, by channel or by agent: one row each, compared with the period
// before; a row opens its conversations. Agents without statistics.view see their own row.
import { ref, computed, watch, nextTick, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { useReport } from './useReport.js';
import { draw, COLOURS } from './charts.js';
import { formatDuration, formatNumber, formatRate, change } from './format.js';

const TEAM_COLUMNS = [
  { key: 'conversations', kind: 'count' }, { key: 'firstResponse', kind: 'duration' },
  { key: 'wait', kind: 'duration' }, { key: 'resolution', kind: 'duration' },
  { key: 'abandonment', kind: 'rate', lower: true }, { key: 'csat', kind: 'rate' },
  { key: 'transfers', kind: 'count', lower: true },
];

const AGENT_COLUMNS = [
  { key: 'assigned', kind: 'count' }, { key: 'answered', kind: 'count' }, { key: 'messagesOut', kind: 'count' },
  { key: 'firstResponse', kind: 'duration' }, { key: 'reply', kind: 'duration' }, { key: 'handling', kind: 'duration' },
  { key: 'resolved', kind: 'count' }, { key: 'missed', kind: 'count', lower: true },
  { key: 'transfersOut', kind: 'count', lower: true }, { key: 'csat', kind: 'rate' },
  { key: 'averageRating', kind: 'rate' }, { key: 'evaluation', kind: 'evaluation' },
];

export default {
  name: 'ReportBreakdown',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true }, by: { type: String, required: true } },
  emits: ['drill'],
  setup(props, { emit }) {
    const { report, problem, loading } = useReport('/api/v1/reports/by/' + props.by, computed(() => props.params));
    const columns = computed(() => (props.by === 'agents' ? AGENT_COLUMNS : TEAM_COLUMNS));
    const canvas = ref(null);
    let chart = null;

    function cell(row, column) {
      if (column.kind === 'count') {
        const c = row.counts[column.key];
        return { text: formatNumber(c.value), change: change(c.value, c.previous, column.lower) };
      }
      if (column.kind === 'rate') {
        const c = row.rates[column.key];
        return { text: formatRate(c.value, column.key), change: change(c.value, c.previous, column.lower) };
      }
      if (column.kind === 'evaluation') {
        const e = row.evaluation;
        if (!e || !e.count) return { text: '—', change: null };
        return { text: e.average.toFixed(1) + ' (' + e.count + ')',
          change: change(e.average, e.previous && e.previous.average, false) };
      }
      const d = row.durations[column.key];
      return { text: formatDuration(d.median), change: change(d.median, d.previous && d.previous.median, true) };
    }

    function label(column) {
      if (column.kind === 'duration') return t('reports.duration.' + column.key);
      if (column.kind === 'rate') return t('reports.rate.' + column.key);
      if (column.kind === 'evaluation') return t('reports.column.evaluation');
      return t('reports.count.' + column.key);
    }

    function name(row) {
      if (row.name) return row.name;
      return props.by === 'groups' || props.by === 'topics' ? t('reports.noGroup') : '#' + row.id;
    }

    function open(row, column) {
      const detail = { only: 'all' };
      if (props.by === 'agents') detail.agentId = String(row.id);
      else if (props.by === 'groups') detail.groupId = row.id ? String(row.id) : null;
      else if (props.by === 'topics') detail.topicId = String(row.id);
      else detail.channelId = String(row.id);
      if (column && column.kind === 'duration' && column.key !== 'reply') detail.sort = column.key;
      if (column && (column.key === 'abandonment' || column.key === 'missed')) detail.only = 'abandoned';
      if (column && (column.key === 'csat' || column.key === 'averageRating')) detail.only = 'rated';
      emit('drill', detail);
    }

    watch(report, async (r) => {
      if (!r) return;
      await nextTick();
      const rows = r.rows.slice(0, 15);
      const key = props.by === 'agents' ? 'assigned' : 'conversations';
      chart = await draw(canvas.value, chart, {
        type: 'bar',
        data: { labels: rows.map(name), datasets: [{ label: t('reports.count.' + key),
          data: rows.map((row) => row.counts[key].value), backgroundColor: COLOURS.accent }] },
        options: { indexAxis: 'y', plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    });
    onBeforeUnmount(() => chart && chart.destroy());

    return { t, report, problem, loading, columns, canvas, cell, label, name, open };
  },
  template: `
    <div>
      <ProblemMessage :problem="problem" />
      <p v-if="loading && !report" class="muted">{{ t('reports.loading') }}</p>
      <template v-if="report">
        <section class="card" v-if="report.rows.length > 1">
          <div class="chart" :style="{ height: Math.max(160, Math.min(report.rows.length, 15) * 28) + 'px' }">
            <canvas ref="canvas" role="img" :aria-label="t('reports.tab.' + by)"></canvas></div>
        </section>
        <section class="card table-wrap">
          <table :id="'reports-' + by">
            <thead><tr>
              <th>{{ t('reports.column.' + by) }}</th>
              <th v-for="c in columns" :key="c.key" class="num" :title="t('reports.help.' + c.key)">{{ label(c) }}</th>
            </tr></thead>
            <tbody><tr v-for="row in report.rows" :key="row.id || 0" :data-id="row.id">
              <td><button type="button" class="link" @click="open(row)">{{ name(row) }}</button></td>
              <td v-for="c in columns" :key="c.key" class="num">
                <button type="button" class="link" @click="open(row, c)">{{ cell(row, c).text }}</button>
                <div v-if="cell(row, c).change" class="small" :class="cell(row, c).change.good ? 'good' : 'bad'">{{ cell(row, c).change.text }}</div>
              </td>
            </tr></tbody>
          </table>
          <div class="empty" v-if="!report.rows.length">{{ t('reports.empty') }}</div>
        </section>
      </template>
    </div>`,
};
