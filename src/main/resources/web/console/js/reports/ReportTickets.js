// Tickets and SLA: tickets created and solved, the backlog day by day, first response and
// resolution times, SLA targets achieved or breached, by priority; every figure lists the
// tickets behind it, each opening the ticket.
import { ref, computed, watch, nextTick, onBeforeUnmount } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { useReport } from './useReport.js';
import { draw, COLOURS } from './charts.js';
import { change, formatDuration, formatNumber, formatRate } from './format.js';

export const TICKET_ONLY = ['created', 'solved', 'open', 'breached'];

export default {
  name: 'ReportTickets',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true }, only: { type: String, default: 'created' } },
  emits: ['only'],
  setup(props) {
    const request = computed(() => ({ from: props.params.from, to: props.params.to, hours: props.params.hours,
      groupId: props.params.groupId }));
    const { report, problem, loading } = useReport('/api/v1/reports/tickets', request);
    const rows = ref([]);
    const next = ref(null);
    const rowsProblem = ref(null);
    const canvas = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    let chart = null;

    async function loadRows(append) {
      rowsProblem.value = null;
      try {
        const page = await get('/api/v1/reports/tickets/rows', { ...request.value, only: props.only,
          cursor: append ? next.value : '', limit: 50 });
        rows.value = append ? rows.value.concat(page.items) : page.items;
        next.value = page.next;
      } catch (failure) {
        rowsProblem.value = failure;
      }
    }
    watch(() => [request.value, props.only], () => loadRows(false), { immediate: true, deep: true });

    watch(report, async (r) => {
      if (!r) return;
      await nextTick();
      chart = await draw(canvas.value, chart, {
        type: 'bar',
        data: { labels: r.series.map((d) => d.day), datasets: [
          { type: 'bar', label: t('reports.tickets.created'), data: r.series.map((d) => d.created),
            backgroundColor: COLOURS.accent },
          { type: 'bar', label: t('reports.tickets.solved'), data: r.series.map((d) => d.solved),
            backgroundColor: COLOURS.ok },
          { type: 'line', label: t('reports.tickets.backlog'), data: r.series.map((d) => d.backlog),
            borderColor: COLOURS.second, backgroundColor: COLOURS.second },
        ] },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    });
    onBeforeUnmount(() => { if (chart) chart.destroy(); });

    const kpis = computed(() => {
      const r = report.value;
      if (!r) return [];
      return [
        { key: 'created', only: 'created', value: formatNumber(r.created.value),
          change: change(r.created.value, r.created.previous, false) },
        { key: 'solved', only: 'solved', value: formatNumber(r.solved.value),
          change: change(r.solved.value, r.solved.previous, false) },
        { key: 'backlog', only: 'open', value: formatNumber(r.backlog.end),
          change: change(r.backlog.end, r.backlog.start, true) },
        { key: 'firstResponse', only: 'created', value: formatDuration(r.firstResponse.median),
          change: change(r.firstResponse.median, r.firstResponse.previousMedian, true) },
        { key: 'resolution', only: 'solved', value: formatDuration(r.resolution.median),
          change: change(r.resolution.median, r.resolution.previousMedian, true) },
        { key: 'slaFirstResponse', only: 'breached', value: formatRate(r.firstResponseSla.achieved),
          change: change(r.firstResponseSla.achieved, r.firstResponseSla.previousAchieved, false) },
        { key: 'slaResolution', only: 'breached', value: formatRate(r.resolutionSla.achieved),
          change: change(r.resolutionSla.achieved, r.resolutionSla.previousAchieved, false) },
      ];
    });
    const link = (row) => ({ name: 'ticket', params: { id: String(row.ticketId) } });
    return { t, report, problem, loading, rows, next, rowsProblem, canvas, timeZone, kpis, link, loadRows,
      formatDuration, formatNumber, formatRate, formatInstant, TICKET_ONLY };
  },
  template: `
    <div>
      <ProblemMessage :problem="problem" />
      <p v-if="loading && !report" class="muted">{{ t('reports.loading') }}</p>
      <template v-if="report">
        <div class="kpis" id="reports-tickets-headlines">
          <button v-for="k in kpis" :key="k.key" type="button" class="card kpi" :data-figure="k.key"
            :title="t('reports.tickets.help.' + k.key)" @click="$emit('only', k.only)">
            <span class="kpi-label">{{ t('reports.tickets.' + k.key) }}</span>
            <span class="kpi-value">{{ k.value }}</span>
            <span v-if="k.change" class="kpi-change" :class="k.change.good ? 'good' : 'bad'">
              {{ k.change.text }} <span class="muted">{{ t(k.key === 'backlog' ? 'reports.tickets.vsStart' : 'reports.vsPrevious') }}</span></span>
          </button>
        </div>
        <div class="report-grid">
          <section class="card">
            <h2>{{ t('reports.tickets.chart') }}</h2>
            <div class="chart"><canvas ref="canvas" :aria-label="t('reports.tickets.chart')" role="img"></canvas></div>
          </section>
          <section class="card table-wrap">
            <h2>{{ t('reports.tickets.sla') }}</h2>
            <table id="reports-tickets-sla">
              <thead><tr><th>{{ t('reports.figure') }}</th><th class="num">{{ t('reports.tickets.met') }}</th>
                <th class="num">{{ t('reports.tickets.breached') }}</th><th class="num">{{ t('reports.tickets.running') }}</th>
                <th class="num">{{ t('reports.tickets.paused') }}</th><th class="num">{{ t('reports.tickets.achieved') }}</th></tr></thead>
              <tbody>
                <tr v-for="key in ['firstResponseSla', 'resolutionSla']" :key="key" :data-sla="key">
                  <td :title="t('reports.tickets.help.' + key)">{{ t('reports.tickets.' + key) }}</td>
                  <td class="num">{{ formatNumber(report[key].met) }}</td>
                  <td class="num"><button type="button" class="link" @click="$emit('only', 'breached')">{{ formatNumber(report[key].breached) }}</button></td>
                  <td class="num">{{ formatNumber(report[key].running) }}</td>
                  <td class="num">{{ formatNumber(report[key].paused) }}</td>
                  <td class="num">{{ formatRate(report[key].achieved) }}</td>
                </tr>
              </tbody>
            </table>
            <h2 class="spaced">{{ t('reports.tickets.byPriority') }}</h2>
            <table id="reports-tickets-priorities">
              <thead><tr><th>{{ t('reports.tickets.priority') }}</th><th class="num">{{ t('reports.tickets.created') }}</th>
                <th class="num">{{ t('reports.tickets.solved') }}</th><th class="num">{{ t('reports.tickets.slaFirstResponse') }}</th>
                <th class="num">{{ t('reports.tickets.slaResolution') }}</th></tr></thead>
              <tbody><tr v-for="p in report.priorities" :key="p.priority">
                <td>{{ t('ticket.priority.' + p.priority) }}</td><td class="num">{{ formatNumber(p.created) }}</td>
                <td class="num">{{ formatNumber(p.solved) }}</td><td class="num">{{ formatRate(p.firstResponseAchieved) }}</td>
                <td class="num">{{ formatRate(p.resolutionAchieved) }}</td>
              </tr></tbody>
            </table>
          </section>
        </div>
        <section class="card table-wrap">
          <h2>{{ t('reports.tickets.durations') }}</h2>
          <table id="reports-tickets-durations">
            <thead><tr><th>{{ t('reports.figure') }}</th><th class="num">n</th><th class="num">{{ t('reports.median') }}</th>
              <th class="num">{{ t('reports.p90') }}</th><th class="num">{{ t('reports.average') }}</th>
              <th class="num">{{ t('reports.previousMedian') }}</th></tr></thead>
            <tbody><tr v-for="key in ['firstResponse', 'resolution']" :key="key">
              <td :title="t('reports.tickets.help.' + key)">{{ t('reports.tickets.' + key) }}</td>
              <td class="num">{{ formatNumber(report[key].n) }}</td><td class="num">{{ formatDuration(report[key].median) }}</td>
              <td class="num">{{ formatDuration(report[key].p90) }}</td><td class="num">{{ formatDuration(report[key].average) }}</td>
              <td class="num muted">{{ formatDuration(report[key].previousMedian) }}</td>
            </tr></tbody>
          </table>
        </section>
      </template>
      <section class="card table-wrap" style="padding:0">
        <form class="toolbar" @submit.prevent style="padding:.75rem 1rem 0">
          <div>
            <label for="reports-tickets-only">{{ t('reports.only') }}</label>
            <select id="reports-tickets-only" :value="only" @change="$emit('only', $event.target.value)">
              <option v-for="o in TICKET_ONLY" :key="o" :value="o">{{ t('reports.tickets.only.' + o) }}</option>
            </select>
          </div>
        </form>
        <ProblemMessage :problem="rowsProblem" />
        <table id="reports-tickets">
          <thead><tr><th>{{ t('reports.tickets.number') }}</th><th>{{ t('reports.tickets.priority') }}</th>
            <th>{{ t('reports.column.group') }}</th><th>{{ t('reports.tickets.assignee') }}</th>
            <th>{{ t('reports.column.status') }}</th><th>{{ t('reports.tickets.createdAt') }}</th>
            <th class="num">{{ t('reports.tickets.firstResponse') }}</th><th class="num">{{ t('reports.tickets.resolution') }}</th>
            <th>{{ t('reports.tickets.firstResponseSla') }}</th><th>{{ t('reports.tickets.resolutionSla') }}</th></tr></thead>
          <tbody><tr v-for="row in rows" :key="row.ticketId" :data-ticket="row.ticketId">
            <td><router-link :to="link(row)">{{ row.number }}</router-link></td>
            <td>{{ t('ticket.priority.' + row.priority) }}</td><td>{{ row.group || '—' }}</td><td>{{ row.assignee || '—' }}</td>
            <td>{{ t('ticket.status.' + row.status) }}</td>
            <td class="small">{{ formatInstant(row.createdAt, timeZone) }}</td>
            <td class="num">{{ formatDuration(row.firstResponse) }}</td><td class="num">{{ formatDuration(row.resolution) }}</td>
            <td><span class="badge" :class="{ ok: row.firstResponseSla === 'MET', off: row.firstResponseSla === 'BREACHED' }">{{ t('reports.tickets.outcome.' + row.firstResponseSla) }}</span></td>
            <td><span class="badge" :class="{ ok: row.resolutionSla === 'MET', off: row.resolutionSla === 'BREACHED' }">{{ t('reports.tickets.outcome.' + row.resolutionSla) }}</span></td>
          </tr></tbody>
        </table>
        <div class="empty" v-if="!rows.length">{{ t('reports.tickets.none') }}</div>
        <div class="more" v-if="next"><button type="button" @click="loadRows(true)">{{ t('action.more') }}</button></div>
      </section>
    </div>`,
};
