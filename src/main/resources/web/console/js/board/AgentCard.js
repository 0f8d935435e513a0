// One agent on the board: status, load against capacity, the groups they are in.
import { computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { statusLabel } from '../team/team.js';
import LoadBar from '../team/LoadBar.js';
import StaffAvatar from '../avatars/StaffAvatar.js';

export default {
  name: 'AgentCard',
  components: { LoadBar, StaffAvatar },
  props: { agent: Object, groupNames: Map },
  setup(props) {
    const groups = computed(() => (props.agent.groupIds || [])
      .map((id) => props.groupNames.get(id))
      .filter(Boolean));
    return { groups, statusLabel, t };
  },
  template: `
    <li class="board-agent" :class="agent.status" :data-board-agent="agent.userId" :data-status="agent.status">
      <div class="board-agent-head">
        <span class="status-dot" :class="agent.status" :title="statusLabel(agent.status)"></span>
        <StaffAvatar :name="agent.displayName" :url="agent.avatarUrl" :size="24" />
        <strong class="board-agent-name" :title="agent.publicName || agent.displayName">{{ agent.displayName }}</strong>
        <span class="muted small">{{ statusLabel(agent.status) }}</span>
        <span v-if="agent.onShift === false" class="badge off-shift" data-off-shift>{{ t('board.offShift') }}</span>
      </div>
      <LoadBar :load="agent.load" :capacity="agent.capacity" />
      <div class="board-agent-groups small">
        <span class="tag" v-for="name in groups" :key="name">{{ name }}</span>
        <span class="muted" v-if="!groups.length">{{ t('board.agentNoGroup') }}</span>
      </div>
    </li>`,
};
