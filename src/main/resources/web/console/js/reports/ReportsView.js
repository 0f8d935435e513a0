// Reports: how many conversations the team had, how fast it answered, how satisfied the
// visitors were, by group, channel and agent, compared with the period before; every figure
// opens the conversations behind it. Filters live in the URL, so a report can be shared.
import { ref, computed, onMounted } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import { session, can, canAny } from '../session.js';
import { usePeriod, PeriodFields } from './usePeriod.js';
import ReportOverview from './ReportOverview.js';
import ReportBreakdown from './ReportBreakdown.js';
import ReportCsat from './ReportCsat.js';
import ReportConversations from './ReportConversations.js';
import ReportRebuild from './ReportRebuild.js';
import ReportTickets, { TICKET_ONLY } from './ReportTickets.js';
import ReportOccupancy from './ReportOccupancy.js';
import ReportSchedules from './ReportSchedules.js';

export default {
  name: 'ReportsView',
  components: { PeriodFields, ReportRebuild, ReportOverview, ReportBreakdown, ReportCsat, ReportConversations, ReportTickets, ReportOccupancy,
    ReportSchedules },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const timeZone = computed(() => session.me.organisation.timeZone);
    const team = computed(() => canAny(['statistics.view', 'statistics.view_all']));
    const tabs = computed(() => (team.value
      ? ['overview', 'agents', 'groups', 'topics', 'channels', 'csat', 'tickets', 'conversations']
      : ['agents', 'tickets', 'conversations']).filter((name) => name !== 'tickets' || can('ticket.view'))
      .concat(can('statistics.export') || can('statistics.view_all') ? ['schedules'] : []));
    const ticketOnly = computed(() => (TICKET_ONLY.includes(route.query.tickets) ? route.query.tickets : 'created'));
    const channels = ref([]);
    const groups = ref([]);

    const query = computed(() => route.query);
    const tab = computed(() => (tabs.value.includes(query.value.tab) ? query.value.tab : tabs.value[0]));
    const period = usePeriod(query, timeZone);
    const range = period.range;
    const params = computed(() => ({
      from: range.value.from, to: range.value.to, hours: query.value.hours === 'business' ? 'business' : 'calendar',
      channelId: query.value.channelId || '', groupId: query.value.groupId || '',
    }));

    const exportable = computed(() => can('statistics.export'));
    const rebuilds = computed(() => can('statistics.view_all'));

    /** The export of what the tab shows, with its filters. */
    function exportHref(format) {
      // satisfaction: the rated conversations with their comments
      const base = tab.value === 'overview' ? '/api/v1/reports/overview/export'
        : tab.value === 'conversations' || tab.value === 'csat' ? '/api/v1/reports/conversations/export'
          : tab.value === 'tickets' ? '/api/v1/reports/tickets/export'
            : '/api/v1/reports/by/' + tab.value + '/export';
      const q = { ...params.value, format };
      if (tab.value === 'tickets') {
        delete q.channelId;
        q.only = ticketOnly.value;
      }
      if (tab.value === 'csat') q.only = 'rated';
      if (tab.value === 'conversations') {
        for (const key of ['only', 'sort', 'rating', 'agentId', 'weekday', 'hour', 'topicId']) {
          if (query.value[key]) q[key] = query.value[key];
        }
      }
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(q)) {
        if (value !== '' && value !== null && value !== undefined) search.set(key, value);
      }
      return base + '?' + search.toString();
    }

    function go(changes) {
      const next = { ...route.query, ...changes };
      for (const key of Object.keys(next)) {
        if (next[key] === '' || next[key] === null || next[key] === undefined) delete next[key];
      }
      router.replace({ name: 'reports', query: next });
    }

    /** From a figure to the conversations behind it. */
    function drill(detail) {
      go({ tab: 'conversations', only: detail.only || null, sort: detail.sort || null, rating: detail.rating || null,
        weekday: detail.weekday || null, topicId: detail.topicId || null, hour: detail.hour === undefined ? null : String(detail.hour),
        agentId: detail.agentId || null, groupId: detail.groupId || query.value.groupId || null,
        channelId: detail.channelId || query.value.channelId || null });
    }

    onMounted(async () => {
      channels.value = await get('/api/v1/conversations/channels').catch(() => []);
      if (can('team.view')) groups.value = await get('/api/v1/groups').catch(() => []);
    });

    return { t, rebuilds, tabs, tab, ticketOnly, period, range, params, channels, groups, team, query, timeZone, go, drill, exportable,
      exportHref };
  },
  template: `
    <div class="reports">
      <h1>{{ t('reports.title') }}</h1>
      <p v-if="!team" id="reports-own" class="muted">{{ t('reports.ownOnly') }}</p>
      <form v-if="tab !== 'schedules'" class="toolbar card" @submit.prevent>
        <PeriodFields prefix="reports" :period="period" :channels="tab === 'tickets' ? [] : channels" :groups="groups" :place="team"
          :channel-id="params.channelId" :group-id="params.groupId" @go="go">
          <div>
            <label for="reports-hours">{{ t('reports.hours') }}</label>
            <select id="reports-hours" :value="params.hours" @change="go({ hours: $event.target.value })">
              <option value="calendar">{{ t('reports.hours.calendar') }}</option>
              <option value="business">{{ t('reports.hours.business') }}</option>
            </select>
          </div>
        </PeriodFields>
      </form>
      <div v-if="tab !== 'schedules'" class="report-range">
        <p class="muted small" id="reports-range">{{ t('reports.rangeNote', { from: range.from, to: range.to, zone: timeZone }) }}</p>
        <span v-if="exportable" class="report-exports">
          <a id="reports-export-csv" class="button" :href="exportHref('csv')" download>{{ t('reports.export.csv') }}</a>
          <a id="reports-export-xlsx" class="button" :href="exportHref('xlsx')" download>{{ t('reports.export.xlsx') }}</a>
        </span>
      </div>
      <nav class="tabs" role="tablist">
        <button v-for="name in tabs" :key="name" type="button" role="tab" :id="'reports-tab-' + name"
          :class="{ active: tab === name }" :aria-selected="tab === name" @click="go({ tab: name })">
          {{ t('reports.tab.' + name) }}</button>
      </nav>
      <ReportOverview v-if="tab === 'overview'" :params="params" @drill="drill" />
      <template v-else-if="tab === 'agents' || tab === 'groups' || tab === 'topics' || tab === 'channels'">
        <ReportBreakdown :key="tab" :by="tab" :params="params" @drill="drill" />
        <ReportOccupancy v-if="tab === 'agents'" :params="params" />
      </template>
      <ReportCsat v-else-if="tab === 'csat'" :params="params" @drill="drill" />
      <ReportTickets v-else-if="tab === 'tickets'" :params="params" :only="ticketOnly" @only="go({ tickets: $event })" />
      <template v-else-if="tab === 'schedules'">
        <ReportSchedules v-if="exportable" :groups="groups" />
        <ReportRebuild v-if="rebuilds" />
      </template>
      <ReportConversations v-else :params="params" :filters="query" @filter="go" />
    </div>`,
};
