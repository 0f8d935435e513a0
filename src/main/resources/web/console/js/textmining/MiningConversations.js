// The conversations of the period that contain a term, newest first; each opens its
// transcript.
import { ref, computed, watch, nextTick } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';

const PAGE = 50;

export default {
  name: 'MiningConversations',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true }, term: { type: String, required: true },
    entity: { type: String, default: '' },
    names: { type: Object, required: true } },
  emits: ['close'],
  setup(props) {
    const items = ref([]);
    const problem = ref(null);
    const loading = ref(false);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const section = ref(null);
    let asked = 0;

    async function load(scroll) {
      const mine = ++asked;
      loading.value = true;
      problem.value = null;
      try {
        const found = await get('/api/v1/text-mining/conversations',
          { ...props.params, term: props.term, entity: props.entity, limit: PAGE });
        if (mine === asked) items.value = found.items;
        await nextTick();
        // the list opens below the charts: bring it (and the trend above it) into view
        if (scroll && section.value && section.value.scrollIntoView) section.value.scrollIntoView({ block: 'nearest' });
      } catch (failure) {
        if (mine === asked) problem.value = failure;
      } finally {
        if (mine === asked) loading.value = false;
      }
    }
    watch(() => [props.term, props.entity], () => load(true), { immediate: true });
    watch(() => props.params, () => load(false), { deep: true });

    const link = (row) => ({ name: 'inbox', query: { view: 'closed', conversation: String(row.conversationId) } });
    const channel = (row) => props.names.channels.get(row.channelId) || '#' + row.channelId;
    const group = (row) => (row.groupId ? props.names.groups.get(row.groupId) || '#' + row.groupId : '—');
    return { t, items, problem, loading, timeZone, section, link, channel, group, formatInstant, PAGE };
  },
  template: `
    <section class="card table-wrap" id="mining-conversations" ref="section">
      <div class="section-head">
        <h2>{{ t('mining.conversationsWith', { term }) }}</h2>
        <button type="button" class="link" :aria-label="t('action.close')" @click="$emit('close')">×</button>
      </div>
      <ProblemMessage :problem="problem" />
      <table v-if="items.length">
        <thead><tr><th>{{ t('reports.column.started') }}</th><th>{{ t('reports.column.channel') }}</th>
          <th>{{ t('reports.column.group') }}</th></tr></thead>
        <tbody><tr v-for="row in items" :key="row.conversationId" :data-conversation="row.conversationId">
          <td class="small"><router-link :to="link(row)">{{ formatInstant(row.startedAt, timeZone) }}</router-link></td>
          <td>{{ channel(row) }}</td><td>{{ group(row) }}</td>
        </tr></tbody>
      </table>
      <p v-else-if="!loading" class="empty">{{ t('reports.empty') }}</p>
      <p v-if="items.length === PAGE" class="muted small">{{ t('mining.newestOnly', { n: PAGE }) }}</p>
    </section>`,
};
