// The scrolling transcript: greeting, messages in seq order, the visitor's messages still on
// their way, the agent's typing indicator and, once closed, the rating panel. Keeps the view
// at the newest message unless the visitor scrolled up to read.
import { computed, ref, watch, nextTick, onMounted } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, isClosed, showPrechat, showLeaveMessage, channelText } from './chat.js';
import MessageItem from './MessageItem.js';
import TypingIndicator from './TypingIndicator.js';
import QueueInfo from './QueueInfo.js';
import RatingPanel from './RatingPanel.js';
import PrechatForm from './PrechatForm.js';
import LeaveMessageForm from './LeaveMessageForm.js';

export default {
  name: 'MessageList',
  components: { MessageItem, TypingIndicator, RatingPanel, PrechatForm, QueueInfo, LeaveMessageForm },
  setup() {
    const scroller = ref(null);
    let pinned = true;

    const rows = computed(() => state.messages.map((message, index) => {
      const previous = index > 0 ? state.messages[index - 1] : null;
      const sameAgent = previous && previous.kind !== 'event' && previous.sender && message.sender
        && previous.sender.kind === 'agent' && message.sender.kind === 'agent' && previous.sender.id === message.sender.id;
      return { key: message.clientId && message.sender && message.sender.kind === 'visitor'
        ? 'c' + message.clientId : 's' + message.seq, message, showName: !sameAgent };
    }));
    const greeting = computed(() => channelText('greeting') || t('widget.greeting.default'));

    function onScroll() {
      const element = scroller.value;
      if (!element) return;
      pinned = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
    }
    function toEnd(force) {
      nextTick(() => {
        const element = scroller.value;
        if (element && (force || pinned)) {
          element.scrollTop = element.scrollHeight;
          pinned = true;
        }
      });
    }
    watch(() => state.scrollRequest, () => toEnd(false));
    watch(() => state.pending.length, (now, before) => { if (now > before) toEnd(true); });
    watch(() => state.open, (open) => { if (open) toEnd(true); });
    watch(() => state.conversation && state.conversation.id, () => toEnd(true));
    onMounted(() => toEnd(true));

    return { state, rows, greeting, isClosed, showPrechat, showLeaveMessage, scroller, onScroll, t };
  },
  template: `
    <div class="pw-scroll" ref="scroller" @scroll.passive="onScroll">
      <div id="messages" class="pw-messages" role="log" aria-live="polite" :aria-label="t('widget.messages.label')">
        <div id="greeting" class="pw-greeting">
          <div class="pw-bubble">{{ greeting }}</div>
        </div>
        <MessageItem v-for="row in rows" :key="row.key" :message="row.message" :show-name="row.showName" />
        <MessageItem v-for="item in state.pending" :key="'c' + item.clientId" :pending="item" />
      </div>
      <QueueInfo />
      <TypingIndicator v-if="state.agentTyping && !isClosed" />
      <PrechatForm v-if="showPrechat" />
      <LeaveMessageForm v-if="showLeaveMessage" />
      <RatingPanel v-if="isClosed" />
    </div>`,
};
