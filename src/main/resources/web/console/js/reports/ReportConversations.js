// The conversations behind a figure: started in the period, narrowed to what the figure
// counts, newest or slowest first; each opens its transcript.
import { ref, computed, watch } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { formatDuration, formatNumber } from './format.js';

const ONLY = ['all', 'live', 'leftMessages', 'leftAnswered', 'assigned', 'answered', 'unanswered', 'abandoned',
  'closed', 'open', 'transferred', 'reopened', 'rated', 'commented'];

const SORTS = ['started', 'wait', 'firstResponse', 'handling', 'resolution', 'leftAnswer'];

export default {
  name: 'ReportConversations',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true }, filters: { type: Object, required: true } },
  emits: ['filter'],
  setup(props) {
    const rows = ref([]);
    const next = ref(null);
    const loading = ref(false);
    const problem = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const only = computed(() => props.filters.only || 'all');
    const sort = computed(() => props.filters.sort || 'started');
    const request = computed(() => ({ ...props.params, only: only.value, sort: sort.value,
      rating: props.filters.rating || '', agentId: props.filters.agentId || '', weekday: props.filters.weekday || '',
      hour: props.filters.hour === undefined || props.filters.hour === null ? '' : props.filters.hour,
      topicId: props.filters.topicId || '' }));
    const weekdayName = (d) => t('reports.weekday.' + d);

    async function load(append) {
      loading.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/reports/conversations', { ...request.value, cursor: append ? next.value : '',
          limit: 50 });
        rows.value = append ? rows.value.concat(page.items) : page.items;
        next.value = page.next;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }
    watch(request, () => load(false), { immediate: true, deep: true });

    const link = (row) => ({ name: 'inbox',
      query: { view: row.closed ? 'closed' : 'open', conversation: String(row.conversationId) } });
    const status = (row) => (row.abandoned ? 'abandoned' : row.closed ? 'closed' : 'open');
    return { t, rows, next, loading, problem, timeZone, only, sort, ONLY, SORTS, load, link, status, weekdayName,
      formatDuration, formatNumber, formatInstant };
  },
  template: `
    <div>
      <form class="toolbar card" @submit.prevent>
        <div>
          <label for="reports-only">{{ t('reports.only') }}</label>
          <select id="reports-only" :value="only" @change="$emit('filter', { only: $event.target.value })">
            <option v-for="o in ONLY" :key="o" :value="o">{{ t('reports.only.' + o) }}</option>
          </select>
        </div>
        <div>
          <label for="reports-sort">{{ t('reports.sort') }}</label>
          <select id="reports-sort" :value="sort" @change="$emit('filter', { sort: $event.target.value })">
            <option v-for="s in SORTS" :key="s" :value="s">{{ t('reports.sort.' + s) }}</option>
          </select>
        </div>
        <div v-if="filters.rating" class="chip">{{ filters.rating }}★
          <button type="button" class="link" :aria-label="t('action.reset')" @click="$emit('filter', { rating: null })">×</button></div>
        <div v-if="filters.weekday || (filters.hour !== undefined && filters.hour !== null)" class="chip" id="reports-when">
          {{ filters.weekday ? weekdayName(filters.weekday) : '' }} {{ filters.hour !== undefined && filters.hour !== null ? filters.hour + ':00' : '' }}
          <button type="button" class="link" :aria-label="t('action.reset')" @click="$emit('filter', { weekday: null, hour: null })">×</button></div>
        <div v-if="filters.topicId" class="chip" id="reports-topic">{{ t('reports.column.topics') }} #{{ filters.topicId }}
          <button type="button" class="link" :aria-label="t('action.reset')" @click="$emit('filter', { topicId: null })">×</button></div>
        <div v-if="filters.agentId" class="chip">{{ t('reports.column.agent') }} #{{ filters.agentId }}
          <button type="button" class="link" :aria-label="t('action.reset')" @click="$emit('filter', { agentId: null })">×</button></div>
      </form>
      <ProblemMessage :problem="problem" />
      <section class="card table-wrap" style="padding:0">
        <table id="reports-conversations">
          <thead><tr>
            <th>{{ t('reports.column.started') }}</th><th>{{ t('reports.column.channel') }}</th>
            <th>{{ t('reports.column.group') }}</th><th>{{ t('reports.column.agent') }}</th>
            <th class="num">{{ t('reports.duration.wait') }}</th><th class="num">{{ t('reports.duration.firstResponse') }}</th>
            <th class="num">{{ t('reports.column.replyAverage') }}</th><th class="num">{{ t('reports.duration.handling') }}</th>
            <th class="num">{{ t('reports.duration.resolution') }}</th><th class="num">{{ t('reports.column.messages') }}</th>
            <th class="num">{{ t('reports.count.transfers') }}</th><th>{{ t('reports.column.score') }}</th>
            <th>{{ t('reports.column.status') }}</th>
          </tr></thead>
          <tbody><tr v-for="row in rows" :key="row.conversationId" :data-conversation="row.conversationId">
            <td class="small"><router-link :to="link(row)">{{ formatInstant(row.startedAt, timeZone) }}</router-link></td>
            <td>{{ row.channel }}</td><td>{{ row.group || '—' }}</td><td>{{ row.agent || '—' }}</td>
            <td class="num">{{ formatDuration(row.wait) }}</td>
            <td class="num">{{ row.leftMessage ? formatDuration(row.leftAnswer) : formatDuration(row.firstResponse) }}</td>
            <td class="num">{{ formatDuration(row.replyAverage) }}</td>
            <td class="num">{{ formatDuration(row.handling) }}</td>
            <td class="num">{{ formatDuration(row.resolution) }}</td>
            <td class="num">{{ formatNumber(row.messagesIn) }} / {{ formatNumber(row.messagesOut) }}</td>
            <td class="num">{{ formatNumber(row.transfers) }}</td>
            <td :title="row.comment || ''">{{ row.rating ? row.rating + '★' : '' }}</td>
            <td><span class="badge" :class="{ off: row.abandoned, ok: row.closed && !row.abandoned }">{{ t('reports.status.' + status(row)) }}</span></td>
          </tr></tbody>
        </table>
        <div class="empty" v-if="!loading && !rows.length">{{ t('reports.empty') }}</div>
        <div class="more" v-if="next"><button type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button></div>
      </section>
    </div>`,
};
