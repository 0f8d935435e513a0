// The period's topics: how many conversations had text, the terms rising most against the
// period before (with example conversations), the top keywords as a word cloud, topic
// clusters and associations. Every term is a button that chooses it.
import { computed } from 'vue';
import { t, tCount } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { useReport } from '../reports/useReport.js';
import { change, formatNumber, formatRate } from '../reports/format.js';
import WordCloud from './WordCloud.js';

export default {
  name: 'MiningTopics',
  components: { ProblemMessage, WordCloud },
  props: { params: { type: Object, required: true } },
  emits: ['choose'],
  setup(props) {
    const { report, problem, loading } = useReport('/api/v1/text-mining/topics', computed(() => props.params));
    const documentsChange = computed(() => (report.value
      ? change(report.value.documents, report.value.previousDocuments, false) : null));
    const link = (id) => ({ name: 'inbox', query: { view: 'closed', conversation: String(id) } });
    return { t, tCount, report, problem, loading, documentsChange, link, formatNumber, formatRate, change };
  },
  template: `
    <div>
      <ProblemMessage :problem="problem" />
      <p v-if="loading && !report" class="muted">{{ t('reports.loading') }}</p>
      <template v-if="report">
        <div class="kpis">
          <div class="card kpi" id="mining-documents" :title="t('mining.help.documents')">
            <span class="kpi-label">{{ t('mining.documents') }}</span>
            <span class="kpi-value">{{ formatNumber(report.documents) }}</span>
            <span class="kpi-change muted">{{ t('reports.previous') }}: {{ formatNumber(report.previousDocuments) }}
              <span v-if="documentsChange">({{ documentsChange.text }})</span></span>
          </div>
        </div>
        <div class="report-grid">
          <section class="card table-wrap" id="mining-hot">
            <h2 :title="t('mining.help.hot')">{{ t('mining.hot') }}</h2>
            <table v-if="report.hot.length">
              <thead><tr><th>{{ t('mining.column.term') }}</th><th class="num">{{ t('mining.column.conversations') }}</th>
                <th class="num">{{ t('mining.column.share') }}</th><th class="num">{{ t('mining.column.before') }}</th>
                <th>{{ t('mining.column.examples') }}</th></tr></thead>
              <tbody><tr v-for="hot in report.hot" :key="hot.term" :data-term="hot.term">
                <td><button type="button" class="link" @click="$emit('choose', hot.term)">{{ hot.term }}</button></td>
                <td class="num">{{ formatNumber(hot.documents) }}</td>
                <td class="num">{{ formatRate(hot.share) }}</td>
                <td class="num muted">{{ formatRate(hot.previousShare) }}</td>
                <td class="small"><router-link v-for="id in hot.examples" :key="id" :to="link(id)" class="example"
                  :title="t('mining.openConversation')">#{{ id }}</router-link></td>
              </tr></tbody>
            </table>
            <p v-else class="empty">{{ t('mining.noHot') }}</p>
          </section>
          <section class="card" id="mining-cloud">
            <h2 :title="t('mining.help.cloud')">{{ t('mining.cloud') }}</h2>
            <WordCloud v-if="report.keywords.length" :words="report.keywords" @choose="$emit('choose', $event)" />
            <p v-else class="empty">{{ t('mining.noKeywords') }}</p>
          </section>
        </div>
        <div class="report-grid">
          <section class="card" id="mining-clusters">
            <h2 :title="t('mining.help.clusters')">{{ t('mining.clusters') }}</h2>
            <ul v-if="report.clusters.length" class="mining-clusters">
              <li v-for="cluster in report.clusters" :key="cluster.name">
                <strong>{{ cluster.name }}</strong>
                <span class="muted small">{{ tCount('mining.conversationCount', cluster.documents) }}</span>
                <div class="mining-terms"><button v-for="term in cluster.terms" :key="term" type="button" class="chip"
                  @click="$emit('choose', term)">{{ term }}</button></div>
              </li>
            </ul>
            <p v-else class="empty">{{ t('mining.noClusters') }}</p>
          </section>
          <section class="card table-wrap" id="mining-associations">
            <h2 :title="t('mining.help.associations')">{{ t('mining.associations') }}</h2>
            <table v-if="report.associations.length">
              <thead><tr><th>{{ t('mining.column.rule') }}</th><th class="num">{{ t('mining.column.conversations') }}</th>
                <th class="num" :title="t('mining.help.support')">{{ t('mining.column.support') }}</th>
                <th class="num" :title="t('mining.help.confidence')">{{ t('mining.column.confidence') }}</th>
                <th class="num" :title="t('mining.help.lift')">{{ t('mining.column.lift') }}</th></tr></thead>
              <tbody><tr v-for="rule in report.associations" :key="rule.antecedent + '>' + rule.consequent">
                <td><button type="button" class="link" @click="$emit('choose', rule.antecedent)">{{ rule.antecedent }}</button>
                  → <button type="button" class="link" @click="$emit('choose', rule.consequent)">{{ rule.consequent }}</button></td>
                <td class="num">{{ formatNumber(rule.documents) }}</td>
                <td class="num">{{ formatRate(rule.support) }}</td>
                <td class="num">{{ formatRate(rule.confidence) }}</td>
                <td class="num">{{ rule.lift.toFixed(2) }}</td>
              </tr></tbody>
            </table>
            <p v-else class="empty">{{ t('mining.noAssociations') }}</p>
          </section>
        </div>
        <p v-if="report.sample.capped" class="muted small" id="mining-sample">
          {{ t('mining.sample', { n: formatNumber(report.sample.documents) }) }}</p>
      </template>
    </div>`,
};
