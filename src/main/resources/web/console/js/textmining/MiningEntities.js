// The named things of the period: places, organisations, products and order numbers, each
// with the conversations it was found in (examples open the transcript, the name opens the
// list). People, phone numbers and e-mail addresses are personal data: only counted.
import { computed } from 'vue';
import { t, tCount } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { useReport } from '../reports/useReport.js';
import { formatNumber } from '../reports/format.js';

export default {
  name: 'MiningEntities',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true } },
  emits: ['choose'],
  setup(props) {
    const { report, problem, loading } = useReport('/api/v1/text-mining/entities', computed(() => props.params));
    const link = (id) => ({ name: 'inbox', query: { view: 'closed', conversation: String(id) } });
    return { t, tCount, report, problem, loading, link, formatNumber };
  },
  template: `
    <div id="mining-entities">
      <ProblemMessage :problem="problem" />
      <p v-if="loading && !report" class="muted">{{ t('reports.loading') }}</p>
      <template v-if="report">
        <div class="report-grid">
          <section v-for="group in report.kinds" :key="group.kind" class="card table-wrap" :id="'mining-entities-' + group.kind"
            :data-kind="group.kind">
            <h2 :title="t('mining.help.entity.' + group.kind)">{{ t('mining.entity.' + group.kind) }}</h2>
            <table v-if="group.items.length">
              <thead><tr><th>{{ t('mining.column.entity') }}</th><th class="num">{{ t('mining.column.conversations') }}</th>
                <th>{{ t('mining.column.examples') }}</th></tr></thead>
              <tbody><tr v-for="item in group.items" :key="item.text" :data-entity="item.text">
                <td><button type="button" class="link" @click="$emit('choose', { kind: group.kind, text: item.text })">{{ item.text }}</button></td>
                <td class="num">{{ formatNumber(item.documents) }}</td>
                <td class="small"><router-link v-for="id in item.examples" :key="id" :to="link(id)" class="example"
                  :title="t('mining.openConversation')">#{{ id }}</router-link></td>
              </tr></tbody>
            </table>
            <p v-else class="empty">{{ t('mining.noEntities') }}</p>
          </section>
        </div>
        <p class="muted small" id="mining-personal" :title="t('mining.help.personal')">
          {{ t('mining.personal', { conversations: tCount('mining.conversationCount', report.personal.documents),
            n: formatNumber(report.personal.pieces) }) }}</p>
      </template>
    </div>`,
};
