// Status (system.monitor): the installation's health now and over time, for the cluster or
// one node; the alerts firing and past; the alert rules.
import { ref, computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import StatusFigures from './StatusFigures.js';
import AlertsTab from './AlertsTab.js';
import RulesTab from './RulesTab.js';

const TABS = ['figures', 'alerts', 'rules'];
const RANGES = ['1h', '6h', '24h', '7d', '30d', '90d'];

export default {
  name: 'StatusView',
  components: { StatusFigures, AlertsTab, RulesTab },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const tab = computed(() => (TABS.includes(route.query.tab) ? route.query.tab : 'figures'));
    const range = computed(() => (RANGES.includes(route.query.range) ? route.query.range : '1h'));
    const node = computed(() => (typeof route.query.node === 'string' ? route.query.node : ''));
    const nodes = ref([]);
    const hosts = computed(() => Object.fromEntries(nodes.value.map((n) => [n.id, n.host + ' (' + n.id.substring(0, 8) + ')'])));

    function go(change) {
      router.replace({ query: { ...route.query, ...change } });
    }

    function learnNodes(status) {
      nodes.value = status.nodes;
    }

    return { t, TABS, RANGES, tab, range, node, nodes, hosts, go, learnNodes };
  },
  template: `
    <div class="reports status-screen">
      <h1>{{ t('status.title') }}</h1>
      <p class="muted">{{ t('status.intro') }}</p>
      <nav class="tabs" role="tablist">
        <button v-for="name in TABS" :key="name" type="button" role="tab" :id="'status-tab-' + name"
          :class="{ active: tab === name }" :aria-selected="tab === name" @click="go({ tab: name })">
          {{ t('status.tab.' + name) }}</button>
      </nav>
      <template v-if="tab === 'figures'">
        <form class="toolbar card" @submit.prevent>
          <label>{{ t('status.range') }}
            <select id="status-range" :value="range" @change="go({ range: $event.target.value })">
              <option v-for="r in RANGES" :key="r" :value="r">{{ t('status.range.' + r) }}</option>
            </select></label>
          <label>{{ t('status.node') }}
            <select id="status-node" :value="node" @change="go({ node: $event.target.value || undefined })">
              <option value="">{{ t('status.cluster') }}</option>
              <option v-for="n in nodes" :key="n.id" :value="n.id">{{ hosts[n.id] }}{{ n.alive ? '' : ' · ' + t('system.node.gone') }}</option>
            </select></label>
        </form>
        <StatusFigures :range="range" :node="node" @nodes="learnNodes" />
      </template>
      <AlertsTab v-else-if="tab === 'alerts'" :hosts="hosts" />
      <RulesTab v-else />
    </div>`,
};
