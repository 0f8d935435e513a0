// Backups: the catalogue (take, verify, download, restore, delete), the recent restores
// and the strategy (schedules, retention, directory, compression, encryption). The tab
// lives in the address (?tab=strategy).
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import CatalogueTab from './CatalogueTab.js';
import RestoresTab from './RestoresTab.js';
import StrategyTab from './StrategyTab.js';

const TABS = ['catalogue', 'restores', 'strategy'];

export default {
  name: 'BackupsView',
  components: { CatalogueTab, RestoresTab, StrategyTab },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const tab = computed(() => (TABS.includes(route.query.tab) ? route.query.tab : 'catalogue'));

    function choose(name) {
      if (name === tab.value) return;
      router.replace({ name: 'backups', query: name === 'catalogue' ? {} : { tab: name } });
    }

    return { tab, tabs: TABS, choose, t };
  },
  template: `
    <div class="backups">
      <h1>{{ t('backups.title') }}</h1>
      <p class="muted">{{ t('backups.intro') }}</p>
      <div class="tabs" role="tablist">
        <button v-for="name in tabs" :key="name" type="button" role="tab" :data-tab="name"
          :class="{ active: tab === name }" :aria-selected="tab === name" @click="choose(name)">{{ t('backups.tab.' + name) }}</button>
      </div>
      <CatalogueTab v-if="tab === 'catalogue'" />
      <RestoresTab v-else-if="tab === 'restores'" />
      <StrategyTab v-else />
    </div>`,
};
