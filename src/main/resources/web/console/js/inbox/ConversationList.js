// The left column of the inbox: tabs (waiting, mine, snoozed, open, closed) with counts, and the
// conversations of the chosen tab, newest activity first (the queue oldest first); snoozed ones
// say when they come back.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { inbox, loadView } from './inboxStore.js';
import { socketState } from './staffSocket.js';
import StatusNotice from '../team/StatusNotice.js';
import NotificationSwitch from './NotificationSwitch.js';
import { visitorName, relativeTime, clockTime } from './format.js';
import PreviewLine from './PreviewLine.js';

export default {
  name: 'ConversationList',
  components: { ProblemMessage, StatusNotice, NotificationSwitch, PreviewLine },
  props: { views: Array, view: String, selectedId: Number },
  emits: ['select', 'view'],
  setup(props) {
    const now = ref(Date.now());
    let ticker = null;
    onMounted(() => { ticker = setInterval(() => { now.value = Date.now(); }, 30000); });
    onBeforeUnmount(() => clearInterval(ticker));
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const state = computed(() => inbox.views[props.view]);
    const when = (item) => relativeTime(item.lastMessageAt || item.createdAt, now.value, timeZone.value);
    const count = (name) => inbox.views[name].items.length;
    const wakes = (item) => (item.snoozedUntil
      ? t('inbox.snoozedUntil', { time: clockTime(item.snoozedUntil, timeZone.value) })
      : t('inbox.snoozedUntilReply'));
    return { inbox, state, socketState, when, count, wakes, visitorName, loadView, t };
  },
  template: `
    <section class="conv-list" :aria-label="t('inbox.conversations')">
      <div class="conv-tabs" role="tablist">
        <button v-for="name in views" :key="name" type="button" role="tab" :data-view="name"
          :class="{ active: view === name }" :aria-selected="view === name" @click="$emit('view', name)">
          {{ t('inbox.view.' + name) }}
          <span class="count" :data-count="count(name)">{{ count(name) }}</span>
        </button>
      </div>
      <StatusNotice persistent />
      <div v-if="!socketState.connected && (socketState.readyCount > 0 || !socketState.connecting)"
        class="conn-state small" id="inbox-offline">{{ t('inbox.reconnecting') }}</div>
      <ProblemMessage :problem="state.problem" />
      <ul class="conv-items" :data-list="view">
        <li v-for="item in state.items" :key="item.id" :data-conversation-id="item.id" tabindex="0" role="button"
          :class="{ selected: item.id === selectedId, unread: item.unread > 0 && item.status !== 'closed' }"
          @click="$emit('select', item.id)" @keydown.enter="$emit('select', item.id)">
          <div class="line">
            <strong class="name">{{ visitorName(item) }}</strong>
            <time class="muted small" :datetime="item.lastMessageAt || item.createdAt">{{ when(item) }}</time>
          </div>
          <div class="line">
            <PreviewLine class="preview" :conversation="item" />
            <span v-if="item.leftMessageAt && item.status === 'waiting'" class="badge warn" data-left-message>{{ t('inbox.leftMessage') }}</span>
            <span v-if="item.unread > 0 && item.status !== 'closed'" class="unread-count" data-unread :aria-label="t('inbox.unread', { count: item.unread })">{{ item.unread }}</span>
          </div>
          <div class="line small muted">
            <span class="channel">{{ item.channel ? item.channel.name : '' }}</span>
            <span v-if="view === 'snoozed'" class="snoozed-until" data-snoozed-until>{{ wakes(item) }}</span>
            <span v-else-if="view !== 'mine' && item.assignee" class="assignee">{{ item.assignee.displayName }}</span>
          </div>
        </li>
      </ul>
      <div class="empty" v-if="state.loaded && !state.loading && !state.items.length">{{ t('inbox.empty.' + view) }}</div>
      <div class="empty" v-else-if="!state.loaded && state.loading">{{ t('inbox.loading') }}</div>
      <div class="more" v-if="state.nextCursor">
        <button type="button" :disabled="state.loading" @click="loadView(view, true)">{{ t('action.more') }}</button>
      </div>
      <NotificationSwitch />
    </section>`,
};
