// The visitor's side of a conversation: start-up (channel, context from the embedding page,
// visitor token), the transcript ordered by sequence number, messages waiting for their ack,
// read receipts, typing, unread counting and the realtime connection (docs/protocol.md).
// Components only read `state` and call the exported actions.
import { reactive, computed, watch } from 'vue';
import { t, useLanguage, browserLanguage } from '../../shared/js/i18n.js';
import { vget, vpost, upload, setVisitorToken, visitorTokenValue } from './visitorApi.js';
import { RealtimeClient } from './realtime.js';
import { isEmbedded, onParentMessage, postToParent } from './parent.js';
import { load, save } from './storage.js';
import { newClientId } from './format.js';
import { chime, enableSoundOnInteraction } from './sound.js';

const CONTEXT_WAIT_MILLIS = 1000;
const TYPING_REPEAT_MILLIS = 3000;
const TYPING_IDLE_MILLIS = 4000;
const AGENT_TYPING_MILLIS = 6000;
const HISTORY_PAGE = 50;

export const state = reactive({
  phase: 'loading', // loading | unavailable | failed | ready
  channelKey: null,
  channel: null,
  visitor: null,
  conversation: null,
  messages: [], // confirmed messages of the shown conversation, ordered by seq
  pending: [], // own messages without an ack: { clientId, kind, text, fileName, fileSize, state }
  agentReadSeq: 0,
  readSeq: 0, // the last seq the visitor has seen
  agentTyping: null, // { name } while the agent types
  agentOnline: null,
  connected: false,
  notice: null, // { code, at }
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
});

let context = null;
let realtime = null;
let seqs = new Set();
let contiguousSeq = 0; // every seq up to this one is present (or hidden from visitors)
let syncing = false;
let sentReadSeq = 0;
let creating = null;
let typingSentAt = 0;
let typingIdleTimer = null;
let agentTypingTimer = null;
let noticeTimer = null;
let prechat = null;

// ---------------------------------------------------------------- derived values

export const lastSeq = computed(() => (state.messages.length ? state.messages[state.messages.length - 1].seq : 0));

export const isClosed = computed(() => !!state.conversation && state.conversation.status === 'closed');

export const agentName = computed(() => {
  const conversation = state.conversation;
  if (conversation && conversation.assignee && conversation.assignee.displayName) return conversation.assignee.displayName;
  for (let index = state.messages.length - 1; index >= 0; index -= 1) {
    const message = state.messages[index];
    if (message.sender && message.sender.kind === 'agent' && message.sender.name) return message.sender.name;
  }
  return null;
});

export const unread = computed(() => state.messages.filter((message) => message.seq > state.readSeq
  && message.sender && message.sender.kind === 'agent' && message.kind !== 'event').length);

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

export function showNotice(code) {
  clearTimeout(noticeTimer);
  if (code === 'outside_hours' && state.channel) {
    // the team closed since the channel was loaded: offer a message instead
    state.channel.open = false;
    state.leaving = true;
  }
  state.notice = { code: code || 'internal_error', at: Date.now() };
  noticeTimer = setTimeout(() => { state.notice = null; }, 8000);
}

export function dismissNotice() {
  clearTimeout(noticeTimer);
  state.notice = null;
}

function problemCode(problem) {
  return (problem && problem.code) || 'internal_error';
}

// ---------------------------------------------------------------- transcript

function resetTranscript(conversation) {
  state.conversation = conversation || null;
  state.messages = [];
  seqs = new Set();
  contiguousSeq = 0;
  syncing = false;
  sentReadSeq = 0;
  state.agentTyping = null;
  state.agentOnline = null;
  state.rated = !!(conversation && conversation.rating);
  state.agentReadSeq = (conversation && conversation.agentReadSeq) || 0;
  state.readSeq = conversation
    ? (conversation.visitorReadSeq != null ? conversation.visitorReadSeq : conversation.lastSeq || 0) : 0;
  sentReadSeq = state.readSeq;
}

function advanceContiguous() {
  while (seqs.has(contiguousSeq + 1)) contiguousSeq += 1;
}

/** Adds a confirmed message; false when its seq is already there (a repeat). */
function addMessage(message) {
  if (!message || typeof message.seq !== 'number' || seqs.has(message.seq)) return false;
  seqs.add(message.seq);
  const list = state.messages;
  let index = list.length;
  while (index > 0 && list[index - 1].seq > message.seq) index -= 1;
  list.splice(index, 0, message);
  if (message.sender && message.sender.kind === 'agent' && message.kind !== 'event') {
    // An agent who writes has read everything before (the server moves its read mark silently).
    state.agentReadSeq = Math.max(state.agentReadSeq, message.seq);
  }
  if (message.clientId) {
    const waiting = state.pending.findIndex((item) => item.clientId === message.clientId);
    if (waiting >= 0 && message.sender && message.sender.kind === 'visitor') state.pending.splice(waiting, 1);
  }
  applyEvent(message);
  return true;
}

function applyEvent(message) {
  if (message.kind !== 'event' || !message.event || !state.conversation) return;
  const conversation = state.conversation;
  if (message.event.type === 'closed' && conversation.status !== 'closed') {
    conversation.status = 'closed';
    conversation.closedBy = message.event.by || conversation.closedBy || null;
  } else if (message.event.type === 'reopened' && conversation.status === 'closed') {
    conversation.status = conversation.assignee ? 'assigned' : 'waiting';
    conversation.rating = null;
    state.rated = false;
  } else if (message.event.type === 'transferred') {
    if (message.event.by === 'agent' && message.event.agent) {
      conversation.assignee = { ...(conversation.assignee || {}), displayName: message.event.agent };
      conversation.status = 'assigned';
    } else {
      conversation.assignee = null;
      conversation.status = 'waiting';
    }
  } else if (message.event.type === 'assigned' && message.event.agent) {
    conversation.assignee = { ...(conversation.assignee || {}), displayName: message.event.agent };
    if (conversation.status === 'waiting') conversation.status = 'assigned';
  }
}

async function loadHistory(conversationId) {
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
      contiguousSeq = Math.max(contiguousSeq, serverLast);
      advanceContiguous();
      return;
    }
    after = last;
  }
}

// ---------------------------------------------------------------- realtime

function sendFrame(frame) {
  return realtime ? realtime.send(frame) : false;
}

function requestSync() {
  const conversation = state.conversation;
  if (!conversation || syncing) return;
  if (sendFrame({ type: 'sync', conversationId: conversation.id, afterSeq: contiguousSeq, ref: 's:' + conversation.id })) {
    syncing = true;
  }
}

function onReady() {
  state.connected = true;
  syncing = false;
  requestSync();
  for (const item of state.pending) {
    if (item.kind === 'text' && item.state === 'sending' && item.conversationId) dispatchText(item);
  }
  markRead();
}

function onDown() {
  state.connected = false;
  syncing = false;
}

function onFrame(frame) {
  const conversation = state.conversation;
  switch (frame.type) {
    case 'message': {
      if (!frame.message) return;
      const conversationId = frame.conversationId || frame.message.conversationId;
      if (!conversation || conversationId !== conversation.id) return;
      const message = frame.message;
      const fresh = addMessage(message);
      if (message.seq > contiguousSeq + 1) requestSync();
      advanceContiguous();
      if (fresh && message.sender && message.sender.kind === 'agent') {
        state.agentTyping = null;
        if (message.kind !== 'event' && message.seq > state.readSeq) announce(message);
      }
      if (fresh) state.scrollRequest += 1;
      markRead();
      return;
    }
    case 'ack':
      onAck(frame);
      return;
    case 'synced':
      if (conversation && frame.conversationId === conversation.id) {
        syncing = false;
        if (typeof frame.lastSeq === 'number') contiguousSeq = Math.max(contiguousSeq, frame.lastSeq);
        advanceContiguous();
        markRead();
      }
      return;
    case 'typing':
      if (!conversation || frame.conversationId !== conversation.id || frame.side !== 'agent') return;
      clearTimeout(agentTypingTimer);
      if (frame.typing) {
        state.agentTyping = { name: frame.name || null };
        agentTypingTimer = setTimeout(() => { state.agentTyping = null; }, AGENT_TYPING_MILLIS);
        state.scrollRequest += 1;
      } else {
        state.agentTyping = null;
      }
      return;
    case 'read':
      if (conversation && frame.conversationId === conversation.id && frame.side === 'agent'
          && typeof frame.seq === 'number') {
        state.agentReadSeq = Math.max(state.agentReadSeq, frame.seq);
      }
      return;
    case 'presence':
      if (conversation && frame.conversationId === conversation.id && frame.side === 'agent') {
        state.agentOnline = !!frame.online;
      }
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

function onConversation(summary) {
  if (!summary || typeof summary.id !== 'number') return;
  const current = state.conversation;
  if (current && current.id === summary.id) {
    const wasClosed = current.status === 'closed';
    Object.assign(current, summary);
    if (typeof summary.agentReadSeq === 'number') state.agentReadSeq = Math.max(state.agentReadSeq, summary.agentReadSeq);
    if (wasClosed && summary.status !== 'closed') state.rated = false;
    if (summary.rating) state.rated = true;
    return;
  }
  // A conversation this visitor started elsewhere (another tab) while nothing is open here.
  if (summary.status !== 'closed' && (!current || current.status === 'closed') && (!current || summary.id > current.id)
      && !creating) {
    adopt(summary).catch(() => null);
  }
}

function onAck(frame) {
  const conversation = state.conversation;
  const index = state.pending.findIndex((item) => item.clientId === frame.clientId);
  if (index < 0) return;
  const item = state.pending[index];
  if (!conversation || frame.conversationId !== conversation.id) return;
  state.pending.splice(index, 1);
  addMessage({
    id: frame.messageId, conversationId: frame.conversationId, seq: frame.seq, clientId: frame.clientId,
    kind: 'text', sender: { kind: 'visitor' }, text: item.text, attachment: null, event: null,
    createdAt: frame.createdAt || new Date().toISOString(),
  });
  if (frame.seq > contiguousSeq + 1) requestSync();
  advanceContiguous();
  markRead();
}

function onError(frame) {
  const ref = typeof frame.ref === 'string' ? frame.ref : '';
  const item = ref ? state.pending.find((pending) => pending.clientId === ref) : null;
  if (item) {
    if (frame.code === 'conversation_closed') {
      continueInNewConversation(item);
    } else if (frame.code === 'rate_limited') {
      setTimeout(() => dispatchText(item), 2000);
    } else {
      item.state = 'failed';
      showNotice(frame.code);
    }
    return;
  }
  if (ref.startsWith('s:')) syncing = false;
  // Typing, read and sync frames are housekeeping: their refusals are not the visitor's concern.
  if (/^[trs]:/.test(ref) && frame.code !== 'rate_limited') return;
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

// ---------------------------------------------------------------- reading, unread

export function markRead() {
  const conversation = state.conversation;
  if (!conversation || !state.open || !state.visible) return;
  const seq = lastSeq.value;
  if (seq > state.readSeq) state.readSeq = seq;
  if (state.readSeq > sentReadSeq
      && sendFrame({ type: 'read', conversationId: conversation.id, seq: state.readSeq, ref: 'r:' + conversation.id })) {
    sentReadSeq = state.readSeq;
  }
}

watch(unread, (count) => postToParent({ parley: 'unread', count }));

// ---------------------------------------------------------------- sending

function ensureConversation() {
  if (state.conversation) return Promise.resolve(state.conversation);
  if (!creating) {
    const body = prechat || {};
    creating = vpost('/api/v1/widget/conversations', body).then((conversation) => {
      resetTranscript(conversation);
      requestSync();
      if (conversation.id && conversation.lastSeq) {
        return loadHistory(conversation.id).catch(() => null).then(() => conversation);
      }
      return conversation;
    }).finally(() => { creating = null; });
  }
  return creating;
}

function dispatchText(item) {
  const conversation = state.conversation;
  if (!conversation || item.state === 'failed') return;
  item.conversationId = conversation.id;
  item.state = 'sending';
  const frame = { type: 'send', conversationId: conversation.id, clientId: item.clientId, text: item.text, ref: item.clientId };
  if (sendFrame(frame)) return;
  // No realtime connection right now: the REST call stores it just the same (same clientId).
  vpost('/api/v1/widget/conversations/' + conversation.id + '/messages', { clientId: item.clientId, text: item.text })
    .then((message) => {
      if (state.conversation && state.conversation.id === conversation.id) {
        addMessage(message);
        advanceContiguous();
        const index = state.pending.indexOf(item);
        if (index >= 0) state.pending.splice(index, 1);
      }
    })
    .catch((problem) => {
      if (problem.code === 'network') return; // resent when the connection is back
      if (problem.code === 'conversation_closed') {
        continueInNewConversation(item);
        return;
      }
      item.state = 'failed';
      showNotice(problemCode(problem));
    });
}

async function continueInNewConversation(item) {
  // The reopen window has passed: the visitor's words start a new conversation.
  const moving = state.pending.filter((pending) => pending.kind === 'text'
    && (pending === item || pending.state === 'sending'));
  resetTranscript(null);
  prechat = { ...(prechat || {}), question: undefined };
  if (state.channel && state.channel.prechatEnabled && (state.channel.prechatFields || []).includes('question')) {
    // The channel asks for a question; the visitor's new words are it.
    prechat.question = moving.length ? moving[0].text.substring(0, 1000) : undefined;
  }
  state.pending = moving;
  moving.forEach((pending) => {
    pending.clientId = newClientId();
    pending.conversationId = null;
    pending.state = 'sending';
  });
  try {
    await ensureConversation();
    moving.forEach(dispatchText);
  } catch (problem) {
    moving.forEach((pending) => { pending.state = 'failed'; });
    showNotice(problemCode(problem));
  }
}

export async function sendText(raw) {
  const text = (raw || '').trim();
  if (!text || state.phase !== 'ready') return false;
  stopTyping();
  const item = reactive({ clientId: newClientId(), kind: 'text', text, state: 'sending', conversationId: null,
    createdAt: new Date().toISOString() });
  state.pending.push(item);
  state.scrollRequest += 1;
  try {
    await ensureConversation();
    dispatchText(item);
  } catch (problem) {
    item.state = 'failed';
    showNotice(problemCode(problem));
  }
  return true;
}

export async function sendFile(file) {
  if (!file || state.phase !== 'ready') return;
  const item = reactive({ clientId: newClientId(), kind: 'attachment', fileName: file.name, fileSize: file.size,
    state: 'sending', conversationId: null, createdAt: new Date().toISOString(), file });
  state.pending.push(item);
  state.scrollRequest += 1;
  await uploadPending(item);
}

async function uploadPending(item) {
  item.state = 'sending';
  try {
    let conversation = await ensureConversation();
    item.conversationId = conversation.id;
    let message;
    try {
      message = await upload('/api/v1/widget/conversations/' + conversation.id + '/attachments', item.file, item.clientId);
    } catch (problem) {
      if (problem.code !== 'conversation_closed') throw problem;
      resetTranscript(null);
      state.pending = [item];
      item.clientId = newClientId();
      conversation = await ensureConversation();
      item.conversationId = conversation.id;
      message = await upload('/api/v1/widget/conversations/' + conversation.id + '/attachments', item.file, item.clientId);
    }
    if (state.conversation && state.conversation.id === conversation.id) {
      const index = state.pending.indexOf(item);
      if (index >= 0) state.pending.splice(index, 1);
      addMessage(message);
      if (message.seq > contiguousSeq + 1) requestSync();
      advanceContiguous();
      markRead();
    }
  } catch (problem) {
    item.state = 'failed';
    showNotice(problemCode(problem));
  }
}

/** Tries a failed message again (same clientId, so it is never stored twice). */
export function retry(item) {
  if (item.kind === 'attachment') {
    uploadPending(item);
    return;
  }
  item.state = 'sending';
  ensureConversation().then(() => dispatchText(item)).catch((problem) => {
    item.state = 'failed';
    showNotice(problemCode(problem));
  });
}

export function discard(item) {
  const index = state.pending.indexOf(item);
  if (index >= 0) state.pending.splice(index, 1);
}

// ---------------------------------------------------------------- typing

export function typingInput() {
  const conversation = state.conversation;
  if (!conversation || conversation.status === 'closed') return;
  const now = Date.now();
  if (now - typingSentAt >= TYPING_REPEAT_MILLIS) {
    if (sendFrame({ type: 'typing', conversationId: conversation.id, typing: true, ref: 't:' + conversation.id })) {
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
  if (conversation) sendFrame({ type: 'typing', conversationId: conversation.id, typing: false, ref: 't:' + conversation.id });
}

// ---------------------------------------------------------------- pre-chat, end, rating

export async function startWithPrechat(fields) {
  const body = {};
  for (const name of ['name', 'email', 'phone', 'question']) {
    const value = (fields[name] || '').trim();
    if (value) body[name] = value;
  }
  if (fields.topic) {
    body.topic = Number(fields.topic);
    const topic = topics.value.find((item) => item.id === body.topic);
    if (topic && !topic.open) {
      // that team is away: a message instead, with what was typed so far
      offerLeaving(body.topic);
      return false;
    }
  }
  prechat = body;
  state.busy = true;
  try {
    await ensureConversation();
    // The server keeps these on the visitor; a later pre-chat form starts filled in.
    state.visitor = { ...(state.visitor || {}), ...body };
    delete state.visitor.question;
    state.scrollRequest += 1;
    return true;
  } catch (problem) {
    if (problem.code === 'outside_hours') {
      offerLeaving(body.topic || null);
      return false;
    }
    showNotice(problemCode(problem));
    return false;
  } finally {
    state.busy = false;
  }
}

/** Shows the leave-a-message form (for a topic's group, if one was chosen). */
export function offerLeaving(topic) {
  state.leavingTopic = topic || null;
  state.leaving = true;
  state.scrollRequest += 1;
}

export function cancelLeaving() {
  state.leaving = false;
}

/**
 * Leaves a message: a new conversation in the team's backlog, or the waiting one turned into
 * a message. Someone answers later, here or by e-mail.
 */
export async function leaveMessage(fields) {
  const body = {};
  for (const name of ['name', 'email', 'phone', 'text']) {
    const value = (fields[name] || '').trim();
    if (value) body[name] = value;
  }
  if (fields.topic) body.topic = Number(fields.topic);
  // one id per message: sending the same form again after a lost answer stores it once
  body.clientId = fields.clientId;
  state.busy = true;
  try {
    const conversation = await vpost('/api/v1/widget/messages', body);
    if (state.conversation && state.conversation.id === conversation.id) {
      Object.assign(state.conversation, conversation);
    } else {
      resetTranscript(conversation);
    }
    requestSync();
    await loadHistory(conversation.id).catch(() => null);
    state.visitor = { ...(state.visitor || {}), name: body.name || (state.visitor || {}).name,
      email: body.email || (state.visitor || {}).email, phone: body.phone || (state.visitor || {}).phone };
    state.left = { email: state.visitor.email || null, phone: state.visitor.phone || null };
    state.leaving = false;
    state.scrollRequest += 1;
    return true;
  } catch (problem) {
    showNotice(problemCode(problem));
    return false;
  } finally {
    state.busy = false;
  }
}

export async function endChat() {
  const conversation = state.conversation;
  if (!conversation || conversation.status === 'closed') return;
  stopTyping();
  state.busy = true;
  try {
    await vpost('/api/v1/widget/conversations/' + conversation.id + '/close');
    if (state.conversation === conversation && conversation.status !== 'closed') {
      conversation.status = 'closed';
      conversation.closedBy = 'visitor';
    }
    state.scrollRequest += 1;
  } catch (problem) {
    showNotice(problemCode(problem));
  } finally {
    state.busy = false;
  }
}

export async function rate(score, comment) {
  const conversation = state.conversation;
  if (!conversation) return false;
  state.busy = true;
  try {
    const text = (comment || '').trim();
    await vpost('/api/v1/widget/conversations/' + conversation.id + '/rating',
      text ? { score, comment: text } : { score });
    conversation.rating = score;
    state.rated = true;
    state.scrollRequest += 1;
    return true;
  } catch (problem) {
    if (problem.code === 'conflict') {
      state.rated = true; // rated before (another tab)
      return true;
    }
    showNotice(problemCode(problem));
    return false;
  } finally {
    state.busy = false;
  }
}

/** Leaves the closed conversation behind: greeting and pre-chat (or composer) again. */
export function newChat() {
  prechat = null;
  state.left = null;
  state.leaving = false;
  resetTranscript(null);
  state.pending = [];
  dismissNotice();
}

// ---------------------------------------------------------------- open / closed / visible

export function setOpen(open) {
  state.open = open;
  if (open) markRead();
}

document.addEventListener('visibilitychange', () => {
  state.visible = document.visibilityState === 'visible';
  markRead();
});

onParentMessage((message) => {
  if (message.parley === 'open') setOpen(true);
  else if (message.parley === 'closed') setOpen(false);
});

export function minimize() {
  postToParent({ parley: 'minimize' });
}

// ---------------------------------------------------------------- start-up

function normalLanguage(tag) {
  if (typeof tag !== 'string' || !tag) return null;
  const lower = tag.toLowerCase().replace('_', '-');
  if (lower.startsWith('zh')) return /(tw|hk|mo|hant)/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

function waitForContext() {
  return new Promise((resolve) => {
    if (!isEmbedded()) {
      resolve(null);
      return;
    }
    const timer = setTimeout(() => { stop(); resolve(null); }, CONTEXT_WAIT_MILLIS);
    const stop = onParentMessage((message) => {
      if (message.parley !== 'context') return;
      clearTimeout(timer);
      stop();
      resolve(message);
    });
  });
}

function text(value, max) {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const result = String(value).trim();
  return result ? result.substring(0, max) : undefined;
}

function tokenKey() {
  return 'parley.visitor.' + state.channelKey;
}

async function register() {
  const customer = (context && context.customer) || {};
  const body = {
    token: load(tokenKey()) || undefined,
    customerId: text(customer.id, 128),
    customerHash: text(customer.hash, 128),
    name: text(customer.name, 100),
    email: text(customer.email, 254),
    language: state.language,
    pageUrl: text(context && context.pageUrl, 2000) || (isEmbedded() ? undefined : location.href),
    referrer: text(context && context.referrer, 2000),
  };
  let result;
  try {
    result = await vpost('/api/v1/widget/channels/' + encodeURIComponent(state.channelKey) + '/visitors', body);
  } catch (problem) {
    if (problem.code !== 'validation_failed') throw problem;
    // A malformed name or e-mail from the page must not keep the visitor from chatting.
    result = await vpost('/api/v1/widget/channels/' + encodeURIComponent(state.channelKey) + '/visitors',
      { token: body.token, customerId: body.customerId, customerHash: body.customerHash, language: body.language,
        pageUrl: body.pageUrl, referrer: body.referrer });
  }
  save(tokenKey(), result.token);
  setVisitorToken(result.token);
  const previous = state.visitor;
  state.visitor = result.visitor || null;
  if (previous && state.visitor && previous.id !== state.visitor.id) newChat();
  return result;
}

async function adopt(conversation) {
  resetTranscript(conversation);
  await loadHistory(conversation.id);
  requestSync();
  markRead();
  state.scrollRequest += 1;
}

// A late "context" (the page sent it after the wait) still counts for the next start.
onParentMessage((message) => {
  if (message.parley === 'context' && !context) context = message;
});

export async function start() {
  enableSoundOnInteraction();
  const params = new URLSearchParams(location.search);
  state.channelKey = params.get('channel');
  state.phase = 'loading';
  let channel = null;
  let failure = null;
  if (state.channelKey) {
    try {
      channel = await vget('/api/v1/widget/channels/' + encodeURIComponent(state.channelKey));
    } catch (problem) {
      failure = problem;
    }
  }
  const contextArrives = waitForContext();
  postToParent({ parley: 'ready', color: channel && channel.color ? channel.color : null });
  context = (await contextArrives) || context;
  state.language = normalLanguage(context && context.language) || browserLanguage();
  await useLanguage(state.language, false).catch(() => useLanguage('en', false).catch(() => null));
  // The launcher on the embedding page has no texts of its own beyond English defaults.
  postToParent({ parley: 'labels', open: t('widget.launcher.open'), close: t('widget.launcher.close'),
    newMessage: t('widget.launcher.newMessage'), title: t('widget.title') });
  if (!channel) {
    state.phase = !failure || failure.status === 404 || failure.code === 'not_found' ? 'unavailable' : 'failed';
    return;
  }
  state.channel = channel;
  const customer = (context && context.customer) || {};
  state.prefill = { name: text(customer.name, 100) || '', email: text(customer.email, 254) || '' };
  await connect();
}

async function connect() {
  state.phase = 'loading';
  try {
    const result = await register();
    if (result.conversation && result.conversation.status !== 'closed') {
      await adopt(result.conversation);
    } else if (!state.conversation) {
      resetTranscript(null);
    }
    state.phase = 'ready';
  } catch (problem) {
    state.phase = problem && (problem.status === 404 || problem.code === 'not_found') ? 'unavailable' : 'failed';
    state.failure = problemCode(problem);
    return;
  }
  if (!realtime) {
    realtime = new RealtimeClient({
      token: visitorTokenValue,
      onReady,
      onDown,
      onFrame,
      onUnauthenticated: () => register().catch(() => null),
    });
    realtime.start();
  }
}

/** After a failed start: try again. */
export function restart() {
  if (!state.channel) {
    start();
    return;
  }
  connect();
}
