// One conversation: header (visitor, status, assignee, take, transfer, close), the messages
// with the internal notes between them (by time), live updates from the staff socket, and
// below: the reply box when it is assigned to me and open, or an internal note (anyone who
// may read the conversation). Supervisors follow other agents' conversations (watch / unwatch).
import { ref, computed, watch, nextTick, onMounted, onBeforeUnmount } from 'vue';
import { t, tOr } from '../../../shared/js/i18n.js';
import { get, post, upload } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { subscribe, send, socketState } from './staffSocket.js';
import { updateConversation, markRead, setViewing, pageActive, clearMentions } from './inboxStore.js';
import { visitorName, newClientId } from './format.js';
import MessageItem from './MessageItem.js';
import ReplyBox from './ReplyBox.js';
import NoteItem from './NoteItem.js';
import NoteBox from './NoteBox.js';
import TransferDialog from './TransferDialog.js';

const PAGE_SIZE = 50;
const MAX_PAGES = 100;
const TYPING_SHOWN_MS = 8000;

function instant(value) {
  const parsed = value ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? Number.MAX_SAFE_INTEGER : parsed;
}

/** A summary from a frame lacks the visitor details the first GET brought: keep those. */
function mergeConversation(old, fresh) {
  if (!old || old.id !== fresh.id) return fresh;
  return { ...old, ...fresh, visitor: { ...(old.visitor || {}), ...(fresh.visitor || {}) },
    details: fresh.details || old.details || null };
}

export default {
  name: 'ConversationPane',
  components: { ProblemMessage, MessageItem, ReplyBox, NoteItem, NoteBox, TransferDialog },
  props: { conversationId: Number },
  emits: ['back', 'conversation', 'toggle-panel'],
  setup(props, { emit }) {
    const id = props.conversationId;
    const me = session.me.user;
    const conversation = ref(null);
    const messages = ref([]);
    const pending = ref([]);
    const problem = ref(null);
    const notice = ref('');
    const loading = ref(true);
    const busy = ref(false);
    const visitorTyping = ref(null);
    const visitorOnline = ref(null);
    const visitorReadSeq = ref(0);
    const dragging = ref(false);
    const scroller = ref(null);
    const reply = ref(null);
    const noteBox = ref(null);
    const notes = ref([]);
    const compose = ref('reply');
    // The note box stays (hidden) once opened, so a draft survives switching back to the reply.
    const noteOpened = ref(false);
    const transferring = ref(false);
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const supervisor = can('conversation.monitor') || can('conversation.view_all');
    let lastSeq = 0;
    // Every message up to this seq is here: what sync asks from (a jump past it means a gap).
    let contiguousSeq = 0;
    let readSent = 0;
    let watching = false;
    let atBottom = true;
    let typingTimer = null;
    let stopped = false;
    const seqs = new Set();

    const assignedToMe = computed(() => !!conversation.value && !!conversation.value.assignee
      && conversation.value.assignee.id === me.id);
    const mine = computed(() => assignedToMe.value && conversation.value.status === 'assigned');
    const canTake = computed(() => !!conversation.value && conversation.value.status === 'waiting'
      && can('conversation.reply'));
    const name = computed(() => conversation.value ? visitorName(conversation.value) : '');
    const customerName = computed(() => (conversation.value && conversation.value.visitor
      && conversation.value.visitor.name) || '');
    const canTransfer = computed(() => !!conversation.value && conversation.value.status !== 'closed'
      && ((assignedToMe.value && can('conversation.transfer')) || can('conversation.view_all')));

    /** Messages by seq with the notes put in by time (a note goes after messages of the same instant). */
    const timeline = computed(() => {
      const entries = [];
      const list = notes.value;
      let next = 0;
      for (const message of messages.value) {
        const at = instant(message.createdAt);
        while (next < list.length && instant(list[next].createdAt) < at) {
          entries.push({ key: 'n' + list[next].id, note: list[next] });
          next += 1;
        }
        entries.push({ key: 's' + message.seq, message });
      }
      for (; next < list.length; next += 1) entries.push({ key: 'n' + list[next].id, note: list[next] });
      return entries;
    });
    const statusClass = computed(() => {
      const status = conversation.value && conversation.value.status;
      return status === 'waiting' ? 'warn' : status === 'assigned' ? 'ok' : '';
    });

    function ownState(message) {
      if (!message.sender || message.sender.kind !== 'agent' || message.sender.id !== me.id) return null;
      return message.seq <= visitorReadSeq.value ? 'read' : 'sent';
    }

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

    function addMessages(list) {
      let added = false;
      for (const message of list) {
        if (!message || typeof message.seq !== 'number') continue;
        if (message.clientId) {
          const index = pending.value.findIndex((entry) => entry.clientId === message.clientId);
          if (index >= 0 && message.sender && message.sender.kind === 'agent') pending.value.splice(index, 1);
        }
        if (seqs.has(message.seq)) {
          const index = messages.value.findIndex((entry) => entry.seq === message.seq);
          if (index >= 0 && message.id && !messages.value[index].id) messages.value[index] = message;
          continue;
        }
        seqs.add(message.seq);
        messages.value.push(message);
        added = true;
        if (message.seq > lastSeq) lastSeq = message.seq;
      }
      if (added) messages.value.sort((a, b) => a.seq - b.seq);
      while (seqs.has(contiguousSeq + 1)) contiguousSeq += 1;
      return added;
    }

    function addNotes(list) {
      let added = false;
      for (const note of list || []) {
        if (!note || note.id === undefined || note.id === null) continue;
        if (note.conversationId !== undefined && note.conversationId !== id) continue;
        const index = notes.value.findIndex((entry) => entry.id === note.id);
        if (index >= 0) {
          notes.value[index] = note;
        } else {
          notes.value.push(note);
          added = true;
        }
      }
      if (added) notes.value.sort((a, b) => instant(a.createdAt) - instant(b.createdAt) || a.id - b.id);
      return added;
    }

    /** The notes so far (quietly nothing when they cannot be read). */
    async function loadNotes() {
      try {
        const list = await get('/api/v1/conversations/' + id + '/notes');
        if (!stopped) addNotes(Array.isArray(list) ? list : (list && list.items) || []);
      } catch {
        // not available to this person (or not yet on this server): no notes shown
      }
    }

    function notePosted(note) {
      addNotes([note]);
      scrollToBottom(true);
    }

    function transferred(result) {
      transferring.value = false;
      setConversation(result.conversation);
      compose.value = 'reply';
      notice.value = result.target
        ? t(result.toGroup ? 'transfer.doneGroup' : 'transfer.done', { name: result.target })
        : t('transfer.doneUnnamed');
      follow();
      loadNotes().then(() => scrollToBottom(false));
    }

    // Switching between reply and note puts the cursor into the box now shown.
    watch(compose, (mode) => {
      if (mode === 'note') noteOpened.value = true;
      nextTick(() => {
        const target = mode === 'note' ? noteBox.value : reply.value;
        if (target) target.focus();
      });
    });

    function setConversation(fresh) {
      conversation.value = mergeConversation(conversation.value, fresh);
      if (fresh.visitorReadSeq > visitorReadSeq.value) visitorReadSeq.value = fresh.visitorReadSeq;
      emit('conversation', conversation.value);
      updateConversation(conversation.value);
    }

    let syncAskedAt = 0;
    function sync() {
      if (!mine.value && !watching) return;
      if (syncAskedAt && Date.now() - syncAskedAt < 5000) return;
      if (send({ type: 'sync', ref: 'sync-' + id, conversationId: id, afterSeq: contiguousSeq })) syncAskedAt = Date.now();
    }

    /**
     * Watch someone else's open conversation (supervisors), or a waiting one (agents who may
     * take it), to see it live; sync what we follow.
     */
    function follow() {
      const current = conversation.value;
      if (!current || stopped) return;
      const shouldWatch = !assignedToMe.value && current.status !== 'closed'
        && (supervisor || (current.status === 'waiting' && can('conversation.reply')));
      if (shouldWatch && !watching) {
        watching = send({ type: 'watch', ref: 'watch-' + id, conversationId: id });
      } else if (!shouldWatch && watching) {
        // The assignee follows it anyway (no unwatch); otherwise let go (closed, or someone else's).
        if (!assignedToMe.value) send({ type: 'unwatch', ref: 'unwatch-' + id, conversationId: id });
        watching = false;
      }
      if (socketState.connected) sync();
    }

    function maybeRead() {
      if (!mine.value || !pageActive() || lastSeq <= readSent) return;
      readSent = lastSeq;
      const seq = lastSeq;
      if (!send({ type: 'read', conversationId: id, seq })) {
        post('/api/v1/conversations/' + id + '/read', { seq }).catch(() => null);
      }
      markRead(id);
    }

    async function load() {
      loading.value = true;
      problem.value = null;
      try {
        setConversation(await get('/api/v1/conversations/' + id));
        const notesLoaded = loadNotes();
        let after = 0;
        for (let page = 0; page < MAX_PAGES && !stopped; page += 1) {
          const result = await get('/api/v1/conversations/' + id + '/messages', { after, limit: PAGE_SIZE });
          const items = result.items || [];
          addMessages(items);
          const last = items.length ? items[items.length - 1].seq : after;
          if (!items.length || last >= (result.lastSeq || 0)) break;
          after = last;
        }
        await notesLoaded;
        follow();
        scrollToBottom(true);
        maybeRead();
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    function messageFrom(entry, ack) {
      return {
        id: ack.messageId, conversationId: id, seq: ack.seq, clientId: entry.clientId, kind: entry.kind,
        sender: { kind: 'agent', id: me.id, name: me.displayName }, text: entry.text || null,
        attachment: entry.attachment || null, event: null, createdAt: ack.createdAt || new Date().toISOString(),
      };
    }

    function pendingEntry(clientId) {
      return pending.value.find((entry) => entry.clientId === clientId);
    }

    function transmit(entry) {
      entry.state = 'sending';
      entry.problem = null;
      if (send({ type: 'send', ref: entry.clientId, conversationId: id, clientId: entry.clientId, text: entry.text })) return;
      // Not connected: the same clientId over HTTP (the server keeps one copy whatever arrives twice).
      post('/api/v1/conversations/' + id + '/messages', { clientId: entry.clientId, text: entry.text })
        .then((message) => {
          addMessages([message]);
          if (contiguousSeq < lastSeq) sync();
          maybeRead();
          scrollToBottom(true);
        })
        .catch((failure) => {
          const current = pendingEntry(entry.clientId);
          if (current && failure.code !== 'network') {
            current.state = 'failed';
            current.problem = failure;
          }
        });
    }

    function sendText(text) {
      pending.value.push({ clientId: newClientId(), kind: 'text', text, state: 'sending', problem: null });
      transmit(pending.value[pending.value.length - 1]);
      scrollToBottom(true);
    }

    async function uploadOne(entry) {
      entry.state = 'sending';
      entry.problem = null;
      const form = new FormData();
      form.append('file', entry.file, entry.file.name || 'file');
      form.append('clientId', entry.clientId);
      try {
        const message = await upload('/api/v1/conversations/' + id + '/attachments', form);
        addMessages([message]);
        if (contiguousSeq < lastSeq) sync();
        maybeRead();
        const left = pendingEntry(entry.clientId);
        if (left) pending.value.splice(pending.value.indexOf(left), 1);
        scrollToBottom(true);
      } catch (failure) {
        const current = pendingEntry(entry.clientId);
        if (current) {
          current.state = 'failed';
          current.problem = failure;
        }
      }
    }

    function sendFiles(files) {
      if (!mine.value) return;
      for (const file of files) {
        pending.value.push({
          clientId: newClientId(), kind: 'attachment', file,
          attachment: { name: file.name || 'file', size: file.size, image: false }, state: 'sending', problem: null,
        });
        uploadOne(pending.value[pending.value.length - 1]);
      }
      scrollToBottom(true);
    }

    function retry(entry) {
      if (entry.kind === 'attachment') uploadOne(entry);
      else transmit(entry);
    }

    function sendTyping(typing) {
      send({ type: 'typing', conversationId: id, typing });
    }

    function pendingMessage(entry) {
      return {
        seq: null, clientId: entry.clientId, kind: entry.kind, text: entry.text || null,
        attachment: entry.attachment || null, sender: { kind: 'agent', id: me.id, name: me.displayName }, createdAt: null,
      };
    }

    /** A supervisor takes someone else's conversation: a transfer to himself. */
    const canTakeOver = computed(() => !!conversation.value && conversation.value.status === 'assigned'
      && !assignedToMe.value && can('conversation.view_all') && can('conversation.reply'));

    async function takeOver() {
      busy.value = true;
      problem.value = null;
      notice.value = '';
      try {
        setConversation(await post('/api/v1/conversations/' + id + '/transfer', { toAgentId: me.id }));
        compose.value = 'reply';
        follow();
        maybeRead();
        nextTick(() => reply.value && reply.value.focus());
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function take() {
      busy.value = true;
      problem.value = null;
      notice.value = '';
      try {
        setConversation(await post('/api/v1/conversations/' + id + '/assign'));
        compose.value = 'reply';
        follow();
        maybeRead();
        nextTick(() => reply.value && reply.value.focus());
      } catch (failure) {
        if (failure.status === 409) {
          notice.value = t('inbox.takenByOther');
          get('/api/v1/conversations/' + id).then(setConversation).catch(() => null);
        } else {
          problem.value = failure;
        }
      } finally {
        busy.value = false;
      }
    }

    async function close() {
      busy.value = true;
      problem.value = null;
      try {
        setConversation(await post('/api/v1/conversations/' + id + '/close'));
        follow();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    /** A refused frame, shaped like a Problem for ProblemMessage (error.<code>, else our own text). */
    function errorProblem(frame) {
      const message = tOr('inbox.error.' + frame.code, frame.message || frame.code);
      return { code: frame.code, message, body: { code: frame.code, detail: message }, status: 0 };
    }

    function onFrame(frame) {
      if (frame.type === 'ready') {
        watching = false;
        syncAskedAt = 0;
        follow();
        for (const entry of pending.value) {
          if (entry.kind === 'text' && entry.state === 'sending') transmit(entry);
        }
        return;
      }
      if (frame.type === 'disconnected') {
        watching = false;
        visitorTyping.value = null;
        return;
      }
      if (frame.type === 'error') {
        const entry = frame.ref ? pendingEntry(frame.ref) : null;
        if (entry) {
          entry.state = 'failed';
          entry.problem = errorProblem(frame);
        }
        return;
      }
      if (frame.type === 'conversation') {
        if (frame.conversation && frame.conversation.id === id) {
          const wasMine = mine.value;
          setConversation(frame.conversation);
          if (wasMine && !mine.value && conversation.value.status !== 'closed') notice.value = t('inbox.reassigned');
          follow();
        }
        return;
      }
      if (frame.conversationId !== id) return;
      switch (frame.type) {
        case 'note':
          if (addNotes([frame.note])) {
            scrollToBottom(false);
            if (pageActive()) clearMentions(id);
          }
          break;
        case 'message': {
          const message = frame.message;
          if (!message) return;
          if (addMessages([message])) {
            if (contiguousSeq < lastSeq) sync();
            if (message.sender && message.sender.kind === 'visitor') visitorTyping.value = null;
            scrollToBottom(false);
            maybeRead();
          }
          break;
        }
        case 'ack': {
          const entry = pendingEntry(frame.clientId);
          if (entry) {
            addMessages([messageFrom(entry, frame)]);
            if (contiguousSeq < lastSeq) sync();
            maybeRead();
            scrollToBottom(false);
          }
          break;
        }
        case 'typing':
          if (frame.side !== 'visitor') return;
          clearTimeout(typingTimer);
          visitorTyping.value = frame.typing ? (frame.name || name.value) : null;
          if (frame.typing) typingTimer = setTimeout(() => { visitorTyping.value = null; }, TYPING_SHOWN_MS);
          if (frame.typing) scrollToBottom(false);
          break;
        case 'synced':
          syncAskedAt = 0;
          break;
        case 'read':
          if (frame.side === 'visitor' && frame.seq > visitorReadSeq.value) visitorReadSeq.value = frame.seq;
          break;
        case 'presence':
          if (frame.side === 'visitor') visitorOnline.value = !!frame.online;
          break;
        default:
          break;
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
      sendFiles(Array.from(event.dataTransfer.files || []));
    }

    const onActive = () => {
      maybeRead();
      if (pageActive()) clearMentions(id);
    };
    let unsubscribe = null;

    onMounted(() => {
      setViewing(id);
      clearMentions(id);
      unsubscribe = subscribe(onFrame);
      window.addEventListener('focus', onActive);
      document.addEventListener('visibilitychange', onActive);
      load();
    });

    onBeforeUnmount(() => {
      stopped = true;
      clearTimeout(typingTimer);
      if (watching) send({ type: 'unwatch', ref: 'unwatch-' + id, conversationId: id });
      watching = false;
      window.removeEventListener('focus', onActive);
      document.removeEventListener('visibilitychange', onActive);
      setViewing(null);
      if (unsubscribe) unsubscribe();
    });

    return { conversation, messages, pending, problem, notice, loading, busy, visitorTyping, visitorOnline, dragging,
      scroller, reply, noteBox, notes, timeline, compose, noteOpened, transferring, customerName, canTransfer, timeZone, mine, canTake, canTakeOver, takeOver,
      name, statusClass, socketState, ownState, onScroll, sendText, sendFiles, retry, sendTyping, pendingMessage, take,
      close, notePosted, transferred, onDragOver, onDragLeave, onDrop, scrollToBottom, t };
  },
  template: `
    <section class="conv-pane" :class="{ dragging }" :data-conversation="conversationId"
      @dragover="onDragOver" @dragleave="onDragLeave" @drop="onDrop">
      <header class="conv-head">
        <button type="button" class="link conv-back" @click="$emit('back')">← {{ t('inbox.back') }}</button>
        <div class="conv-title" v-if="conversation">
          <h2 id="conv-visitor">{{ name }}
            <span v-if="visitorOnline !== null" class="presence" :class="{ online: visitorOnline }"
              :title="visitorOnline ? t('inbox.online') : t('inbox.offline')"></span>
          </h2>
          <div class="conv-sub small muted">
            <span id="conv-status" class="badge" :class="statusClass" :data-status="conversation.status">{{ t('inbox.status.' + conversation.status) }}</span>
            <span v-if="conversation.assignee" id="conv-assignee">{{ t('inbox.assignedTo', { name: conversation.assignee.displayName }) }}</span>
            <span v-if="conversation.channel">· {{ conversation.channel.name }}</span>
          </div>
        </div>
        <div class="conv-actions">
          <button v-if="canTake" id="conv-pick" class="primary" type="button" :disabled="busy" @click="take">{{ t('inbox.take') }}</button>
          <button v-if="canTakeOver" id="conv-take-over" type="button" :disabled="busy" @click="takeOver">{{ t('inbox.takeOver') }}</button>
          <button v-if="canTransfer" id="conv-transfer" type="button" :disabled="busy" @click="transferring = true">{{ t('transfer.button') }}</button>
          <button v-if="mine" id="conv-close" type="button" :disabled="busy" @click="close">{{ t('inbox.close') }}</button>
          <button type="button" class="conv-panel-toggle" @click="$emit('toggle-panel')">{{ t('inbox.details') }}</button>
        </div>
      </header>
      <div class="warning conv-notice" v-if="notice">{{ notice }}</div>
      <ProblemMessage :problem="problem" />
      <div id="conv-messages" ref="scroller" class="conv-messages" @scroll="onScroll" aria-live="polite">
        <div v-if="loading" class="empty">{{ t('inbox.loading') }}</div>
        <div v-if="conversation && conversation.question && !loading && !messages.length" class="message system">
          <div class="event">{{ conversation.question }}</div>
        </div>
        <template v-for="entry in timeline" :key="entry.key">
          <NoteItem v-if="entry.note" :note="entry.note" :time-zone="timeZone" />
          <MessageItem v-else :message="entry.message" :state="ownState(entry.message)"
            :time-zone="timeZone" @media-load="scrollToBottom(false)" />
        </template>
        <MessageItem v-for="entry in pending" :key="'p' + entry.clientId" :message="pendingMessage(entry)" :state="entry.state"
          :problem="entry.problem" :time-zone="timeZone" @retry="retry(entry)" />
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
        <ReplyBox v-if="mine" v-show="compose === 'reply'" ref="reply" :customer-name="customerName"
          @send="sendText" @files="sendFiles" @typing="sendTyping" />
        <div v-else-if="compose === 'reply'" class="conv-readonly muted small">
          {{ conversation.status === 'closed' ? t('inbox.closedHint') : canTake ? t('inbox.takeHint') : t('inbox.readOnly') }}
        </div>
        <NoteBox v-if="noteOpened" v-show="compose === 'note'" ref="noteBox" :conversation-id="conversationId" @posted="notePosted" />
      </template>
      <div v-if="!socketState.connected && (socketState.readyCount > 0 || !socketState.connecting)" class="conv-offline small">{{ t('inbox.reconnecting') }}</div>
      <TransferDialog v-if="transferring && conversation" :conversation="conversation" @transferred="transferred"
        @close="transferring = false" />
    </section>`,
};
