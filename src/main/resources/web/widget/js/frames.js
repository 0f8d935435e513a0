// What the widget does with each server frame (docs/protocol.md): messages into the
// transcript, acks and refusals to the outbox, typing, read and presence of the agent, a
// changed conversation, and `resync` (the server lost live events: sync what is shown).
import { state, showNotice } from './chatState.js';
import { postToParent } from './parent.js';
import { chime } from './sound.js';
import { isSyncRef } from '../../shared/js/transcript.js';
import { transcript, outbox, addMessage, mergeConversation, adopt, requestSync, requestSyncIfGap, markRead }
  from './conversation.js';
import { isCreating } from './sending.js';

const AGENT_TYPING_MILLIS = 6000;

let agentTypingTimer = null;

export function onReady() {
  state.connected = true;
  requestSync(true);
  outbox.resend();
  markRead();
}

export function onDown() {
  state.connected = false;
  transcript.disconnected();
}

function shown(conversationId) {
  return !!state.conversation && conversationId === state.conversation.id;
}

export function onFrame(frame) {
  switch (frame.type) {
    case 'message':
      onMessage(frame);
      return;
    case 'ack':
      outbox.acknowledged(frame);
      return;
    case 'synced':
      if (shown(frame.conversationId)) {
        transcript.synced(frame.lastSeq);
        markRead();
      }
      return;
    case 'resync':
      requestSync(true);
      return;
    case 'typing':
      if (shown(frame.conversationId) && frame.side === 'agent') onTyping(frame);
      return;
    case 'read':
      if (shown(frame.conversationId) && frame.side === 'agent' && typeof frame.seq === 'number') {
        state.agentReadSeq = Math.max(state.agentReadSeq, frame.seq);
      }
      return;
    case 'presence':
      if (shown(frame.conversationId) && frame.side === 'agent') state.agentOnline = !!frame.online;
      return;
    case 'conversation':
      onConversation(frame.conversation);
      return;
    case 'error':
      onError(frame);
      return;
    default:
  }
}

function onMessage(frame) {
  const message = frame.message;
  if (!message || !shown(frame.conversationId || message.conversationId)) return;
  const fresh = addMessage(message);
  requestSyncIfGap();
  if (fresh && message.sender && message.sender.kind === 'agent') {
    state.agentTyping = null;
    if (message.kind !== 'event' && message.seq > state.readSeq) announce(message);
  }
  if (fresh) state.scrollRequest += 1;
  markRead();
}

function onTyping(frame) {
  clearTimeout(agentTypingTimer);
  if (frame.typing) {
    // the name the server sends for visitors (the agent's public name)
    state.agentTyping = { name: frame.name || null };
    agentTypingTimer = setTimeout(() => { state.agentTyping = null; }, AGENT_TYPING_MILLIS);
    state.scrollRequest += 1;
  } else {
    state.agentTyping = null;
  }
}

function onConversation(summary) {
  if (!summary || typeof summary.id !== 'number') return;
  const current = state.conversation;
  if (current && current.id === summary.id) {
    mergeConversation(summary);
    return;
  }
  // A conversation this visitor started elsewhere (another tab) while nothing is open here.
  if (summary.status !== 'closed' && (!current || current.status === 'closed') && (!current || summary.id > current.id)
      && !isCreating()) {
    adopt(summary).catch(() => null);
  }
}

function onError(frame) {
  const ref = typeof frame.ref === 'string' ? frame.ref : '';
  // A refused send: the outbox retries what may still succeed and fails the rest.
  if (outbox.refused(ref, frame.code, null)) return;
  if (isSyncRef(ref)) transcript.synced(null);
  // Typing, read and sync frames are housekeeping: their refusals are not the visitor's concern.
  if (/^(typing|read|sync):/.test(ref) && frame.code !== 'rate_limited') return;
  if (frame.code === 'unauthenticated') return; // the socket closes (4401) and re-authenticates
  showNotice(frame.code);
}

function announce(message) {
  chime();
  let text = message.text || '';
  if (message.kind === 'attachment' && message.attachment) text = message.attachment.name || '';
  if (text.length > 140) text = text.substring(0, 139) + '\u2026';
  postToParent({ parley: 'notify', text }, true);
}
