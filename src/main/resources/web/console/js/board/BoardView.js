// The supervisor's live board: every agent (status, load, groups), the queue of each group and
// of conversations no group answers (waiting, longest wait, online agents, load), and every
// conversation in progress, each opening in the inbox to watch, with how long its visitor has
// waited for a reply (highlighted past the organisation's limit; sortable by it). Polls every
// 5 s, and at once when the staff socket reports a conversation that changed.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, canAny } from '../session.js';
import { permissionsFor } from '../shell/navigation.js';
import { subscribe } from '../inbox/staffSocket.js';
import { visitorName, clockTime } from '../inbox/format.js';
import PreviewLine from '../inbox/PreviewLine.js';
import StaffAvatar from '../avatars/StaffAvatar.js';
import AgentCard from './AgentCard.js';
import QueueTile from './QueueTile.js';
import { waitedSince, duration } from './duration.js';

const POLL_MS = 5000;
const FRAME_DELAY_MS = 300;
const STATUS_ORDER = { online: 0, away: 1, offline: 2 };
const CONVERSATION_LIMIT = 200;
const SORT_KEY = 'parley.board.sort';
const SORTS = ['recent', 'waiting'];

function savedSort() {
  try {
    const saved = localStorage.getItem(SORT_KEY);
    return SORTS.includes(saved) ? saved : 'recent';
  } catch {
    return 'recent';
  }
}

export default {
  name: 'BoardView',
  components: { ProblemMessage, AgentCard, QueueTile, PreviewLine, StaffAvatar },
  setup() {
    const board = ref(null);
    const problem = ref(null);
    const updatedAt = ref(null);
    const now = ref(Date.now());
    const timeZone = computed(() => session.me.organisation.timeZone);
    const canWatch = computed(() => canAny(permissionsFor('inbox')));
    let pollTimer = null;
    let frameTimer = null;
    let clock = null;
    let unsubscribe = null;
    let loading = false;
    let again = false;
    let stopped = false;
    let readySeen = false;

    async function refresh() {
      if (stopped) return;
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      clearTimeout(pollTimer);
      try {
        board.value = await get('/api/v1/board');
        updatedAt.value = Date.now();
        problem.value = null;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading = false;
        if (again) {
          again = false;
          refresh();
        } else {
          schedule();
        }
      }
    }

    function schedule() {
      clearTimeout(pollTimer);
      if (!stopped) pollTimer = setTimeout(poll, POLL_MS);
    }

    // A hidden tab does not poll; it catches up when it is seen again.
    function poll() {
      if (document.visibilityState === 'hidden') schedule();
      else refresh();
    }

    function visible() {
      if (document.visibilityState === 'visible') refresh();
    }

    function onFrame(frame) {
      if (frame.type === 'ready') {
        if (readySeen) refresh();
        readySeen = true;
      } else if (frame.type === 'conversation') {
        clearTimeout(frameTimer);
        frameTimer = setTimeout(refresh, FRAME_DELAY_MS);
      }
    }

    onMounted(() => {
      refresh();
      unsubscribe = subscribe(onFrame);
      clock = setInterval(() => { now.value = Date.now(); }, 1000);
      document.addEventListener('visibilitychange', visible);
    });

    onBeforeUnmount(() => {
      stopped = true;
      clearTimeout(pollTimer);
      clearTimeout(frameTimer);
      clearInterval(clock);
      if (unsubscribe) unsubscribe();
      document.removeEventListener('visibilitychange', visible);
    });

    const agents = computed(() => (board.value ? board.value.agents.slice() : []).sort((a, b) =>
      (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3)
      || (a.displayName || '').localeCompare(b.displayName || '')));
    const counts = computed(() => {
      const result = { online: 0, away: 0, offline: 0 };
      for (const agent of agents.value) {
        if (result[agent.status] !== undefined) result[agent.status] += 1;
      }
      return result;
    });
    const groups = computed(() => (board.value ? board.value.groups.slice() : [])
      .sort((a, b) => a.name.localeCompare(b.name)));
    const groupNames = computed(() => new Map(groups.value.map((group) => [group.id, group.name])));
    const unassigned = computed(() => (board.value && board.value.unassigned) || { waiting: 0, longestWaitingSince: null });
    const sort = ref(savedSort());
    function changeSort() {
      try {
        localStorage.setItem(SORT_KEY, sort.value);
      } catch {
        // a private window keeps the choice for this page only
      }
    }
    const since = (conversation) => (conversation.waitingSince ? Date.parse(conversation.waitingSince) : NaN);
    const conversations = computed(() => {
      const list = board.value ? board.value.conversations.slice() : [];
      if (sort.value === 'waiting') {
        // longest waiting first; those answered keep their order (most recently active) after them
        list.sort((a, b) => (Number.isNaN(since(a)) ? Infinity : since(a)) - (Number.isNaN(since(b)) ? Infinity : since(b)));
      }
      return list;
    });
    const warnAfterMs = computed(() => (board.value && board.value.replyWarningSeconds || 0) * 1000);
    const waitingLong = (conversation) => !Number.isNaN(since(conversation)) && warnAfterMs.value > 0
      && now.value - since(conversation) >= warnAfterMs.value;
    const warnLimit = computed(() => duration(Math.round(warnAfterMs.value / 1000)));
    const waitingTotal = computed(() => groups.value.reduce((sum, group) => sum + (group.waiting || 0), 0)
      + (unassigned.value.waiting || 0));

    function inboxLink(conversation) {
      return { name: 'inbox', query: { view: 'open', conversation: String(conversation.id) } };
    }

    function updatedText() {
      return updatedAt.value ? clockTime(new Date(updatedAt.value).toISOString(), timeZone.value) : '';
    }

    return { board, problem, updatedAt, now, timeZone, canWatch, agents, counts, groups, groupNames, unassigned,
      conversations, waitingTotal, CONVERSATION_LIMIT, inboxLink, updatedText, refresh, visitorName, clockTime,
      formatInstant, waitedSince, sort, SORTS, changeSort, waitingLong, warnLimit, t };
  },
  template: `
    <div class="board">
      <div class="board-head">
        <h1>{{ t('board.title') }}</h1>
        <span class="muted small" id="board-updated" v-if="updatedAt">{{ t('board.updated', { time: updatedText() }) }}</span>
      </div>
      <ProblemMessage :problem="problem" />
      <div class="empty" v-if="!board && !problem">{{ t('board.loading') }}</div>
      <template v-if="board">
        <section class="board-section">
          <h2>{{ t('board.queues') }} <span class="muted small">{{ t('board.waitingTotal', { count: waitingTotal }) }}</span></h2>
          <ul id="board-queues" class="board-queues">
            <QueueTile v-for="group in groups" :key="group.id" :queue="group" :tile-id="String(group.id)" :name="group.name" :now="now" />
            <QueueTile :queue="unassigned" tile-id="none" :name="t('board.noGroup')" :now="now" />
          </ul>
        </section>

        <section class="board-section">
          <h2>{{ t('board.agents') }} <span class="muted small">{{ t('board.agentCounts', counts) }}</span></h2>
          <ul id="board-agents" class="board-agents" v-if="agents.length">
            <AgentCard v-for="agent in agents" :key="agent.userId" :agent="agent" :group-names="groupNames" />
          </ul>
          <div class="card empty" v-else>{{ t('board.agentsNone') }}</div>
        </section>

        <section class="board-section">
          <div class="board-conversations-head">
            <h2>{{ t('board.conversations') }} <span class="muted small">({{ conversations.length }})</span></h2>
            <label class="board-sort small" v-if="conversations.length">{{ t('board.sort') }}
              <select id="board-sort" v-model="sort" @change="changeSort">
                <option v-for="name in SORTS" :key="name" :value="name">{{ t('board.sort.' + name) }}</option>
              </select>
            </label>
          </div>
          <div id="board-conversations" class="card table-wrap" style="padding:0">
            <table v-if="conversations.length">
              <thead>
                <tr>
                  <th>{{ t('board.visitor') }}</th>
                  <th>{{ t('board.agent') }}</th>
                  <th>{{ t('board.channel') }}</th>
                  <th>{{ t('board.started') }}</th>
                  <th>{{ t('board.waitingForReply') }}</th>
                  <th>{{ t('board.lastMessage') }}</th>
                </tr>
              </thead>
              <tbody>
                <tr v-for="conversation in conversations" :key="conversation.id" :data-board-conversation="conversation.id"
                  :class="{ 'waiting-long': waitingLong(conversation) }">
                  <td class="wrap">
                    <router-link v-if="canWatch" :to="inboxLink(conversation)" :title="t('board.watch')"
                      :data-watch="conversation.id">{{ visitorName(conversation) }}</router-link>
                    <span v-else>{{ visitorName(conversation) }}</span>
                  </td>
                  <td class="wrap"><template v-if="conversation.assignee"><StaffAvatar :name="conversation.assignee.displayName"
                    :url="conversation.assignee.avatarUrl" :size="20" /> {{ conversation.assignee.displayName }}</template>
                    <template v-else>—</template></td>
                  <td class="wrap small">{{ conversation.channel ? conversation.channel.name : '' }}</td>
                  <td class="small" :title="formatInstant(conversation.createdAt, timeZone)">{{ clockTime(conversation.createdAt, timeZone) }}
                    <div class="muted">{{ waitedSince(conversation.createdAt, now) }}</div></td>
                  <td class="small board-waiting" :data-waiting-since="conversation.waitingSince || ''">
                    <template v-if="conversation.waitingSince">
                      <span class="badge" :class="waitingLong(conversation) ? 'off' : 'warn'"
                        :title="waitingLong(conversation) ? t('board.waitingLong', { limit: warnLimit }) : formatInstant(conversation.waitingSince, timeZone)">{{ waitedSince(conversation.waitingSince, now) }}</span>
                      <span v-if="waitingLong(conversation)" class="visually-hidden">{{ t('board.waitingLong', { limit: warnLimit }) }}</span>
                    </template>
                  </td>
                  <td class="wrap board-preview"><span class="muted small" v-if="conversation.lastMessageAt">{{ clockTime(conversation.lastMessageAt, timeZone) }}</span>
                    <div><PreviewLine :conversation="conversation" /></div></td>
                </tr>
              </tbody>
            </table>
            <div class="empty" v-else>{{ t('board.conversationsNone') }}</div>
          </div>
          <p class="muted small" v-if="conversations.length >= CONVERSATION_LIMIT">{{ t('board.conversationsLimit', { count: CONVERSATION_LIMIT }) }}</p>
        </section>
      </template>
    </div>`,
};
