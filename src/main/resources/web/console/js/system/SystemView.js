// System (system.upgrade): the nodes of the installation with their versions (a warning when
// running nodes differ, normal only during a rolling upgrade) and the maintenance switch for
// upgrades that cannot be rolled node by node.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post, del } from '../../../shared/js/api.js';
import { checkMaintenance } from '../../../shared/js/maintenance.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';

const REFRESH_MILLIS = 10000;
const MAX_MESSAGE = 500;

export default {
  name: 'SystemView',
  components: { ProblemMessage },
  setup() {
    const nodes = ref(null);
    const maintenance = ref(null);
    const message = ref('');
    const busy = ref(false);
    const problem = ref(null);
    const notice = ref('');
    const timeZone = computed(() => session.me.organisation.timeZone);
    let timer = null;

    async function load() {
      try {
        const [list, state] = await Promise.all([get('/api/v1/operations/nodes'), get('/api/v1/operations/maintenance')]);
        nodes.value = list;
        maintenance.value = state;
      } catch (failure) {
        problem.value = failure;
      }
    }

    onMounted(() => {
      load();
      timer = setInterval(load, REFRESH_MILLIS);
    });
    onBeforeUnmount(() => clearInterval(timer));

    async function enter() {
      if (!window.confirm(t('system.maintenance.confirm'))) return;
      busy.value = true;
      problem.value = null;
      notice.value = t('system.maintenance.entering');
      try {
        maintenance.value = await post('/api/v1/operations/maintenance', { message: message.value.trim() || null });
        notice.value = t('system.maintenance.entered');
        checkMaintenance();
      } catch (failure) {
        notice.value = '';
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function leave() {
      busy.value = true;
      problem.value = null;
      try {
        const manual = maintenance.value && maintenance.value.reason === 'UPGRADE';
        maintenance.value = await del('/api/v1/operations/maintenance' + (manual ? '' : '?force=true'));
        notice.value = t('system.maintenance.left');
        message.value = '';
        checkMaintenance();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const reasonName = (reason) => t('system.maintenance.reason.' + reason);
    return { nodes, maintenance, message, busy, problem, notice, timeZone, enter, leave, reasonName,
      formatInstant, t, MAX_MESSAGE };
  },
  template: `
    <div>
      <h1>{{ t('system.title') }}</h1>
      <p class="muted">{{ t('system.intro') }}</p>
      <ProblemMessage :problem="problem" />
      <div class="notice" v-if="notice" role="status" id="system-notice">{{ notice }}</div>

      <section class="card" id="maintenance-switch">
        <h2>{{ t('system.maintenance') }}</h2>
        <template v-if="maintenance && maintenance.active">
          <p id="maintenance-state" class="warning">{{ t('system.maintenance.on', {
            reason: reasonName(maintenance.reason), time: formatInstant(maintenance.since, timeZone), by: maintenance.by || '' }) }}</p>
          <p v-if="maintenance.message" class="wrap">{{ maintenance.message }}</p>
          <p v-if="maintenance.reason !== 'UPGRADE'" class="muted small">{{ t('system.maintenance.notManual') }}</p>
          <button id="maintenance-leave" type="button" class="primary" :disabled="busy" @click="leave">{{ t('system.maintenance.leave') }}</button>
        </template>
        <template v-else-if="maintenance">
          <p id="maintenance-state" class="muted">{{ t('system.maintenance.off') }}</p>
          <label for="maintenance-message">{{ t('system.maintenance.message') }}</label>
          <textarea id="maintenance-message" v-model="message" rows="2" :maxlength="MAX_MESSAGE"></textarea>
          <div class="row">
            <button id="maintenance-enter" type="button" class="danger" :disabled="busy" @click="enter">{{ t('system.maintenance.enter') }}</button>
          </div>
        </template>
      </section>

      <section class="card" id="nodes">
        <h2>{{ t('system.nodes') }}</h2>
        <p v-if="nodes && nodes.mixedVersions" id="mixed-versions" class="warning">{{ t('system.mixedVersions') }}</p>
        <div class="table-wrap" v-if="nodes && nodes.nodes.length">
          <table>
            <thead>
              <tr>
                <th>{{ t('system.node.host') }}</th>
                <th>{{ t('system.node.version') }}</th>
                <th>{{ t('system.node.started') }}</th>
                <th>{{ t('system.node.lastSeen') }}</th>
                <th>{{ t('system.node.state') }}</th>
              </tr>
            </thead>
            <tbody>
              <tr v-for="node in nodes.nodes" :key="node.id" :data-node="node.id">
                <td class="wrap">{{ node.host }}<span v-if="node.id === nodes.thisNode" class="muted small"> ({{ t('system.node.this') }})</span>
                  <div class="muted small wrap">{{ node.id }}</div></td>
                <td>{{ node.version }}</td>
                <td class="small">{{ formatInstant(node.startedAt, timeZone) }}</td>
                <td class="small">{{ formatInstant(node.lastSeen, timeZone) }}</td>
                <td><span class="badge" :class="node.alive ? 'ok' : 'off'">{{ t(node.alive ? 'system.node.alive' : 'system.node.gone') }}</span></td>
              </tr>
            </tbody>
          </table>
        </div>
        <div class="empty" v-else-if="nodes">{{ t('system.nodes.none') }}</div>
      </section>
    </div>`,
};
