// One line of the transcript: a visitor or agent bubble (text or file, time, delivery state
// for the visitor's own messages) or a small centred system line for events.
import { computed } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, retry, discard } from './chat.js';
import { clockTime, fileSize } from './format.js';
import MessageText from './MessageText.js';
import AttachmentView from './AttachmentView.js';

export function eventText(event) {
  if (!event) return '';
  const agent = event.agent || '';
  switch (event.type) {
    case 'assigned':
      return agent ? t('widget.event.assigned', { agent }) : t('widget.event.assignedAnonymous');
    case 'closed':
      if (event.by === 'visitor') return t('widget.event.closedByVisitor');
      if (event.by === 'timeout') return t('widget.event.closedByTimeout');
      if (event.by === 'agent' && agent) return t('widget.event.closedByAgent', { agent });
      return t('widget.event.closed');
    case 'reopened':
      return t('widget.event.reopened');
    case 'transferred':
      return event.by === 'agent' && agent ? t('widget.event.transferredTo', { agent })
        : t('widget.event.transferred');
    case 'taken_over':
      return agent && event.from ? t('widget.event.takenOver', { agent, from: event.from })
        : t('widget.event.transferred');
    case 'file_refused':
      return t('widget.event.fileRefused', { name: agent });
    default:
      return '';
  }
}

export default {
  name: 'MessageItem',
  components: { MessageText, AttachmentView },
  props: {
    message: Object, // a stored Message
    pending: Object, // or one of the visitor's messages still on its way
    showName: Boolean,
  },
  setup(props) {
    const side = computed(() => {
      if (props.pending) return 'visitor';
      const kind = props.message.sender && props.message.sender.kind;
      if (props.message.kind === 'event') return 'system';
      return kind === 'visitor' || kind === 'agent' ? kind : 'system';
    });
    const deliveryState = computed(() => {
      if (props.pending) return props.pending.state;
      if (side.value !== 'visitor') return null;
      return props.message.seq <= state.agentReadSeq ? 'read' : 'sent';
    });
    const senderName = computed(() => {
      const sender = props.message && props.message.sender;
      return (sender && sender.name) || t('widget.agent');
    });
    const time = computed(() => clockTime(props.pending ? props.pending.createdAt : props.message.createdAt));
    const systemText = computed(() => (props.message && props.message.kind === 'event'
      ? eventText(props.message.event) : (props.message && props.message.text) || ''));
    const stateLabel = computed(() => ({
      sending: t('widget.message.sending'), sent: t('widget.message.sent'),
      read: t('widget.message.read'), failed: t('widget.message.failed'),
    })[deliveryState.value] || '');
    const tick = computed(() => ({ sending: '\u25F7', sent: '\u2713', read: '\u2713\u2713', failed: '!' })[deliveryState.value] || '');
    return { side, deliveryState, senderName, time, systemText, stateLabel, tick, fileSize, t,
      retry: () => retry(props.pending), discard: () => discard(props.pending) };
  },
  template: `
    <div v-if="pending" class="message visitor pw-pending" :data-state="pending.state" :data-client-id="pending.clientId">
      <div class="pw-bubble">
        <MessageText v-if="pending.kind === 'text'" :text="pending.text" />
        <div v-else class="pw-file pw-uploading">
          <span class="pw-file-meta">
            <span class="pw-file-name">{{ pending.fileName }}</span>
            <span class="pw-file-size">{{ fileSize(pending.fileSize) }}<template v-if="pending.state === 'sending'"> · {{ t('widget.attachment.uploading') }}</template></span>
          </span>
        </div>
      </div>
      <div class="pw-meta">
        <template v-if="pending.state === 'failed'">
          <span class="pw-failed">{{ t('widget.message.failed') }}</span>
          <button type="button" class="pw-link-button pw-retry" @click="retry">{{ t('widget.message.retry') }}</button>
          <button type="button" class="pw-link-button" @click="discard">{{ t('widget.message.discard') }}</button>
        </template>
        <template v-else>
          <span class="pw-time">{{ time }}</span>
          <span class="pw-tick" :title="stateLabel" :aria-label="stateLabel">{{ tick }}</span>
        </template>
      </div>
    </div>
    <div v-else-if="side === 'system'" class="message system" :data-seq="message.seq"
         :data-event="message.event ? message.event.type : null">
      <span>{{ systemText }}</span>
    </div>
    <div v-else class="message" :class="side" :data-seq="message.seq" :data-state="deliveryState">
      <div v-if="side === 'agent' && showName" class="pw-sender"><img v-if="message.sender && message.sender.avatarUrl"
        class="pw-sender-avatar" :src="message.sender.avatarUrl" alt="">{{ senderName }}</div>
      <div class="pw-bubble" :class="{ 'pw-bubble-file': message.kind === 'attachment' }">
        <MessageText v-if="message.text" :text="message.text" />
        <AttachmentView v-if="message.attachment" :attachment="message.attachment" />
      </div>
      <div class="pw-meta">
        <span class="pw-time">{{ time }}</span>
        <span v-if="deliveryState" class="pw-tick" :class="deliveryState" :title="stateLabel" :aria-label="stateLabel">{{ tick }}</span>
      </div>
    </div>`,
};
