// The signed-in agent's own status in the top bar: online (takes conversations), away or
// offline. Read from the agent profile (created, offline, the first time; or the status his
// closed console took, given back when the organisation remembers statuses) and changed at once.
import { watch, onMounted, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { STATUSES, statusLabel } from './team.js';
import { myStatus, loadMyStatus, setMyStatus, forgetMyStatus } from './myStatus.js';

const PROBLEM_SHOWN_MS = 8000;

export default {
  name: 'StatusSwitcher',
  components: { ProblemMessage },
  setup() {
    let problemTimer = null;

    watch(() => myStatus.problem, (problem) => {
      clearTimeout(problemTimer);
      if (problem) problemTimer = setTimeout(() => { myStatus.problem = null; }, PROBLEM_SHOWN_MS);
    });

    async function change(event) {
      const before = myStatus.status;
      // The select already shows the new choice: put the one that holds back if refused.
      if (!await setMyStatus(event.target.value)) event.target.value = before || '';
    }

    // Back on the page after a while: show what the server has (another tab may have changed it).
    function visible() {
      if (document.visibilityState === 'visible' && !myStatus.busy) loadMyStatus();
    }

    onMounted(() => {
      loadMyStatus();
      document.addEventListener('visibilitychange', visible);
    });
    onBeforeUnmount(() => {
      clearTimeout(problemTimer);
      document.removeEventListener('visibilitychange', visible);
      forgetMyStatus();
    });

    return { myStatus, change, STATUSES, statusLabel, t };
  },
  template: `
    <div class="status-switch" :data-status="myStatus.status || ''">
      <span class="status-dot" :class="myStatus.status || 'unknown'" aria-hidden="true"></span>
      <select id="agent-status" :value="myStatus.status || ''" :disabled="myStatus.busy || !myStatus.status" @change="change"
        :aria-label="t('agentStatus.label')" :title="t('agentStatus.label')">
        <option v-if="!myStatus.status" value="" disabled>…</option>
        <option v-for="name in STATUSES" :key="name" :value="name">{{ statusLabel(name) }}</option>
      </select>
      <div class="status-problem" v-if="myStatus.problem"><ProblemMessage :problem="myStatus.problem" /></div>
    </div>`,
};
