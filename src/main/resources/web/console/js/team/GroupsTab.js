// Groups: who answers which channels, how conversations are routed among them, where they
// overflow. Administrators create and delete groups; a supervisor edits the groups he supervises.
import { ref, computed, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { routingLabel, nameIndex, userName } from './team.js';
import GroupEditor from './GroupEditor.js';

export default {
  name: 'GroupsTab',
  components: { ProblemMessage, GroupEditor },
  setup() {
    const groups = ref([]);
    const agents = ref([]);
    const users = ref([]);
    const channels = ref([]);
    const loading = ref(false);
    const problem = ref(null);
    const notice = ref('');
    const editing = ref(null);

    async function loadGroups() {
      loading.value = true;
      problem.value = null;
      try {
        const list = await get('/api/v1/groups');
        groups.value = list.slice().sort((a, b) => a.name.localeCompare(b.name));
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    /** Names for ids: agents (team.view), staff (user.view, if held), channels (conversation.view). */
    async function loadNames() {
      const [agentList, userPage, channelList] = await Promise.all([
        get('/api/v1/agents').catch(() => []),
        can('user.view') ? get('/api/v1/users', { limit: 100 }).catch(() => ({ items: [] })) : { items: [] },
        get('/api/v1/conversations/channels').catch(() => []),
      ]);
      agents.value = agentList;
      users.value = userPage.items || [];
      channels.value = channelList;
    }

    onMounted(() => {
      loadGroups();
      loadNames();
    });

    const names = computed(() => nameIndex(users.value, agents.value));
    const channelNames = computed(() => new Map(channels.value.map((channel) => [channel.id, channel.name])));
    const groupNames = computed(() => new Map(groups.value.map((group) => [group.id, group.name])));
    const meId = computed(() => session.me.user.id);
    const isAdmin = computed(() => can('user.manage') && can('team.assign'));

    /** Everyone who may be chosen as a member: enabled staff, agents, and whoever is a member now. */
    const people = computed(() => {
      const byId = new Map();
      for (const user of users.value) {
        if (user.enabled) byId.set(user.id, { id: user.id, displayName: user.displayName, username: user.username });
      }
      for (const agent of agents.value) {
        if (!byId.has(agent.userId)) byId.set(agent.userId, { id: agent.userId, displayName: agent.displayName, username: '' });
      }
      for (const group of groups.value) {
        for (const member of group.members) {
          if (!byId.has(member.userId)) {
            byId.set(member.userId, { id: member.userId, displayName: userName(names.value, member.userId), username: '' });
          }
        }
      }
      return [...byId.values()].sort((a, b) => (a.displayName || '').localeCompare(b.displayName || ''));
    });

    function supervises(group) {
      return group.members.some((member) => member.userId === meId.value && member.supervisor);
    }

    function canEdit(group) {
      return isAdmin.value || (can('team.assign') && supervises(group));
    }

    function supervisorNames(group) {
      return group.members.filter((member) => member.supervisor).map((member) => userName(names.value, member.userId));
    }

    function channelList(group) {
      return group.channelIds.map((id) => channelNames.value.get(id) || t('team.groups.unknownChannel', { id }));
    }

    function overflowName(group) {
      if (group.overflowGroupId === null || group.overflowGroupId === undefined) return '';
      return groupNames.value.get(group.overflowGroupId) || '#' + group.overflowGroupId;
    }

    function open(group) {
      notice.value = '';
      editing.value = { group };
    }

    function saved(message) {
      notice.value = message || '';
      editing.value = null;
      loadGroups();
    }

    return { groups, channels, loading, problem, notice, editing, people, isAdmin, meId, canEdit, supervisorNames,
      channelList, overflowName, routingLabel, open, saved, t };
  },
  template: `
    <div>
      <div class="toolbar">
        <div class="grow muted small">{{ t('team.groups.hint') }}</div>
        <button v-if="isAdmin" id="group-new" class="primary" type="button" @click="open(null)">{{ t('team.groups.new') }}</button>
      </div>
      <div class="notice" v-if="notice">{{ notice }}</div>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table>
          <thead>
            <tr>
              <th>{{ t('field.name') }}</th>
              <th>{{ t('team.groups.routing') }}</th>
              <th>{{ t('team.groups.members') }}</th>
              <th>{{ t('team.groups.supervisors') }}</th>
              <th>{{ t('team.groups.channels') }}</th>
              <th>{{ t('team.groups.overflow') }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="group in groups" :key="group.id" :data-group="group.name">
              <td class="wrap">{{ group.name }}<div class="muted small" v-if="group.description">{{ group.description }}</div></td>
              <td><span class="badge" :data-routing="group.routing">{{ routingLabel(group.routing) }}</span></td>
              <td data-members-count>{{ group.members.length }}</td>
              <td class="wrap small">{{ supervisorNames(group).join(', ') || '—' }}</td>
              <td class="wrap small">{{ channelList(group).join(', ') || '—' }}</td>
              <td class="wrap small">{{ overflowName(group) || '—' }}</td>
              <td><button v-if="canEdit(group)" class="link" type="button" :data-edit="group.name" @click="open(group)">{{ t('action.edit') }}</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!loading && !groups.length">{{ t('team.groups.none') }}</div>
      </div>
      <GroupEditor v-if="editing" :key="editing.group ? editing.group.id : 'new'" :group="editing.group" :groups="groups"
        :people="people" :channels="channels" :admin="isAdmin" :me-id="meId" @saved="saved" @close="editing = null" />
    </div>`,
};
