// The live side of one open conversation in the console: its transcript (shared Transcript:
// by seq, repeats dropped, gaps synced), the agent's messages on their way (shared Outbox:
// resent with the same clientId until stored), following it on the staff socket (watch; sync
// after every reconnect and on `resync`), the visitor's typing, read mark and presence.
import { ref, reactive } from 'vue';
import { tOr } from '../../../shared/js/i18n.js';
import { get, post, upload } from '../../../shared/js/api.js';
import { Transcript, isSyncRef } from '../../../shared/js/transcript.js';
import { Outbox } from '../../../shared/js/outbox.js';
import { subscribe, send, socketState } from './staffSocket.js';
import { markRead, pageActive } from './inboxStore.js';
import { newClientId } from './format.js';

const PAGE_SIZE = 50;
const MAX_PAGES = 100;
const TYPING_SHOWN_MS = 8000;

/** A refused frame, shaped like a Problem for ProblemMessage (error.<code>, else our own text). */
function errorProblem(frame) {
  const message = tOr('inbox.error.' + frame.code, frame.message || frame.code);
  return { code: frame.code, message, body: { code: frame.code, detail: message }, status: 0 };
}

/**
 * id: the conversation; me: the signed-in user; mine, assignedToMe, shouldWatch: computed
 * refs; hooks: onConversation(summary), onNote(note), onLostAccess() (a refusal that may
 * mean this person can no longer read it), scroll(force).
 */
export function useConversationFeed({ id, me, mine, assignedToMe, shouldWatch, hooks }) {
  const messages = ref([]);
  const pending = ref([]);
  const visitorTyping = ref(null);
  const visitorOnline = ref(null);
  const visitorReadSeq = ref(0);
  const transcript = new Transcript(messages.value);
  transcript.reset(id);
  let watching = false;
  let followedAs = null; // 'mine' | 'watching' | null: how this page last followed it
  let readSent = 0;
  let typingTimer = null;
  let unsubscribe = null;

  const outbox = new Outbox({
    items: pending.value,
    wrap: reactive,
    sendFrame: send,
    store(entry) {
      if (entry.kind === 'text') {
        return post('/api/v1/conversations/' + id + '/messages', { clientId: entry.clientId, text: entry.text });
      }
      const form = new FormData();
      form.append('file', entry.file, entry.file.name || 'file');
      form.append('clientId', entry.clientId);
      return upload('/api/v1/conversations/' + id + '/attachments', form);
    },
    fromAck: (entry, ack) => ({
      id: ack.messageId, conversationId: id, seq: ack.seq, clientId: entry.clientId, kind: entry.kind,
      sender: { kind: 'agent', id: me.id, name: me.displayName }, text: entry.text || null,
      attachment: entry.attachment || null, event: null, createdAt: ack.createdAt || new Date().toISOString(),
    }),
    onStored(entry, message) {
      addMessages([message]);
      maybeRead();
      hooks.scroll(true);
    },
    onFailed(entry, code, problem) {
      entry.problem = problem || errorProblem({ code });
      if (code === 'not_found') hooks.onLostAccess();
    },
  });

  /** Adds stored messages (own ones leave the outbox); asks `sync` when a gap shows. */
  function addMessages(list) {
    for (const message of list) {
      if (message && message.clientId && message.sender && message.sender.kind === 'agent'
          && message.sender.id === me.id) {
        outbox.settle(message.clientId);
      }
    }
    const added = transcript.addAll(list);
    sync(false, true);
    return added;
  }

  /** Replays what this page missed (force: even if a request is on its way; gapOnly: only for a gap). */
  function sync(force, gapOnly) {
    if (!mine.value && !watching) return;
    if (gapOnly) transcript.syncIfGap(send);
    else transcript.sync(send, force);
  }

  /** Reads the whole transcript over HTTP, page by page. */
  async function loadHistory() {
    let after = 0;
    for (let page = 0; page < MAX_PAGES && unsubscribe; page += 1) {
      const result = await get('/api/v1/conversations/' + id + '/messages', { after, limit: PAGE_SIZE });
      const items = result.items || [];
      transcript.addAll(items);
      const last = items.length ? items[items.length - 1].seq : after;
      if (!items.length || last >= (result.lastSeq || 0)) {
        transcript.completeUpTo(result.lastSeq || last);
        return;
      }
      after = last;
    }
  }

  /**
   * Watches someone else's open conversation (supervisors), or a waiting one (agents who may
   * take it), to see it live; syncs what is followed.
   */
  function follow(force) {
    if (!unsubscribe) return;
    const should = shouldWatch.value;
    if (should && !watching) {
      watching = send({ type: 'watch', ref: 'watch:' + id, conversationId: id });
    } else if (!should && watching) {
      // The assignee follows it anyway (no unwatch); otherwise let go (closed, or someone else's).
      if (!assignedToMe.value) send({ type: 'unwatch', ref: 'unwatch:' + id, conversationId: id });
      watching = false;
    }
    // Sync when it starts being followed (taken, watched) or on a (re)connect; otherwise the
    // live frames and the gap check keep it whole.
    const now = mine.value ? 'mine' : watching ? 'watching' : null;
    const started = now !== null && now !== followedAs;
    followedAs = now;
    if (socketState.connected && now !== null && (force || started)) sync(true, false);
  }

  function maybeRead() {
    const seq = transcript.lastSeq;
    if (!mine.value || !pageActive() || seq <= readSent) return;
    readSent = seq;
    if (!send({ type: 'read', conversationId: id, seq })) {
      post('/api/v1/conversations/' + id + '/read', { seq }).catch(() => null);
    }
    markRead(id);
  }

  function onError(frame) {
    const ref = typeof frame.ref === 'string' ? frame.ref : '';
    if (outbox.refused(ref, frame.code, errorProblem(frame))) return;
    if (isSyncRef(ref)) transcript.synced(null);
    if (ref === 'watch:' + id) watching = false;
    if ((isSyncRef(ref) || ref === 'watch:' + id) && (frame.code === 'not_found' || frame.code === 'forbidden')) {
      hooks.onLostAccess();
    }
  }

  function onTyping(frame) {
    if (frame.side !== 'visitor') return;
    clearTimeout(typingTimer);
    visitorTyping.value = frame.typing ? (frame.name || '') : null;
    if (frame.typing) {
      typingTimer = setTimeout(() => { visitorTyping.value = null; }, TYPING_SHOWN_MS);
      hooks.scroll(false);
    }
  }

  function onFrame(frame) {
    switch (frame.type) {
      case 'ready':
        watching = false;
        followedAs = null;
        transcript.disconnected();
        follow(true);
        outbox.resend();
        return;
      case 'disconnected':
        watching = false;
        followedAs = null;
        transcript.disconnected();
        visitorTyping.value = null;
        return;
      case 'resync':
        // The server lost live events: replay what this pane shows.
        sync(true, false);
        return;
      case 'error':
        onError(frame);
        return;
      case 'conversation':
        if (frame.conversation && frame.conversation.id === id) hooks.onConversation(frame.conversation);
        return;
      default:
    }
    if (frame.conversationId !== id) return;
    switch (frame.type) {
      case 'note':
        hooks.onNote(frame.note);
        break;
      case 'message':
        if (frame.message && addMessages([frame.message])) {
          if (frame.message.sender && frame.message.sender.kind === 'visitor') visitorTyping.value = null;
          hooks.scroll(false);
          maybeRead();
        }
        break;
      case 'ack':
        outbox.acknowledged(frame);
        break;
      case 'typing':
        onTyping(frame);
        break;
      case 'synced':
        transcript.synced(frame.lastSeq);
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

  function sendText(text) {
    outbox.transmit(outbox.add({ clientId: newClientId(), kind: 'text', text, conversationId: id }));
    hooks.scroll(true);
  }

  function sendFiles(files) {
    for (const file of files) {
      outbox.transmit(outbox.add({ clientId: newClientId(), kind: 'attachment', file, conversationId: id,
        attachment: { name: file.name || 'file', size: file.size, image: false } }));
    }
    hooks.scroll(true);
  }

  function retry(entry) {
    outbox.retry(entry);
  }

  function sendTyping(typing) {
    send({ type: 'typing', conversationId: id, typing });
  }

  /** An entry on its way, shaped like a Message for MessageItem. */
  function pendingMessage(entry) {
    return {
      seq: null, clientId: entry.clientId, kind: entry.kind, text: entry.text || null,
      attachment: entry.attachment || null, sender: { kind: 'agent', id: me.id, name: me.displayName }, createdAt: null,
    };
  }

  function ownState(message) {
    if (!message.sender || message.sender.kind !== 'agent' || message.sender.id !== me.id) return null;
    return message.seq <= visitorReadSeq.value ? 'read' : 'sent';
  }

  function seenByVisitor(seq) {
    if (seq > visitorReadSeq.value) visitorReadSeq.value = seq;
  }

  function start() {
    unsubscribe = subscribe(onFrame);
  }

  function stop() {
    clearTimeout(typingTimer);
    if (watching) send({ type: 'unwatch', ref: 'unwatch:' + id, conversationId: id });
    watching = false;
    outbox.clear();
    if (unsubscribe) unsubscribe();
    unsubscribe = null;
  }

  return { messages, pending, visitorTyping, visitorOnline, start, stop, loadHistory, follow, maybeRead, sendText,
    sendFiles, retry, sendTyping, pendingMessage, ownState, seenByVisitor };
}
