// Occupancy: per agent, time signed in (online, away) and on shift against time with
// conversations, the share of signed-in time spent with them, and how many at once.
import { computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { useReport } from './useReport.js';
import { formatDuration, formatRate } from './format.js';

const COLUMNS = ['online', 'away', 'onShift', 'busy', 'occupancy', 'concurrency', 'peak'];

export default {
  name: 'ReportOccupancy',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true } },
  setup(props) {
    const request = computed(() => ({ from: props.params.from, to: props.params.to, groupId: props.params.groupId }));
    const { report, problem } = useReport('/api/v1/reports/occupancy', request);
    function cell(row, key) {
      const value = row[key];
      if (key === 'occupancy') {
        return row.previousOccupancy === null ? formatRate(value)
          : formatRate(value) + ' (' + t('reports.occupancy.before', { value: formatRate(row.previousOccupancy) }) + ')';
      }
      if (key === 'concurrency') return value === null ? '—' : value.toFixed(2);
      if (key === 'peak') return String(value);
      return formatDuration(value);
    }
    return { t, report, problem, cell, COLUMNS };
  },
  template: `
    <section class="card table-wrap" id="reports-occupancy">
      <h2 :title="t('reports.occupancy.help')">{{ t('reports.occupancy') }}</h2>
      <ProblemMessage :problem="problem" />
      <table v-if="report && report.rows.length">
        <thead><tr><th>{{ t('reports.column.agent') }}</th>
          <th v-for="key in COLUMNS" :key="key" class="num" :title="t('reports.occupancy.help.' + key)">{{ t('reports.occupancy.' + key) }}</th></tr></thead>
        <tbody><tr v-for="row in report.rows" :key="row.agentId" :data-agent="row.agentId">
          <td>{{ row.name }}</td>
          <td v-for="key in COLUMNS" :key="key" class="num">{{ cell(row, key) }}</td>
        </tr></tbody>
      </table>
      <p v-else-if="report" class="empty">{{ t('reports.occupancy.none') }}</p>
    </section>`,
};
