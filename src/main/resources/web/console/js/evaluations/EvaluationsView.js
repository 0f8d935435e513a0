// Quality reviews: the evaluations a staff member may read (an agent his own, with his
// supervisors' comments; a supervisor his groups'), and, for those who evaluate
// (team.evaluate), the checklist conversations are scored on.
import { ref } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { can } from '../session.js';
import EvaluationListTab from './EvaluationListTab.js';
import ChecklistTab from './ChecklistTab.js';

export default {
  name: 'EvaluationsView',
  components: { EvaluationListTab, ChecklistTab },
  setup() {
    const tab = ref('list');
    const tabs = can('team.evaluate') ? ['list', 'checklist'] : [];
    return { tab, tabs, t };
  },
  template: `
    <div class="evaluations">
      <h1>{{ t('nav.evaluations') }}</h1>
      <div v-if="tabs.length" class="tabs" role="tablist">
        <button v-for="name in tabs" :key="name" type="button" role="tab" :id="'evaluations-tab-' + name"
          :class="{ active: tab === name }" :aria-selected="tab === name" @click="tab = name">{{ t('evaluation.tab.' + name) }}</button>
      </div>
      <ChecklistTab v-if="tab === 'checklist'" />
      <EvaluationListTab v-else />
    </div>`,
};
