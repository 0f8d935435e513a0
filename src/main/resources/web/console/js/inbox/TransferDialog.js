// Hands a conversation over: to an agent (assigned to them at once) or to a group (back into
// its queue, routed), with an optional internal note for the colleague. The agents and groups
// need `team.view`; whichever list is refused is left out.
import { ref, computed, onMounted, nextTick } from 'vue';
import { t, tOr } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session } from '../session.js';

const STATUS_ORDER = { online: 0, away: 1, offline: 2 };

export default {
  name: 'TransferDialog',
  components: { ModalDialog, ProblemMessage },
  props: { conversation: Object },
  emits: ['transferred', 'close'],
  setup(props, { emit }) {
    const agents = ref([]);
    const groups = ref([]);
    const agentsAllowed = ref(true);
    const groupsAllowed = ref(true);
    const loading = ref(true);
    const busy = ref(false);
    const problem = ref(null);
    const loadProblem = ref(null);
    const agentId = ref('');
    const groupId = ref('');
    const note = ref('');
    const first = ref(null);
    const myId = session.me.user.id;

    const assigneeId = computed(() => (props.conversation && props.conversation.assignee
      ? props.conversation.assignee.id : null));
    const agentChoices = computed(() => agents.value
      .filter((agent) => agent.userId !== myId && agent.userId !== assigneeId.value)
      .sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3)
        || String(a.displayName).localeCompare(String(b.displayName))));
    const groupChoices = computed(() => [...groups.value]
      .sort((a, b) => String(a.name).localeCompare(String(b.name))));
    const specific = computed(() => (problem.value ? tOr('transfer.error.' + problem.value.code, null) : null));
    const ready = computed(() => agentId.value !== '' || groupId.value !== '');

    function agentLabel(agent) {
      const status = tOr('transfer.agentStatus.' + agent.status, agent.status || '');
      const load = agent.capacity ? t('transfer.load', { load: agent.load ?? 0, capacity: agent.capacity }) : '';
      return [agent.displayName || agent.publicName || ('#' + agent.userId), status, load].filter(Boolean).join(' · ');
    }

    async function list(path, allowed) {
      try {
        const answer = await get(path);
        return Array.isArray(answer) ? answer : (answer && answer.items) || [];
      } catch (failure) {
        allowed.value = false;
        if (failure.status !== 403) loadProblem.value = failure;
        return [];
      }
    }

    onMounted(async () => {
      const [agentList, groupList] = await Promise.all([
        list('/api/v1/agents', agentsAllowed), list('/api/v1/groups', groupsAllowed)]);
      agents.value = agentList;
      groups.value = groupList;
      loading.value = false;
      nextTick(() => first.value && first.value.focus());
    });

    function pickAgent() {
      if (agentId.value !== '') groupId.value = '';
    }

    function pickGroup() {
      if (groupId.value !== '') agentId.value = '';
    }

    async function submit() {
      if (!ready.value || busy.value) return;
      busy.value = true;
      problem.value = null;
      const body = {};
      let target = '';
      if (agentId.value !== '') {
        body.toAgentId = Number(agentId.value);
        const agent = agents.value.find((entry) => entry.userId === body.toAgentId);
        target = agent ? agent.displayName : '';
      } else {
        body.toGroupId = Number(groupId.value);
        const group = groups.value.find((entry) => entry.id === body.toGroupId);
        target = group ? group.name : '';
      }
      const text = note.value.trim();
      if (text) body.note = text;
      try {
        const conversation = await post('/api/v1/conversations/' + props.conversation.id + '/transfer', body);
        emit('transferred', { conversation, target, toGroup: body.toGroupId !== undefined });
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { agents, groups, agentsAllowed, groupsAllowed, loading, busy, problem, loadProblem, specific, agentId, groupId,
      note, first, agentChoices, groupChoices, ready, agentLabel, pickAgent, pickGroup, submit, t };
  },
  template: `
    <ModalDialog class="transfer-dialog" title-id="transfer-title" :title="t('transfer.title')" @close="$emit('close')">
      <form @submit.prevent="submit" novalidate>
        <p class="muted small">{{ t('transfer.intro') }}</p>
        <div v-if="loading" class="muted">{{ t('inbox.loading') }}</div>
        <template v-else>
          <ProblemMessage :problem="loadProblem" />
          <div class="transfer-targets">
            <div class="field" v-if="agentsAllowed">
              <label for="transfer-agent">{{ t('transfer.toAgent') }}</label>
              <select id="transfer-agent" ref="first" v-model="agentId" @change="pickAgent">
                <option value="">{{ t('transfer.chooseAgent') }}</option>
                <option v-for="agent in agentChoices" :key="agent.userId" :value="String(agent.userId)"
                  :data-status="agent.status">{{ agentLabel(agent) }}</option>
              </select>
              <div class="hint" v-if="!agentChoices.length">{{ t('transfer.noAgents') }}</div>
            </div>
            <div class="transfer-or muted small" v-if="agentsAllowed && groupsAllowed">{{ t('transfer.or') }}</div>
            <div class="field" v-if="groupsAllowed">
              <label for="transfer-group">{{ t('transfer.toGroup') }}</label>
              <select id="transfer-group" v-model="groupId" @change="pickGroup">
                <option value="">{{ t('transfer.chooseGroup') }}</option>
                <option v-for="group in groupChoices" :key="group.id" :value="String(group.id)">{{ group.name }}</option>
              </select>
              <div class="hint">{{ groupChoices.length ? t('transfer.groupHint') : t('transfer.noGroups') }}</div>
            </div>
          </div>
          <div class="warning" v-if="!agentsAllowed && !groupsAllowed" id="transfer-no-targets">{{ t('transfer.noTargets') }}</div>
          <div class="field">
            <label for="transfer-note">{{ t('transfer.note') }}</label>
            <textarea id="transfer-note" v-model="note" rows="3" maxlength="2000" :placeholder="t('transfer.noteHint')"></textarea>
            <div class="hint">{{ t('transfer.noteInternal') }}</div>
          </div>
        </template>
        <div v-if="specific" class="problem" role="alert"><strong>{{ specific }}</strong></div>
        <ProblemMessage v-else :problem="problem" />
        <div class="actions">
          <button id="transfer-submit" class="primary" type="submit" :disabled="busy || loading || !ready">{{ t('transfer.submit') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
