// The visitor's side of a conversation, as components see it: the state (chatState.js), and
// the actions: pre-chat, sending (sending.js), leaving a message, ending, rating, a new chat,
// opening and closing the chat. Start-up is in startup.js, the live frames in frames.js, the
// transcript and outbox of the shown conversation in conversation.js (docs/frontend.md).
import { watch } from 'vue';
import { state, unread, topics, showNotice, showProblem, dismissNotice, problemCode } from './chatState.js';
import { vpost } from './visitorApi.js';
import { onParentMessage, postToParent } from './parent.js';
import { outbox, resetTranscript, mergeConversation, loadHistory, requestSync, markRead } from './conversation.js';
import { setPrechat, ensureConversation, stopTyping } from './sending.js';
import { onVisitorChanged } from './startup.js';
import { newClientId } from './format.js';

export { state, lastSeq, isClosed, agentName, agentAvatar, unread, topics, showLeaveMessage, showPrechat, showNotice,
  dismissNotice, channelText } from './chatState.js';
export { sendText, sendFile, retry, discard, typingInput, stopTyping } from './sending.js';
export { markRead } from './conversation.js';
export { start, restart } from './startup.js';

watch(unread, (count) => postToParent({ parley: 'unread', count }));

// ---------------------------------------------------------------- pre-chat, leaving, end, rating

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
  // the question becomes the first message, under this clientId (once, however often sent)
  if (body.question) body.clientId = newClientId();
  setPrechat(body);
  state.busy = true;
  try {
    await ensureConversation();
    // The server keeps these on the visitor; a later pre-chat form starts filled in.
    state.visitor = { ...(state.visitor || {}), ...body };
    delete state.visitor.question;
    delete state.visitor.clientId;
    state.scrollRequest += 1;
    return true;
  } catch (problem) {
    if (problem.code === 'outside_hours') {
      offerLeaving(body.topic || null);
      return false;
    }
    showProblem(problem);
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
      mergeConversation(conversation);
    } else {
      resetTranscript(conversation);
    }
    requestSync(true);
    await loadHistory(conversation.id).catch(() => null);
    state.visitor = { ...(state.visitor || {}), name: body.name || (state.visitor || {}).name,
      email: body.email || (state.visitor || {}).email, phone: body.phone || (state.visitor || {}).phone };
    state.left = { email: state.visitor.email || null, phone: state.visitor.phone || null };
    state.leaving = false;
    state.scrollRequest += 1;
    return true;
  } catch (problem) {
    showProblem(problem);
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
    showProblem(problem);
  } finally {
    state.busy = false;
  }
}

/**
 * E-mail me this conversation: sent now if it is closed, else when it closes.
 * @returns the problem's code when refused, else null
 */
export async function requestTranscript(email) {
  const conversation = state.conversation;
  if (!conversation) return 'not_found';
  state.busy = true;
  try {
    await vpost('/api/v1/widget/conversations/' + conversation.id + '/transcript-request', { email: email.trim() });
    state.visitor = { ...(state.visitor || {}), email: (state.visitor && state.visitor.email) || email.trim() };
    return null;
  } catch (problem) {
    return problemCode(problem);
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
    showProblem(problem);
    return false;
  } finally {
    state.busy = false;
  }
}

/** Leaves the closed conversation behind: greeting and pre-chat (or composer) again. */
export function newChat() {
  setPrechat(null);
  state.left = null;
  state.leaving = false;
  resetTranscript(null);
  outbox.clear();
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

onVisitorChanged(newChat);
