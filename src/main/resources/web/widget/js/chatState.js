// What the widget shows: the one reactive state object, the values derived from it and the
// short notices. Components read these (through chat.js); the other chat modules change them.
import { reactive, computed } from 'vue';
import { isEmbedded } from './parent.js';

export const state = reactive({
  phase: 'loading', // loading | unavailable | failed | ready
  channelKey: null,
  channel: null,
  visitor: null,
  conversation: null, // the shown conversation (its assignee only as { name }: see conversation.js)
  messages: [], // confirmed messages of the shown conversation, ordered by seq
  pending: [], // own messages without an ack (outbox entries: clientId, kind, text or file, state)
  agentReadSeq: 0,
  readSeq: 0, // the last seq the visitor has seen
  agentTyping: null, // { name } while the agent types
  agentOnline: null,
  connected: false,
  notice: null, // { code, params, at }
  open: !isEmbedded(),
  visible: document.visibilityState === 'visible',
  embedded: isEmbedded(),
  rated: false,
  busy: false,
  lightbox: null, // { url, name }
  scrollRequest: 0, // bumped when the list should jump to the end
  prefill: { name: '', email: '' },
  leaving: false, // the visitor chose to leave a message instead of waiting
  leavingTopic: null,
  left: null, // { email, phone } once a message was left
  language: null,
  failure: null,
  failureParams: null,
  answering: null, // while waiting: available | busy | nobody | closed (the queue place)
  blocked: false, // the visitor's customer is blocked: a notice instead of the chat
});

export const lastSeq = computed(() => (state.messages.length ? state.messages[state.messages.length - 1].seq : 0));

export const isClosed = computed(() => !!state.conversation && state.conversation.status === 'closed');

/** The agent's public name: the assignee's, else the last agent who wrote (never another staff field). */
export const agentName = computed(() => {
  const conversation = state.conversation;
  if (conversation && conversation.assignee && conversation.assignee.name) return conversation.assignee.name;
  for (let index = state.messages.length - 1; index >= 0; index -= 1) {
    const message = state.messages[index];
    if (message.sender && message.sender.kind === 'agent' && message.sender.name) return message.sender.name;
  }
  return null;
});

/** The avatar of that agent, when they have one (the URL the server sends with the public name). */
export const agentAvatar = computed(() => {
  const name = agentName.value;
  const conversation = state.conversation;
  if (!name) return null;
  if (conversation && conversation.assignee && conversation.assignee.name === name && conversation.assignee.avatarUrl) {
    return conversation.assignee.avatarUrl;
  }
  for (let index = state.messages.length - 1; index >= 0; index -= 1) {
    const sender = state.messages[index].sender;
    if (sender && sender.kind === 'agent' && sender.name === name && sender.avatarUrl) return sender.avatarUrl;
  }
  return null;
});

export const unread = computed(() => state.messages.filter((message) => message.seq > state.readSeq
  && message.sender && message.sender.kind === 'agent' && message.kind !== 'event').length);

/**
 * A text the channel set for visitors (greeting, awayMessage, prechatIntro): in the visitor's
 * language, else the organisation's; null where the widget's own wording stands.
 */
export function channelText(kind) {
  const channel = state.channel;
  if (!channel) return null;
  const texts = channel.texts || {};
  for (const language of [state.language, channel.language]) {
    const text = language && texts[language] && texts[language][kind];
    if (text) return text;
  }
  return kind === 'greeting' ? channel.greeting || null : null;
}

/** Topics ("Sales", "Billing") the visitor picks from before the chat; each leads to a group. */
export const topics = computed(() => (state.channel && Array.isArray(state.channel.topics) ? state.channel.topics : []));

/** The leave-a-message form: outside business hours, or when the visitor chose it. */
export const showLeaveMessage = computed(() => state.phase === 'ready' && !!state.channel
  && (state.leaving || (!state.conversation && !state.channel.open))
  && !(state.conversation && state.conversation.leftMessageAt));

export const showPrechat = computed(() => state.phase === 'ready' && !state.conversation && !!state.channel
  && !showLeaveMessage.value
  && ((state.channel.prechatEnabled && Array.isArray(state.channel.prechatFields) && state.channel.prechatFields.length > 0)
    || topics.value.length > 0));

// ---------------------------------------------------------------- notices

let noticeTimer = null;

/** A translated notice for an error code; params fill in the text (e.g. { maxBytes }). */
export function showNotice(code, params) {
  clearTimeout(noticeTimer);
  if (code === 'outside_hours' && state.channel) {
    // the team closed since the channel was loaded: offer a message instead
    state.channel.open = false;
    state.leaving = true;
  }
  if (code === 'customer_blocked') {
    // blocked meanwhile (by an agent): the notice replaces the chat
    state.blocked = true;
  }
  state.notice = { code: code || 'internal_error', params: params || null, at: Date.now() };
  noticeTimer = setTimeout(() => { state.notice = null; }, 8000);
}

export function dismissNotice() {
  clearTimeout(noticeTimer);
  state.notice = null;
}

export function problemCode(problem) {
  return (problem && problem.code) || 'internal_error';
}

/** What a notice about the problem needs besides its code: how long a rate limit asks to wait. */
export function problemParams(problem) {
  const seconds = problem && problem.body && problem.body.retryAfterSeconds;
  return seconds ? { retryAfterSeconds: seconds } : null;
}

/** A translated notice for a problem the server answered. */
export function showProblem(problem) {
  showNotice(problemCode(problem), problemParams(problem));
}
