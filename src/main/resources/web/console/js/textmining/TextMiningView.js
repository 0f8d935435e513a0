// Text mining: what customers write about in the period, against the period before: hot
// topics, a word cloud, keyword trends, topic clusters and associations, each term opening
// the conversations that contain it. Administrators (statistics.view_all) keep the
// dictionary and re-analyse a past period. Filters live in the URL, like the reports.
import { ref, computed, onMounted } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import { session, can, canAny } from '../session.js';
import { usePeriod, PeriodFields } from '../reports/usePeriod.js';
import MiningTopics from './MiningTopics.js';
import MiningTrend from './MiningTrend.js';
import MiningConversations from './MiningConversations.js';
import MiningDictionary from './MiningDictionary.js';
import MiningEntities from './MiningEntities.js';

export const SIDES = ['visitor', 'agent', 'all'];

const MAX_TERMS = 5;

export default {
  name: 'TextMiningView',
  components: { PeriodFields, MiningTopics, MiningTrend, MiningConversations, MiningDictionary, MiningEntities },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const query = computed(() => route.query);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const team = computed(() => canAny(['statistics.view', 'statistics.view_all']));
    const administers = computed(() => can('statistics.view_all'));
    const tabs = computed(() => ['topics', 'entities'].concat(administers.value ? ['dictionary'] : []));
    const tab = computed(() => (tabs.value.includes(query.value.tab) ? query.value.tab : 'topics'));
    const exportable = computed(() => can('statistics.export'));
    const period = usePeriod(query, timeZone);
    const channels = ref([]);
    const groups = ref([]);
    const side = computed(() => (SIDES.includes(query.value.side) ? query.value.side : 'visitor'));
    const params = computed(() => ({ from: period.range.value.from, to: period.range.value.to, side: side.value,
      channelId: query.value.channelId || '', groupId: query.value.groupId || '' }));
    const terms = computed(() => (query.value.terms ? String(query.value.terms).split(',').filter(Boolean) : []));
    const term = computed(() => query.value.term || '');
    const entity = computed(() => query.value.entity || '');
    const names = computed(() => ({
      channels: new Map(channels.value.map((c) => [c.id, c.name])),
      groups: new Map(groups.value.map((g) => [g.id, g.name])),
    }));

    function go(changes) {
      const next = { ...route.query, ...changes };
      for (const key of Object.keys(next)) {
        if (next[key] === '' || next[key] === null || next[key] === undefined) delete next[key];
      }
      router.replace({ name: 'text-mining', query: next });
    }

    /** A term chosen anywhere: its conversations open below, and it joins the trend. */
    function choose(chosen) {
      const next = terms.value.includes(chosen) ? terms.value
        : [...terms.value, chosen].slice(-MAX_TERMS);
      go({ term: chosen, terms: next.join(','), entity: null });
    }

    /** A named thing chosen: its conversations open below. */
    function chooseEntity(chosen) {
      go({ term: chosen.text, entity: chosen.kind });
    }

    /** The file of the period's topics and named things, with the filters. */
    function exportHref(format) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...params.value, format })) {
        if (value !== '' && value !== null && value !== undefined) search.set(key, value);
      }
      return '/api/v1/text-mining/export?' + search.toString();
    }

    function setTerms(list) {
      go({ terms: list.join(',') || null, term: list.includes(term.value) ? term.value : null });
    }

    onMounted(async () => {
      channels.value = await get('/api/v1/conversations/channels').catch(() => []);
      if (can('team.view')) groups.value = await get('/api/v1/groups').catch(() => []);
    });

    return { t, query, timeZone, team, administers, tabs, tab, exportable, exportHref, entity, chooseEntity, period,
      channels, groups, side, params, terms, term, names, SIDES, go, choose, setTerms };
  },
  template: `
    <div class="reports text-mining">
      <h1>{{ t('mining.title') }}</h1>
      <p class="muted">{{ t(team ? 'mining.lead' : 'mining.leadOwn') }}</p>
      <nav class="tabs" role="tablist">
        <button v-for="name in tabs" :key="name" type="button" role="tab" :id="'mining-tab-' + name"
          :class="{ active: tab === name }" :aria-selected="tab === name"
          @click="go({ tab: name === 'topics' ? null : name, term: null, entity: null })">
          {{ t('mining.tab.' + name) }}</button>
      </nav>
      <template v-if="tab !== 'dictionary'">
        <form class="toolbar card" @submit.prevent>
          <PeriodFields prefix="mining" :period="period" :channels="channels" :groups="groups" :place="team"
            :channel-id="params.channelId" :group-id="params.groupId" @go="go">
            <div>
              <label for="mining-side">{{ t('mining.side') }}</label>
              <select id="mining-side" :value="side" @change="go({ side: $event.target.value === 'visitor' ? null : $event.target.value })">
                <option v-for="s in SIDES" :key="s" :value="s">{{ t('mining.side.' + s) }}</option>
              </select>
            </div>
          </PeriodFields>
        </form>
        <p class="muted small" id="mining-range">{{ t('reports.rangeNote', { from: params.from, to: params.to, zone: timeZone }) }}
          <span v-if="exportable" class="report-exports">
            <a id="mining-export-csv" class="button" :href="exportHref('csv')" download>{{ t('reports.export.csv') }}</a>
            <a id="mining-export-xlsx" class="button" :href="exportHref('xlsx')" download>{{ t('reports.export.xlsx') }}</a>
          </span></p>
        <template v-if="tab === 'topics'">
          <MiningTopics :params="params" @choose="choose" />
          <MiningTrend :params="params" :terms="terms" @terms="setTerms" />
        </template>
        <MiningEntities v-else :params="params" @choose="chooseEntity" />
        <MiningConversations v-if="term" :params="params" :term="term" :entity="entity" :names="names"
          @close="go({ term: null, entity: null })" />
      </template>
      <MiningDictionary v-else />
    </div>`,
};
