// Reports: how many conversations the team had, how fast it answered, how satisfied the
// visitors were, by group, channel and agent, compared with the period before; every figure
// opens the conversations behind it. Filters live in the URL, so a report can be shared.
import { ref, computed, watch, onMounted } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import { session, can, canAny } from '../session.js';
import { PRESETS, presetRange } from './format.js';
import ReportOverview from './ReportOverview.js';
import ReportBreakdown from './ReportBreakdown.js';
import ReportCsat from './ReportCsat.js';
import ReportConversations from './ReportConversations.js';

export default {
  name: 'ReportsView',
  components: { ReportOverview, ReportBreakdown, ReportCsat, ReportConversations },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const timeZone = computed(() => session.me.organisation.timeZone);
    const team = computed(() => canAny(['statistics.view', 'statistics.view_all']));
    const tabs = computed(() => (team.value
      ? ['overview', 'agents', 'groups', 'channels', 'csat', 'conversations']
      : ['agents', 'conversations']));
    const channels = ref([]);
    const groups = ref([]);

    const query = computed(() => route.query);
    const tab = computed(() => (tabs.value.includes(query.value.tab) ? query.value.tab : tabs.value[0]));
    const preset = computed(() => query.value.preset || (query.value.from ? '' : 'last7'));
    const range = computed(() => presetRange(preset.value, timeZone.value)
      || { from: query.value.from, to: query.value.to || query.value.from });
    const params = computed(() => ({
      from: range.value.from, to: range.value.to, hours: query.value.hours === 'business' ? 'business' : 'calendar',
      channelId: query.value.channelId || '', groupId: query.value.groupId || '',
    }));
    const custom = ref({ from: '', to: '' });
    watch(range, (r) => { custom.value = { from: r.from, to: r.to }; }, { immediate: true });

    const exportable = computed(() => can('statistics.export'));

    /** The export of what the tab shows, with its filters. */
    function exportHref(format) {
      const base = tab.value === 'overview' || tab.value === 'csat' ? '/api/v1/reports/overview/export'
        : tab.value === 'conversations' ? '/api/v1/reports/conversations/export'
          : '/api/v1/reports/by/' + tab.value + '/export';
      const q = { ...params.value, format };
      if (tab.value === 'conversations') {
        for (const key of ['only', 'sort', 'rating', 'agentId']) {
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

    function choosePreset(value) {
      if (value) go({ preset: value, from: null, to: null });
    }

    function applyCustom() {
      if (custom.value.from) go({ preset: null, from: custom.value.from, to: custom.value.to || custom.value.from });
    }

    /** From a figure to the conversations behind it. */
    function drill(detail) {
      go({ tab: 'conversations', only: detail.only || null, sort: detail.sort || null, rating: detail.rating || null,
        agentId: detail.agentId || null, groupId: detail.groupId || query.value.groupId || null,
        channelId: detail.channelId || query.value.channelId || null });
    }

    onMounted(async () => {
      channels.value = await get('/api/v1/conversations/channels').catch(() => []);
      if (can('team.view')) groups.value = await get('/api/v1/groups').catch(() => []);
    });

    return { t, tabs, tab, preset, range, params, custom, channels, groups, team, query, timeZone, PRESETS, go,
      choosePreset, applyCustom, drill, exportable, exportHref };
  },
  template: `
    <div class="reports">
      <h1>{{ t('reports.title') }}</h1>
      <p v-if="!team" id="reports-own" class="muted">{{ t('reports.ownOnly') }}</p>
      <form class="toolbar card" @submit.prevent="applyCustom">
        <div>
          <label for="reports-preset">{{ t('reports.period') }}</label>
          <select id="reports-preset" :value="preset" @change="choosePreset($event.target.value)">
            <option v-for="p in PRESETS" :key="p" :value="p">{{ t('reports.preset.' + p) }}</option>
            <option value="">{{ t('reports.preset.custom') }}</option>
          </select>
        </div>
        <div>
          <label for="reports-from">{{ t('reports.from') }}</label>
          <input id="reports-from" type="date" v-model="custom.from" @change="applyCustom">
        </div>
        <div>
          <label for="reports-to">{{ t('reports.to') }}</label>
          <input id="reports-to" type="date" v-model="custom.to" @change="applyCustom">
        </div>
        <div>
          <label for="reports-hours">{{ t('reports.hours') }}</label>
          <select id="reports-hours" :value="params.hours" @change="go({ hours: $event.target.value })">
            <option value="calendar">{{ t('reports.hours.calendar') }}</option>
            <option value="business">{{ t('reports.hours.business') }}</option>
          </select>
        </div>
        <div v-if="team">
          <label for="reports-channel">{{ t('reports.channel') }}</label>
          <select id="reports-channel" :value="params.channelId" @change="go({ channelId: $event.target.value })">
            <option value="">{{ t('reports.all') }}</option>
            <option v-for="c in channels" :key="c.id" :value="String(c.id)">{{ c.name }}</option>
          </select>
        </div>
        <div v-if="team && groups.length">
          <label for="reports-group">{{ t('reports.group') }}</label>
          <select id="reports-group" :value="params.groupId" @change="go({ groupId: $event.target.value })">
            <option value="">{{ t('reports.all') }}</option>
            <option v-for="g in groups" :key="g.id" :value="String(g.id)">{{ g.name }}</option>
          </select>
        </div>
      </form>
      <div class="report-range">
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
      <ReportBreakdown v-else-if="tab === 'agents' || tab === 'groups' || tab === 'channels'" :key="tab" :by="tab"
        :params="params" @drill="drill" />
      <ReportCsat v-else-if="tab === 'csat'" :params="params" @drill="drill" />
      <ReportConversations v-else :params="params" :filters="query" @filter="go" />
    </div>`,
};
