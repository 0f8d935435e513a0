// The notes that mentioned me, kept by the server: the unread count for the menu, kept current
// while signed in with a chat permission (a `mention` or `mentioned` frame on the staff socket, or
// a reconnect, reads it again); opening a conversation in the inbox marks its mentions read; and the actions
// of the mentions screen.
import { reactive, watch } from 'vue';
import { get, post } from '../../../shared/js/api.js';
import { subscribe } from '../inbox/staffSocket.js';
import { inbox, pageActive } from '../inbox/inboxStore.js';

export const mentionState = reactive({ unread: 0, changes: 0 });

let unsubscribe = null;
let stopWatching = null;
let generation = 0;

/** Reads the unread count again; a later call wins over an earlier one still on its way. */
export async function refreshUnread() {
  const mine = ++generation;
  try {
    const answer = await get('/api/v1/mentions/unread');
    if (mine === generation) mentionState.unread = answer.unread;
  } catch {
    // keep the last count: the next frame or reconnect tries again
  }
}

function onFrame(frame) {
  if (frame.type === 'mention' && frame.conversationId === inbox.viewing && pageActive()) {
    // looking at that conversation: the note shows up in it, read
    markConversationRead(frame.conversationId, true);
  } else if (['mention', 'mentioned', 'ready', 'resync'].includes(frame.type)) {
    // a new mention, or live events may have been missed: the screen reloads on `changes`
    mentionState.changes += 1;
    refreshUnread();
  }
}

/** The conversation is open in the inbox: the mentions in it are read. */
export async function markConversationRead(conversationId, always) {
  if (!conversationId || (!mentionState.unread && !always)) return;
  generation += 1; // an unread count on its way is older than this answer
  try {
    const answer = await post('/api/v1/mentions/read', { conversationId });
    mentionState.unread = answer.unread;
    mentionState.changes += 1;
  } catch {
    // the count stays; opening it again tries again
  }
}

export function startMentions() {
  if (unsubscribe) return;
  unsubscribe = subscribe(onFrame);
  stopWatching = watch(() => inbox.viewing, (id) => markConversationRead(id));
  refreshUnread();
}

export function stopMentions() {
  if (unsubscribe) unsubscribe();
  if (stopWatching) stopWatching();
  unsubscribe = null;
  stopWatching = null;
  generation += 1;
  mentionState.unread = 0;
}

/** One page of my mentions, newest first ({ items, nextCursor, unread }). */
export async function loadMentions(after) {
  const page = await get('/api/v1/mentions', { after, limit: 30 });
  mentionState.unread = page.unread;
  return page;
}

export async function markMentionRead(mention) {
  if (mention.read) return;
  await post('/api/v1/mentions/' + mention.id + '/read');
  mention.read = true;
  refreshUnread();
}

export async function markAllMentionsRead() {
  const answer = await post('/api/v1/mentions/read', {});
  mentionState.unread = answer.unread;
}
