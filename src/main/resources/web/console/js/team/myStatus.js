// The signed-in agent's own status, shared by the switcher in the top bar, the prompt after
// signing in and the inbox notice. The first load of a page asks the server to resume the
// status a closed console took (when the organisation remembers statuses); later loads read it.
import { reactive } from 'vue';
import { get, post, put } from '../../../shared/js/api.js';
import { onMaintenanceOver } from '../../../shared/js/maintenance.js';

/** `startedOffline`: the console opened with the agent offline and he has not chosen a status since. */
export const myStatus = reactive({ status: null, busy: false, problem: null, startedOffline: false });

let generation = 0;
let resumed = false;

/** Loads my status; the first time after the page opened, resumes it. */
export async function loadMyStatus() {
  const mine = ++generation;
  try {
    const first = !resumed;
    const agent = first ? await post('/api/v1/agents/me/status/resume') : await get('/api/v1/agents/me');
    resumed = true;
    if (mine !== generation) return;
    myStatus.status = agent.status;
    if (first) myStatus.startedOffline = agent.status === 'offline';
  } catch (failure) {
    if (mine !== generation) return;
    // maintenance mode: the banner says so; resume once it is over
    if (failure.code === 'maintenance') {
      const stop = onMaintenanceOver(() => {
        stop();
        loadMyStatus();
      });
      return;
    }
    myStatus.problem = failure;
  }
}

/** Sets my status; a refusal leaves the one that holds and is kept in `problem`. */
export async function setMyStatus(wanted) {
  const mine = ++generation;
  myStatus.busy = true;
  myStatus.problem = null;
  try {
    const agent = await put('/api/v1/agents/me/status', { status: wanted });
    if (mine === generation) myStatus.status = agent.status;
    myStatus.startedOffline = false;
    return true;
  } catch (failure) {
    if (mine === generation) myStatus.problem = failure;
    return false;
  } finally {
    myStatus.busy = false;
  }
}

/** Signed out: the next person starts afresh. */
export function forgetMyStatus() {
  generation += 1;
  resumed = false;
  myStatus.status = null;
  myStatus.busy = false;
  myStatus.problem = null;
  myStatus.startedOffline = false;
}
