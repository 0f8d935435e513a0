// One conversation: the header (ConversationHeader), the messages with the internal notes
// between them (useNotes), kept live by the staff socket (useConversationFeed), and below: the
// reply box when it is assigned to me and open, or an internal note (anyone who may read the
// conversation). When this person can no longer read it (transferred away, access removed),
// a notice replaces the stale transcript.
import { ref, computed, watch, nextTick, onMounted, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { socketState } from './staffSocket.js';
import { updateConversation, removeConversation, setViewing, pageActive, clearMentions } from './inboxStore.js';
import { visitorName } from './format.js';
import { useNotes } from './useNotes.js';
import { useConversationFeed } from './useConversationFeed.js';
import ConversationHeader from './ConversationHeader.js';
import MessageItem from './MessageItem.js';
import ReplyBox from './ReplyBox.js';
import NoteItem from './NoteItem.js';
import NoteBox from './NoteBox.js';

/** A summary from a frame lacks the visitor details the first GET brought: keep those. */
function mergeConversation(old, fresh) {
  if (!old || old.id !== fresh.id) return fresh;
  return { ...old, ...fresh, visitor: { ...(old.visitor || {}), ...(fresh.visitor || {}) },
    details: fresh.details || old.details || null };
}

export default {
  name: 'ConversationPane',
  components: { ProblemMessage, ConversationHeader, MessageItem, ReplyBox, NoteItem, NoteBox },
  props: { conversationId: Number },
  emits: ['back', 'conversation', 'toggle-panel'],
  setup(props, { emit }) {
    const id = props.conversationId;
    const me = session.me.user;
    const conversation = ref(null);
    const problem = ref(null);
    const notice = ref('');
    // Taken away from me while open: said until it is mine again or closed (the state then speaks).
    const reassigned = ref(false);
    const loading = ref(true);
    const gone = ref(false);
    const dragging = ref(false);
    const scroller = ref(null);
    const reply = ref(null);
    const noteBox = ref(null);
    const compose = ref('reply');
    // The note box stays (hidden) once opened, so a draft survives switching back to the reply.
    const noteOpened = ref(false);
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const supervisor = can('conversation.monitor') || can('conversation.view_all');
    let atBottom = true;

    const assignedToMe = computed(() => !!conversation.value && !!conversation.value.assignee
      && conversation.value.assignee.id === me.id);
    const mine = computed(() => assignedToMe.value && conversation.value.status === 'assigned');
    // closed, but the customer left an address: a follow-up reaches him by e-mail (or text)
    const followUp = computed(() => assignedToMe.value && conversation.value.status === 'closed'
      && !!conversation.value.visitor && !!(conversation.value.visitor.email || conversation.value.visitor.phone)
      && can('conversation.reply'));
    const followUpTo = computed(() => followUp.value
      ? (conversation.value.visitor.email || conversation.value.visitor.phone) : '');
    const canTake = computed(() => !!conversation.value && conversation.value.status === 'waiting'
      && can('conversation.reply'));
    const shouldWatch = computed(() => !!conversation.value && !assignedToMe.value
      && conversation.value.status !== 'closed'
      && (supervisor || (conversation.value.status === 'waiting' && can('conversation.reply'))));
    const name = computed(() => conversation.value ? visitorName(conversation.value) : '');
    const customerName = computed(() => (conversation.value && conversation.value.visitor
      && conversation.value.visitor.name) || '');

    const feed = useConversationFeed({ id, me, mine, assignedToMe, shouldWatch, hooks: {
      onConversation: conversationChanged,
      onNote(note) {
        if (addNotes([note])) {
          scrollToBottom(false);
          if (pageActive()) clearMentions(id);
        }
      },
      onLostAccess: checkAccess,
      scroll: scrollToBottom,
    } });
    const { notes, addNotes, loadNotes, timeline } = useNotes(id, feed.messages);

    function scrollToBottom(force) {
      if (!force && !atBottom) return;
      nextTick(() => {
        const element = scroller.value;
        if (element) element.scrollTop = element.scrollHeight;
        atBottom = true;
      });
    }

    function onScroll() {
      const element = scroller.value;
      if (element) atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
    }

    function setConversation(fresh) {
      conversation.value = mergeConversation(conversation.value, fresh);
      feed.seenByVisitor(fresh.visitorReadSeq || 0);
      emit('conversation', conversation.value);
      updateConversation(conversation.value);
    }

    /** This person can no longer read the conversation: say so instead of showing stale content. */
    function lose() {
      if (gone.value) return;
      gone.value = true;
      problem.value = null;
      notice.value = '';
      feed.stop();
      removeConversation(id);
      emit('conversation', null);
    }

    /** A refusal or a change that may mean access was lost: ask the server (404: gone). */
    function checkAccess() {
      if (gone.value) return;
      get('/api/v1/conversations/' + id).then((fresh) => {
        if (!gone.value) setConversation(fresh);
      }, (failure) => {
        if (failure.status === 404 || failure.status === 403) lose();
      });
    }

    function conversationChanged(fresh) {
      const wasMine = mine.value;
      setConversation(fresh);
      if (wasMine && !mine.value && conversation.value.status !== 'closed') reassigned.value = true;
      if (mine.value || conversation.value.status === 'closed') reassigned.value = false;
      // Someone else's now, and this person does not supervise: it may be out of reach.
      if (!assignedToMe.value && !supervisor && conversation.value.status !== 'waiting') checkAccess();
      feed.follow(false);
    }

    function changed(fresh, focusReply) {
      setConversation(fresh);
      compose.value = 'reply';
      feed.follow(false);
      feed.maybeRead();
      if (focusReply) nextTick(() => reply.value && reply.value.focus());
    }

    function transferred(result) {
      setConversation(result.conversation);
      compose.value = 'reply';
      reassigned.value = false;
      notice.value = result.target
        ? t(result.toGroup ? 'transfer.doneGroup' : 'transfer.done', { name: result.target })
        : t('transfer.doneUnnamed');
      feed.follow(false);
      if (!result.conversation.assignee || result.conversation.assignee.id !== me.id) checkAccess();
      loadNotes().then(() => scrollToBottom(false));
    }

    function notePosted(note) {
      addNotes([note]);
      scrollToBottom(true);
    }

    // Switching between reply and note puts the cursor into the box now shown.
    watch(compose, (mode) => {
      if (mode === 'note') noteOpened.value = true;
      nextTick(() => {
        const target = mode === 'note' ? noteBox.value : reply.value;
        if (target) target.focus();
      });
    });

    async function load() {
      loading.value = true;
      problem.value = null;
      try {
        setConversation(await get('/api/v1/conversations/' + id));
        await Promise.all([loadNotes(), feed.loadHistory()]);
        feed.follow(true);
        scrollToBottom(true);
        feed.maybeRead();
      } catch (failure) {
        if (failure.status === 404) lose();
        else problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    function hasFiles(event) {
      return !!event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
    }

    function onDragOver(event) {
      if (!mine.value || !hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      dragging.value = true;
    }

    function onDragLeave(event) {
      if (!event.currentTarget.contains(event.relatedTarget)) dragging.value = false;
    }

    function onDrop(event) {
      if (!mine.value || !hasFiles(event)) return;
      event.preventDefault();
      dragging.value = false;
      feed.sendFiles(Array.from(event.dataTransfer.files || []));
    }

    function sendFiles(files) {
      if (mine.value || followUp.value) feed.sendFiles(files);
    }

    function typing(isTyping) {
      // nobody watches a closed conversation type
      if (mine.value) feed.sendTyping(isTyping);
    }

    const onActive = () => {
      feed.maybeRead();
      if (pageActive()) clearMentions(id);
    };

    onMounted(() => {
      setViewing(id);
      clearMentions(id);
      feed.start();
      window.addEventListener('focus', onActive);
      document.addEventListener('visibilitychange', onActive);
      load();
    });

    onBeforeUnmount(() => {
      feed.stop();
      window.removeEventListener('focus', onActive);
      document.removeEventListener('visibilitychange', onActive);
      setViewing(null);
    });

    return { conversation, messages: feed.messages, pending: feed.pending, visitorTyping: feed.visitorTyping,
      visitorOnline: feed.visitorOnline, problem, notice, reassigned, loading, gone, dragging, scroller, reply, noteBox, notes,
      timeline, compose, noteOpened, customerName, timeZone, mine, followUp, followUpTo, canTake, name, socketState,
      ownState: feed.ownState, pendingMessage: feed.pendingMessage, retry: feed.retry, sendText: feed.sendText,
      sendTyping: typing, sendFiles, onScroll, changed, transferred, lose, notePosted, onDragOver,
      onDragLeave, onDrop, scrollToBottom, t };
  },
  template: `
    <section class="conv-pane" :class="{ dragging }" :data-conversation="conversationId"
      @dragover="onDragOver" @dragleave="onDragLeave" @drop="onDrop">
      <ConversationHeader v-if="conversation && !gone" :conversation="conversation" :name="name"
        :visitor-online="visitorOnline" @back="$emit('back')" @toggle-panel="$emit('toggle-panel')"
        @changed="changed" @problem="problem = $event" @notice="notice = $event" @transferred="transferred"
        @gone="lose" />
      <header v-else class="conv-head conv-head-bare">
        <button type="button" class="link conv-back" @click="$emit('back')">← {{ t('inbox.back') }}</button>
      </header>
      <div v-if="gone" id="conv-gone" class="warning conv-gone" role="status">
        <strong>{{ t('inbox.gone.title') }}</strong>
        <p>{{ t('inbox.gone.text') }}</p>
      </div>
      <template v-else>
        <div class="warning conv-notice" v-if="notice">{{ notice }}</div>
        <div id="conv-reassigned" class="warning conv-notice" v-if="reassigned">{{ t('inbox.reassigned') }}</div>
        <ProblemMessage :problem="problem" />
        <div id="conv-messages" ref="scroller" class="conv-messages" @scroll="onScroll" aria-live="polite">
          <div v-if="loading" class="empty">{{ t('inbox.loading') }}</div>
          <template v-for="entry in timeline" :key="entry.key">
            <NoteItem v-if="entry.note" :note="entry.note" :time-zone="timeZone" />
            <MessageItem v-else :message="entry.message" :state="ownState(entry.message)"
              :time-zone="timeZone" @media-load="scrollToBottom(false)" />
          </template>
          <MessageItem v-for="entry in pending" :key="'p' + entry.clientId" :message="pendingMessage(entry)"
            :state="entry.state" :problem="entry.problem" :time-zone="timeZone" @retry="retry(entry)" />
        </div>
        <div id="visitor-typing" class="typing muted small" v-if="visitorTyping !== null">{{ t('inbox.typing', { name: visitorTyping || name }) }}</div>
        <div class="drop-hint" v-if="dragging">{{ t('inbox.dropHint') }}</div>
        <div v-if="conversation" class="compose-tabs" role="tablist" :aria-label="t('notes.composeLabel')">
          <button type="button" role="tab" data-compose="reply" :class="{ active: compose === 'reply' }"
            :aria-selected="compose === 'reply'" @click="compose = 'reply'">{{ t('notes.tabReply') }}</button>
          <button type="button" role="tab" data-compose="note" :class="{ active: compose === 'note' }"
            :aria-selected="compose === 'note'" @click="compose = 'note'">{{ t('notes.tabNote') }}</button>
        </div>
        <template v-if="conversation">
          <div v-if="followUp && compose === 'reply'" id="follow-up-hint" class="conv-readonly muted small">
            {{ t('inbox.followUpHint', { to: followUpTo }) }}</div>
          <ReplyBox v-if="mine || followUp" v-show="compose === 'reply'" ref="reply" :customer-name="customerName"
            @send="sendText" @files="sendFiles" @typing="sendTyping" />
          <div v-else-if="compose === 'reply'" class="conv-readonly muted small">
            {{ conversation.status === 'closed' ? t('inbox.closedHint') : canTake ? t('inbox.takeHint') : t('inbox.readOnly') }}
          </div>
          <NoteBox v-if="noteOpened" v-show="compose === 'note'" ref="noteBox" :conversation-id="conversationId" @posted="notePosted" />
        </template>
        <div v-if="!socketState.connected && (socketState.readyCount > 0 || !socketState.connecting)" class="conv-offline small">{{ t('inbox.reconnecting') }}</div>
      </template>
    </section>`,
};
