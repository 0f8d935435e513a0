// The team: agents (capacity, languages, skills, status, load) and groups (members,
// supervisors, routing, channels, overflow). The tab lives in the address (?tab=groups).
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import AgentsTab from './AgentsTab.js';
import GroupsTab from './GroupsTab.js';
import ShiftsTab from '../shifts/ShiftsTab.js';

const TABS = ['agents', 'groups', 'shifts'];

export default {
  name: 'TeamView',
  components: { AgentsTab, GroupsTab, ShiftsTab },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const tab = computed(() => (TABS.includes(route.query.tab) ? route.query.tab : 'agents'));

    function choose(name) {
      if (name === tab.value) return;
      router.replace({ name: 'team', query: name === 'agents' ? {} : { tab: name } });
    }

    return { tab, tabs: TABS, choose, t };
  },
  template: `
    <div class="team">
      <h1>{{ t('team.title') }}</h1>
      <p class="muted">{{ t('team.intro') }}</p>
      <div class="tabs" role="tablist">
        <button v-for="name in tabs" :key="name" type="button" role="tab" :data-tab="name"
          :class="{ active: tab === name }" :aria-selected="tab === name" @click="choose(name)">{{ t('team.tab.' + name) }}</button>
      </div>
      <AgentsTab v-if="tab === 'agents'" />
      <GroupsTab v-else-if="tab === 'groups'" />
      <ShiftsTab v-else />
    </div>`,
};
