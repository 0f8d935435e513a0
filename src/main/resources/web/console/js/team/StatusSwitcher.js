// The signed-in agent's own status in the top bar: online (takes conversations), away or
// offline. Read from the agent profile (created, offline, the first time) and changed at once.
import { ref, onMounted, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, put } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { STATUSES, statusLabel } from './team.js';

const PROBLEM_SHOWN_MS = 8000;

export default {
  name: 'StatusSwitcher',
  components: { ProblemMessage },
  setup() {
    const status = ref(null);
    const busy = ref(false);
    const problem = ref(null);
    let problemTimer = null;
    let generation = 0;

    function showProblem(failure) {
      problem.value = failure;
      clearTimeout(problemTimer);
      problemTimer = setTimeout(() => { problem.value = null; }, PROBLEM_SHOWN_MS);
    }

    async function load() {
      const mine = ++generation;
      try {
        const agent = await get('/api/v1/agents/me');
        if (mine === generation) status.value = agent.status;
      } catch (failure) {
        if (mine === generation) showProblem(failure);
      }
    }

    async function change(event) {
      const wanted = event.target.value;
      const before = status.value;
      const mine = ++generation;
      busy.value = true;
      problem.value = null;
      try {
        const agent = await put('/api/v1/agents/me/status', { status: wanted });
        if (mine === generation) status.value = agent.status;
      } catch (failure) {
        // The select already shows the new choice: put the one that holds back.
        event.target.value = before || '';
        if (mine === generation) showProblem(failure);
      } finally {
        busy.value = false;
      }
    }

    // Back on the page after a while: show what the server has (another tab may have changed it).
    function visible() {
      if (document.visibilityState === 'visible' && !busy.value) load();
    }

    onMounted(() => {
      load();
      document.addEventListener('visibilitychange', visible);
    });
    onBeforeUnmount(() => {
      clearTimeout(problemTimer);
      document.removeEventListener('visibilitychange', visible);
    });

    return { status, busy, problem, change, STATUSES, statusLabel, t };
  },
  template: `
    <div class="status-switch" :data-status="status || ''">
      <span class="status-dot" :class="status || 'unknown'" aria-hidden="true"></span>
      <select id="agent-status" :value="status || ''" :disabled="busy || !status" @change="change"
        :aria-label="t('agentStatus.label')" :title="t('agentStatus.label')">
        <option v-if="!status" value="" disabled>…</option>
        <option v-for="name in STATUSES" :key="name" :value="name">{{ statusLabel(name) }}</option>
      </select>
      <div class="status-problem" v-if="problem"><ProblemMessage :problem="problem" /></div>
    </div>`,
};
