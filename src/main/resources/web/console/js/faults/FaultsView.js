// Fault records: the list with its filters and the known issues (reviewed faults:
// symptom, cause, fix). Reporting opens a dialog that suggests known issues as one types.
// The tab lives in the address (?tab=known).
import { ref, computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import FaultList from './FaultList.js';
import KnownIssues from './KnownIssues.js';
import ReportDialog from './ReportDialog.js';

const TABS = ['list', 'known'];

export default {
  name: 'FaultsView',
  components: { FaultList, KnownIssues, ReportDialog },
  setup() {
    const route = useRoute();
    const router = useRouter();
    // /console/faults?report=1&title=...&observed=...&faultClass=...&severity=...&startedAt=ISO
    const q = route.query;
    const draft = q.report === '1' ? { title: q.title, observed: q.observed, faultClass: q.faultClass,
      severity: q.severity, startedAt: q.startedAt } : null;
    const reporting = ref(draft !== null);
    const tab = computed(() => (TABS.includes(route.query.tab) ? route.query.tab : 'list'));

    function choose(name) {
      if (name === tab.value) return;
      router.replace({ name: 'faults', query: name === 'list' ? {} : { tab: name } });
    }

    function reported(fault) {
      reporting.value = false;
      router.push({ name: 'fault', params: { id: fault.id } });
    }

    function closeReport() {
      reporting.value = false;
      if (route.query.report) router.replace({ name: 'faults' });
    }

    return { tab, tabs: TABS, choose, reporting, reported, closeReport, draft, t };
  },
  template: `
    <div class="faults">
      <div class="row page-head">
        <h1>{{ t('faults.title') }}</h1>
        <button id="fault-report" class="primary" type="button" @click="reporting = true">{{ t('faults.report') }}</button>
      </div>
      <p class="muted">{{ t('faults.intro') }}</p>
      <div class="tabs" role="tablist">
        <button v-for="name in tabs" :key="name" type="button" role="tab" :data-tab="name"
          :class="{ active: tab === name }" :aria-selected="tab === name" @click="choose(name)">{{ t('faults.tab.' + name) }}</button>
      </div>
      <FaultList v-if="tab === 'list'" />
      <KnownIssues v-else />
      <ReportDialog v-if="reporting" :draft="draft" @close="closeReport" @reported="reported" />
    </div>`,
};
