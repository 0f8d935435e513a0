// What the visitor sends: text and files through the outbox (resent with the same clientId
// until stored), the conversation started on the first message (with the pre-chat answers),
// a closed conversation continued in a new one, and the typing signal.
import { state, showNotice, showProblem } from './chatState.js';
import { vpost } from './visitorApi.js';
import { sendFrame } from './live.js';
import { newClientId } from './format.js';
import { outbox, resetTranscript, loadHistory, requestSync } from './conversation.js';

const TYPING_REPEAT_MILLIS = 3000;
const TYPING_IDLE_MILLIS = 4000;

let prechat = null;
let creating = null;
let typingSentAt = 0;
let typingIdleTimer = null;

/** The pre-chat answers the next conversation starts with (null: none). */
export function setPrechat(answers) {
  prechat = answers;
}

/** A conversation is being started right now. */
export function isCreating() {
  return !!creating;
}

/** The shown conversation, started now if there is none. */
export function ensureConversation() {
  if (state.conversation) return Promise.resolve(state.conversation);
  if (!creating) {
    creating = vpost('/api/v1/widget/conversations', prechat || {}).then((conversation) => {
      resetTranscript(conversation);
      requestSync(true);
      if (conversation.id && conversation.lastSeq) {
        return loadHistory(conversation.id).catch(() => null).then(() => conversation);
      }
      return conversation;
    }).finally(() => { creating = null; });
  }
  return creating;
}

/** Puts an entry into the conversation (started if needed) and sends it. */
async function dispatch(entry) {
  try {
    const conversation = await ensureConversation();
    entry.conversationId = conversation.id;
    outbox.transmit(entry);
  } catch (problem) {
    entry.state = 'failed';
    showProblem(problem);
  }
}

/** Refusals of a file that trying again can never change: the file goes, a notice says why. */
const FILE_REFUSALS = new Set(['payload_too_large', 'unsupported_media_type', 'executable_refused']);

outbox.onFailed = (entry, code, problem) => {
  if (code === 'conversation_closed') {
    continueInNewConversation(entry);
    return;
  }
  if (entry.kind === 'attachment' && FILE_REFUSALS.has(code)) {
    outbox.discard(entry);
    showNotice(code, { maxBytes: (problem && problem.maxBytes) || maxUploadBytes() });
    return;
  }
  showNotice(code);
};

function maxUploadBytes() {
  return (state.channel && state.channel.maxUploadBytes) || 0;
}

/**
 * Whether the channel takes this file, told before anything is sent: its size, and a name
 * ending the channel allows (the server decides again, by the file's bytes).
 */
function refusal(file) {
  const max = maxUploadBytes();
  if (max && file.size > max) return 'payload_too_large';
  const allowed = (state.channel && state.channel.uploadExtensions) || null;
  const dot = (file.name || '').lastIndexOf('.');
  if (allowed && dot > 0 && !allowed.includes(file.name.substring(dot).toLowerCase())) {
    return 'unsupported_media_type';
  }
  if (allowed && !allowed.length) return 'unsupported_media_type';
  return null;
}

/** The reopen window has passed: the visitor's words start a new conversation. */
function continueInNewConversation(entry) {
  const moving = state.pending.filter((pending) => pending === entry || pending.state === 'sending');
  outbox.clear();
  resetTranscript(null);
  prechat = { ...(prechat || {}), question: undefined, clientId: undefined };
  for (const pending of moving) {
    // A new conversation, so new clientIds: the old ones belong to the closed one.
    Object.assign(pending, { clientId: newClientId(), conversationId: null, state: 'sending', attempts: 0,
      internalErrors: 0, code: null, problem: null, inFlight: false });
    state.pending.push(pending);
  }
  const firstText = moving.find((pending) => pending.kind === 'text');
  if (firstText && state.channel && state.channel.prechatEnabled
    && (state.channel.prechatFields || []).includes('question')) {
    // The channel asks for a question; the visitor's new words are it. The server stores
    // the question as the first message under the same clientId, so sending it stores nothing twice
    // (a question is at most 1000 characters: longer words are sent whole after a shortened one).
    prechat.question = firstText.text.substring(0, 1000);
    if (firstText.text.length <= 1000) prechat.clientId = firstText.clientId;
  }
  moving.forEach(dispatch);
}

export async function sendText(raw) {
  const text = (raw || '').trim();
  if (!text || state.phase !== 'ready') return false;
  stopTyping();
  const entry = outbox.add({ clientId: newClientId(), kind: 'text', text, conversationId: null });
  state.scrollRequest += 1;
  await dispatch(entry);
  return true;
}

export async function sendFile(file) {
  if (!file || state.phase !== 'ready') return;
  const refused = refusal(file);
  if (refused) {
    showNotice(refused, { maxBytes: maxUploadBytes() });
    return;
  }
  const entry = outbox.add({ clientId: newClientId(), kind: 'attachment', file, fileName: file.name,
    fileSize: file.size, conversationId: null });
  state.scrollRequest += 1;
  await dispatch(entry);
}

/** Tries a failed message again (same clientId, so it is never stored twice). */
export function retry(entry) {
  if (!entry) return;
  entry.state = 'sending';
  if (!state.conversation || entry.conversationId !== state.conversation.id) {
    entry.conversationId = null;
    dispatch(entry);
    return;
  }
  outbox.retry(entry);
}

export function discard(entry) {
  if (entry) outbox.discard(entry);
}

// ---------------------------------------------------------------- typing

export function typingInput() {
  const conversation = state.conversation;
  if (!conversation || conversation.status === 'closed') return;
  const now = Date.now();
  if (now - typingSentAt >= TYPING_REPEAT_MILLIS) {
    if (sendFrame({ type: 'typing', conversationId: conversation.id, typing: true, ref: 'typing:' + conversation.id })) {
      typingSentAt = now;
    }
  }
  clearTimeout(typingIdleTimer);
  typingIdleTimer = setTimeout(stopTyping, TYPING_IDLE_MILLIS);
}

export function stopTyping() {
  clearTimeout(typingIdleTimer);
  if (!typingSentAt) return;
  typingSentAt = 0;
  const conversation = state.conversation;
  if (conversation) {
    sendFrame({ type: 'typing', conversationId: conversation.id, typing: false, ref: 'typing:' + conversation.id });
  }
}
