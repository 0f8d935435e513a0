// Agents: everyone with an agent profile, their status, load against capacity, languages and
// skills; with team.assign an editor, and "Add agent" for staff who have no profile yet.
import { ref, computed, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { can } from '../session.js';
import { statusLabel, DEFAULT_CAPACITY } from './team.js';
import LoadBar from './LoadBar.js';
import AgentEditor from './AgentEditor.js';
import AgentPicker from './AgentPicker.js';
import StaffAvatar from '../avatars/StaffAvatar.js';

const STATUS_BADGE = { online: 'ok', away: 'warn', offline: '' };

export default {
  name: 'AgentsTab',
  components: { ProblemMessage, LoadBar, AgentEditor, AgentPicker, StaffAvatar },
  setup() {
    const agents = ref([]);
    const loading = ref(false);
    const problem = ref(null);
    const notice = ref('');
    const editing = ref(null);
    const picking = ref(false);

    async function load() {
      loading.value = true;
      problem.value = null;
      try {
        const list = await get('/api/v1/agents');
        agents.value = list.slice().sort((a, b) => (a.displayName || '').localeCompare(b.displayName || ''));
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }
    onMounted(load);

    const canEdit = computed(() => can('team.assign'));
    const canAdd = computed(() => can('team.assign') && can('user.view'));
    const agentIds = computed(() => agents.value.map((agent) => agent.userId));

    function open(agent) {
      notice.value = '';
      editing.value = { agent, creating: false };
    }

    /** A staff member without a profile: the editor creates it on save. */
    function picked(user) {
      picking.value = false;
      notice.value = '';
      editing.value = {
        creating: true,
        agent: { userId: user.id, displayName: user.displayName, publicName: null, languages: [], skills: [],
          capacity: DEFAULT_CAPACITY, status: 'offline', load: 0 },
      };
    }

    function saved(message) {
      notice.value = message || '';
      editing.value = null;
      load();
    }

    function badge(status) {
      return STATUS_BADGE[status] || '';
    }

    return { agents, loading, problem, notice, editing, picking, canEdit, canAdd, agentIds, open, picked, saved,
      badge, statusLabel, t };
  },
  template: `
    <div>
      <div class="toolbar">
        <div class="grow muted small">{{ t('team.agents.hint') }}</div>
        <button v-if="canAdd" id="agent-add" class="primary" type="button" @click="picking = true; notice = ''">{{ t('team.agents.add') }}</button>
      </div>
      <div class="notice" v-if="notice">{{ notice }}</div>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table>
          <thead>
            <tr>
              <th>{{ t('field.displayName') }}</th>
              <th>{{ t('team.agents.publicName') }}</th>
              <th>{{ t('field.status') }}</th>
              <th>{{ t('team.agents.load') }}</th>
              <th>{{ t('team.agents.languages') }}</th>
              <th>{{ t('team.agents.skills') }}</th>
              <th v-if="canEdit"></th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="agent in agents" :key="agent.userId" :data-agent="agent.userId">
              <td class="wrap"><StaffAvatar :name="agent.displayName" :url="agent.avatarUrl" :size="24" /> {{ agent.displayName }}</td>
              <td class="wrap" v-if="agent.publicName">{{ agent.publicName }}</td>
              <td class="wrap muted" v-else :title="t('team.agents.publicNameDefault')">{{ agent.displayName }}</td>
              <td><span class="badge" :class="badge(agent.status)" :data-status="agent.status"><span
                class="status-dot" :class="agent.status" aria-hidden="true"></span>{{ statusLabel(agent.status) }}</span></td>
              <td><LoadBar :load="agent.load" :capacity="agent.capacity" /></td>
              <td class="wrap"><span class="tag" v-for="tag in agent.languages" :key="tag">{{ tag }}</span></td>
              <td class="wrap"><span class="tag" v-for="tag in agent.skills" :key="tag">{{ tag }}</span></td>
              <td v-if="canEdit"><button class="link" type="button" :data-edit="agent.userId" @click="open(agent)">{{ t('action.edit') }}</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!loading && !agents.length">{{ t('team.agents.none') }}</div>
      </div>
      <AgentPicker v-if="picking" :exclude="agentIds" @pick="picked" @close="picking = false" />
      <AgentEditor v-if="editing" :key="editing.agent.userId" :agent="editing.agent" :creating="editing.creating"
        @saved="saved" @close="editing = null" />
    </div>`,
};
