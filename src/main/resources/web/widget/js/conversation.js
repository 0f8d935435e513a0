// The conversation the widget shows: its summary, its transcript (shared Transcript: by seq,
// repeats dropped, gaps synced), the visitor's messages on their way (shared Outbox) and the
// read mark. Of the staff, a visitor sees only the public name the server sends: the assignee
// is kept as { name } and nothing else of it.
import { reactive } from 'vue';
import { Transcript } from '../../shared/js/transcript.js';
import { Outbox } from '../../shared/js/outbox.js';
import { state, lastSeq } from './chatState.js';
import { vget, vpost, upload } from './visitorApi.js';
import { sendFrame } from './live.js';

const HISTORY_PAGE = 50;

export const transcript = new Transcript(state.messages);

let sentReadSeq = 0;

/** The visitor's own messages until the server has stored them. onFailed is set by sending.js. */
export const outbox = new Outbox({
  items: state.pending,
  wrap: reactive,
  sendFrame,
  store(entry) {
    const base = '/api/v1/widget/conversations/' + entry.conversationId;
    if (entry.kind === 'attachment') return upload(base + '/attachments', entry.file, entry.clientId);
    return vpost(base + '/messages', { clientId: entry.clientId, text: entry.text });
  },
  fromAck: (entry, ack) => ({
    id: ack.messageId, conversationId: ack.conversationId, seq: ack.seq, clientId: entry.clientId,
    kind: 'text', sender: { kind: 'visitor' }, text: entry.text, attachment: null, event: null,
    createdAt: ack.createdAt || new Date().toISOString(),
  }),
  onStored(entry, message) {
    if (!state.conversation || message.conversationId !== state.conversation.id) return;
    addMessage(message);
    requestSyncIfGap();
    markRead();
    state.scrollRequest += 1;
  },
});

/** The assignee as a visitor may see it: the name (and avatar) the server sends, nothing else. */
function publicAssignee(assignee) {
  if (!assignee) return null;
  return { name: assignee.name || assignee.displayName || null, avatarUrl: assignee.avatarUrl || null };
}

/** A conversation summary as the widget keeps it. */
export function visibleConversation(summary) {
  return { ...summary, assignee: publicAssignee(summary.assignee) };
}

/** Shows another conversation (or none): an empty transcript, read marks from the summary. */
export function resetTranscript(conversation) {
  state.conversation = conversation ? visibleConversation(conversation) : null;
  transcript.reset(conversation ? conversation.id : null);
  state.agentTyping = null;
  state.agentOnline = null;
  state.rated = !!(conversation && conversation.rating);
  state.agentReadSeq = (conversation && conversation.agentReadSeq) || 0;
  state.readSeq = conversation
    ? (conversation.visitorReadSeq != null ? conversation.visitorReadSeq : conversation.lastSeq || 0) : 0;
  sentReadSeq = state.readSeq;
}

/** A newer summary of the shown conversation (a `conversation` frame, an answer). */
export function mergeConversation(summary) {
  const current = state.conversation;
  const wasClosed = current.status === 'closed';
  Object.assign(current, visibleConversation(summary));
  if (typeof summary.agentReadSeq === 'number') state.agentReadSeq = Math.max(state.agentReadSeq, summary.agentReadSeq);
  if (wasClosed && summary.status !== 'closed') state.rated = false;
  if (summary.rating) state.rated = true;
}

/** Adds a stored message; false when it is a repeat (or not of this conversation). */
export function addMessage(message) {
  if (!transcript.add(message)) return false;
  if (message.sender && message.sender.kind === 'agent' && message.kind !== 'event') {
    // An agent who writes has read everything before (the server moves its read mark silently).
    state.agentReadSeq = Math.max(state.agentReadSeq, message.seq);
  }
  if (message.clientId && message.sender && message.sender.kind === 'visitor') outbox.settle(message.clientId);
  applyEvent(message);
  return true;
}

function applyEvent(message) {
  if (message.kind !== 'event' || !message.event || !state.conversation) return;
  const conversation = state.conversation;
  const event = message.event;
  if (event.type === 'closed' && conversation.status !== 'closed') {
    conversation.status = 'closed';
    conversation.closedBy = event.by || conversation.closedBy || null;
  } else if (event.type === 'reopened' && conversation.status === 'closed') {
    conversation.status = conversation.assignee ? 'assigned' : 'waiting';
    conversation.rating = null;
    state.rated = false;
  } else if (event.type === 'transferred') {
    if (event.by === 'agent' && event.agent) {
      conversation.assignee = { name: event.agent };
      conversation.status = 'assigned';
    } else {
      conversation.assignee = null;
      conversation.status = 'waiting';
    }
  } else if (event.type === 'taken_over' && event.agent) {
    conversation.assignee = { name: event.agent };
    conversation.status = 'assigned';
  } else if (event.type === 'assigned' && event.agent) {
    conversation.assignee = { name: event.agent };
    if (conversation.status === 'waiting') conversation.status = 'assigned';
  }
}

/** Reads the whole transcript over HTTP, page by page. */
export async function loadHistory(conversationId) {
  let after = 0;
  for (let page = 0; page < 200; page += 1) {
    const result = await vget('/api/v1/widget/conversations/' + conversationId + '/messages',
      { after, limit: HISTORY_PAGE });
    if (!state.conversation || state.conversation.id !== conversationId) return;
    const items = (result && result.items) || [];
    items.forEach(addMessage);
    const last = items.length ? items[items.length - 1].seq : after;
    const serverLast = result && typeof result.lastSeq === 'number' ? result.lastSeq : last;
    if (!items.length || last >= serverLast) {
      transcript.completeUpTo(serverLast);
      return;
    }
    after = last;
  }
}

/** Asks the server to replay what this widget missed (force: even if a request is on its way). */
export function requestSync(force) {
  transcript.sync(sendFrame, force);
}

export function requestSyncIfGap() {
  transcript.syncIfGap(sendFrame);
}

/** Shows a conversation from its summary: history, then live. */
export async function adopt(conversation) {
  resetTranscript(conversation);
  await loadHistory(conversation.id);
  requestSync(true);
  markRead();
  state.scrollRequest += 1;
}

/** Everything shown was seen (the chat is open and the page visible): tell the agent. */
export function markRead() {
  const conversation = state.conversation;
  if (!conversation || !state.open || !state.visible) return;
  const seq = lastSeq.value;
  if (seq > state.readSeq) state.readSeq = seq;
  if (state.readSeq > sentReadSeq
      && sendFrame({ type: 'read', conversationId: conversation.id, seq: state.readSeq, ref: 'read:' + conversation.id })) {
    sentReadSeq = state.readSeq;
  }
}
