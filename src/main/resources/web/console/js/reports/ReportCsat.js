// Satisfaction: the scores' distribution and share of satisfied visitors, with the comments
// they wrote (newest first), each opening its conversation.
import { computed } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { useReport } from './useReport.js';
import { formatNumber, formatRate } from './format.js';

export default {
  name: 'ReportCsat',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true } },
  emits: ['drill'],
  setup(props) {
    const overview = useReport('/api/v1/reports/overview', computed(() => props.params));
    const comments = useReport('/api/v1/reports/conversations', computed(() => props.params),
      () => ({ only: 'commented', limit: 100 }));
    const total = computed(() => (overview.report.value ? overview.report.value.ratings.reduce((a, b) => a + b, 0) : 0));
    const share = (n) => (total.value ? n / total.value : 0);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const link = (row) => ({ name: 'inbox', query: { view: row.closed ? 'closed' : 'open', conversation: String(row.conversationId) } });
    return { t, overview, comments, total, share, timeZone, link, formatNumber, formatRate, formatInstant };
  },
  template: `
    <div>
      <ProblemMessage :problem="overview.problem.value || comments.problem.value" />
      <template v-if="overview.report.value">
        <div class="kpis">
          <div class="card kpi" v-for="key in ['csat', 'averageRating', 'csatResponse']" :key="key" :title="t('reports.help.' + key)">
            <span class="kpi-label">{{ t('reports.rate.' + key) }}</span>
            <span class="kpi-value">{{ formatRate(overview.report.value.rates[key].value, key) }}</span>
            <span class="kpi-change muted">{{ t('reports.previous') }}: {{ formatRate(overview.report.value.rates[key].previous, key) }}</span>
          </div>
        </div>
        <section class="card" id="reports-ratings">
          <h2>{{ t('reports.chart.ratings') }}</h2>
          <div v-for="(n, i) in overview.report.value.ratings" :key="i" class="rating-bar">
            <button type="button" class="link" @click="$emit('drill', { only: 'rated', rating: i + 1 })">{{ i + 1 }}★</button>
            <span class="bar"><span :style="{ width: (share(n) * 100) + '%' }" :class="'score-' + (i + 1)"></span></span>
            <span class="num">{{ formatNumber(n) }} · {{ formatRate(share(n)) }}</span>
          </div>
        </section>
      </template>
      <section class="card table-wrap" v-if="comments.report.value">
        <h2>{{ t('reports.comments') }}</h2>
        <table id="reports-comments">
          <thead><tr><th>{{ t('reports.column.started') }}</th><th>{{ t('reports.column.score') }}</th>
            <th>{{ t('reports.column.comment') }}</th><th>{{ t('reports.column.agent') }}</th></tr></thead>
          <tbody><tr v-for="row in comments.report.value.items" :key="row.conversationId">
            <td class="small"><router-link :to="link(row)">{{ formatInstant(row.startedAt, timeZone) }}</router-link></td>
            <td>{{ row.rating }}★</td>
            <td class="wrap">{{ row.comment }}</td>
            <td>{{ row.agent || '—' }}</td>
          </tr></tbody>
        </table>
        <div class="empty" v-if="!comments.report.value.items.length">{{ t('reports.noComments') }}</div>
      </section>
    </div>`,
};
