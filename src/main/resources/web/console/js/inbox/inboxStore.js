// The conversation lists of the agent workspace (waiting, mine, snoozed, open, closed), kept live by
// the staff socket while someone who may chat is signed in, so the menu can show the unread
// total and a hidden tab can announce new visitors on every screen.
import { reactive, computed } from 'vue';
import { get } from '../../../shared/js/api.js';
import { session, can } from '../session.js';
import { subscribe, socketState, restart } from './staffSocket.js';
import { previewText, visitorName, messagePreview } from './format.js';
import { forgetCanned } from '../canned/cannedStore.js';
import { t } from '../../../shared/js/i18n.js';
import { announce, clearNotice, notify } from './attention.js';

export const VIEWS = ['waiting', 'mine', 'snoozed', 'open', 'closed'];
const PAGE_SIZE = 30;

function blankView() {
  return { items: [], nextCursor: null, loaded: false, loading: false, problem: null };
}

export const inbox = reactive({
  views: { waiting: blankView(), mine: blankView(), snoozed: blankView(), open: blankView(), closed: blankView() },
  /** The conversation on screen (its new messages do not count as unread while the page is seen). */
  viewing: null,
  /** Notes that mentioned me: { key, conversationId, note, at }, newest last; gone once seen. */
  mentions: [],
});

const MAX_MENTIONS = 20;

const generations = { waiting: 0, mine: 0, snoozed: 0, open: 0, closed: 0 };
let unsubscribe = null;

/** The list tabs this person may use, in order. */
export function availableViews() {
  const views = [];
  if (can('conversation.reply')) views.push('waiting', 'mine', 'snoozed');
  if (can('conversation.view_all')) views.push('open');
  views.push('closed');
  return views;
}

function myId() {
  return session.me ? session.me.user.id : null;
}

function assignedToMe(conversation) {
  return !!conversation.assignee && conversation.assignee.id === myId();
}

/** Put aside by its agent until a time or until the customer writes. */
export function isSnoozed(conversation) {
  return !!conversation && (!!conversation.snoozedUntil || !!conversation.snoozedUntilReply);
}

function belongs(view, conversation) {
  switch (view) {
    case 'waiting':
      return conversation.status === 'waiting';
    case 'mine':
      return conversation.status === 'assigned' && assignedToMe(conversation) && !isSnoozed(conversation);
    case 'snoozed':
      return conversation.status === 'assigned' && assignedToMe(conversation) && isSnoozed(conversation);
    case 'open':
      return conversation.status === 'assigned';
    case 'closed':
      return conversation.status === 'closed' && (can('conversation.view_all') || assignedToMe(conversation));
    default:
      return false;
  }
}

function time(value) {
  const parsed = value ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}

function sortView(view) {
  const items = inbox.views[view].items;
  if (view === 'waiting') {
    items.sort((a, b) => time(a.createdAt) - time(b.createdAt) || a.id - b.id);
  } else if (view === 'closed') {
    items.sort((a, b) => time(b.closedAt || b.lastMessageAt) - time(a.closedAt || a.lastMessageAt) || b.id - a.id);
  } else {
    items.sort((a, b) => time(b.lastMessageAt || b.createdAt) - time(a.lastMessageAt || a.createdAt) || b.id - a.id);
  }
}

/** The page is on screen and has the focus: what the agent opened counts as seen. */
export function pageActive() {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/** Puts a changed conversation into the lists it now belongs to and out of the others. */
export function updateConversation(conversation) {
  if (!conversation || conversation.id === undefined) return;
  for (const view of VIEWS) {
    const state = inbox.views[view];
    if (!state.loaded) continue;
    const index = state.items.findIndex((item) => item.id === conversation.id);
    if (belongs(view, conversation)) {
      const merged = index >= 0 ? { ...state.items[index], ...conversation } : { ...conversation };
      if (inbox.viewing === conversation.id && pageActive() && assignedToMe(conversation)) merged.unread = 0;
      if (index >= 0) state.items[index] = merged;
      else state.items.push(merged);
      sortView(view);
    } else if (index >= 0) {
      state.items.splice(index, 1);
    }
  }
}

/** Takes a conversation this person can no longer read out of every list. */
export function removeConversation(id) {
  for (const view of VIEWS) {
    const items = inbox.views[view].items;
    const index = items.findIndex((item) => item.id === id);
    if (index >= 0) items.splice(index, 1);
  }
}

/** Everything up to now was seen in this conversation. */
export function markRead(id) {
  for (const view of VIEWS) {
    for (const item of inbox.views[view].items) {
      if (item.id === id) item.unread = 0;
    }
  }
}

export function setViewing(id) {
  inbox.viewing = id;
}

/** Loads (or with append=true continues) one list. */
export async function loadView(view, append) {
  const state = inbox.views[view];
  const mine = ++generations[view];
  state.loading = true;
  state.problem = null;
  try {
    const page = await get('/api/v1/conversations', {
      view, after: append ? state.nextCursor : null, limit: PAGE_SIZE,
    });
    if (mine !== generations[view]) return;
    if (append) {
      const known = new Set(state.items.map((item) => item.id));
      state.items.push(...page.items.filter((item) => !known.has(item.id)));
    } else {
      state.items = page.items;
    }
    if (inbox.viewing !== null && pageActive()) {
      const open = state.items.find((item) => item.id === inbox.viewing);
      if (open && assignedToMe(open)) open.unread = 0;
    }
    state.nextCursor = page.nextCursor || null;
    state.loaded = true;
    sortView(view);
  } catch (failure) {
    if (mine === generations[view]) state.problem = failure;
  } finally {
    if (mine === generations[view]) state.loading = false;
  }
}

/** Reloads every list the person may see (entering the inbox, after a reconnect). */
export function reloadViews(all) {
  return Promise.all(availableViews()
    .filter((view) => all || inbox.views[view].loaded)
    .map((view) => loadView(view, false)));
}

/** Unread visitor messages in the queue and in my conversations, plus unseen mentions: the number in the menu. */
export const unreadTotal = computed(() => {
  const seen = new Set();
  let total = 0;
  for (const view of ['waiting', 'mine']) {
    for (const item of inbox.views[view].items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      total += Math.max(0, Number(item.unread) || 0);
    }
  }
  return total + inbox.mentions.length;
});

/** A mention was seen (its notice closed, or its conversation opened). */
export function dismissMention(key) {
  const index = inbox.mentions.findIndex((entry) => entry.key === key);
  if (index >= 0) inbox.mentions.splice(index, 1);
}

/** The conversation is on screen: its mentions count as seen. */
export function clearMentions(conversationId) {
  if (!inbox.mentions.some((entry) => entry.conversationId === conversationId)) return;
  inbox.mentions = inbox.mentions.filter((entry) => entry.conversationId !== conversationId);
}

function onMessage(frame) {
  const message = frame.message;
  if (!message) return;
  const id = frame.conversationId || message.conversationId;
  const fromVisitor = message.sender && message.sender.kind === 'visitor';
  const seen = inbox.viewing === id && pageActive();
  let concernsMe = null;
  for (const view of VIEWS) {
    const state = inbox.views[view];
    const item = state.items.find((entry) => entry.id === id);
    if (!item) continue;
    if (message.seq && item.lastSeq && message.seq <= item.lastSeq) continue;
    const preview = messagePreview(message);
    item.lastMessagePreview = preview.text;
    item.lastMessageAttachment = preview.attachment;
    item.lastMessageAt = message.createdAt || item.lastMessageAt;
    if (message.seq) item.lastSeq = message.seq;
    if (fromVisitor && !seen) item.unread = (Number(item.unread) || 0) + 1;
    // (a message in a snoozed conversation wakes it: the agent hears of it as of one in his list)
    if (view === 'waiting' || ((view === 'mine' || view === 'snoozed') && assignedToMe(item))) {
      concernsMe = { item, view: 'mine' };
    }
    sortView(view);
  }
  if (fromVisitor && concernsMe) {
    announce();
    notify(id, t('inbox.notify.message', { name: visitorName(concernsMe.item) }), previewText(message), concernsMe.view);
  }
}

function onConversation(conversation) {
  if (!conversation) return;
  const wasWaiting = inbox.views.waiting.items.some((item) => item.id === conversation.id);
  const wasMine = inbox.views.mine.items.some((item) => item.id === conversation.id);
  const snoozed = inbox.views.snoozed.items.find((item) => item.id === conversation.id);
  // woken by the customer's message (this frame comes first and already counts it)
  const wokenByMessage = !!snoozed && Number(conversation.lastSeq) > Number(snoozed.lastSeq);
  updateConversation(conversation);
  const about = conversation.lastMessagePreview || conversation.question || '';
  if (conversation.status === 'waiting' && !wasWaiting && can('conversation.reply')) {
    announce();
    notify(conversation.id, t('inbox.notify.waiting', { name: visitorName(conversation) }), about, 'waiting');
  } else if (conversation.status === 'assigned' && assignedToMe(conversation) && !wasMine
    && !isSnoozed(conversation) && inbox.views.mine.loaded) {
    // newly mine, or back from a snooze (its time came, or the customer wrote)
    const title = wokenByMessage ? 'inbox.notify.message' : snoozed ? 'inbox.notify.woke' : 'inbox.notify.assigned';
    announce();
    notify(conversation.id, t(title, { name: visitorName(conversation) }), about, 'mine');
  }
}

function onMention(frame) {
  const note = frame.note;
  const conversationId = frame.conversationId || (note && note.conversationId);
  if (!note || !conversationId) return;
  if (note.author && note.author.id === myId()) return;
  const key = 'm' + conversationId + '-' + (note.id !== undefined ? note.id : Date.now());
  if (inbox.mentions.some((entry) => entry.key === key)) return;
  // Already looking at it: the note shows up in the conversation itself.
  if (inbox.viewing === conversationId && pageActive()) return;
  inbox.mentions.push({ key, conversationId, note, at: Date.now() });
  if (inbox.mentions.length > MAX_MENTIONS) inbox.mentions.splice(0, inbox.mentions.length - MAX_MENTIONS);
  announce();
}

function onFrame(frame) {
  switch (frame.type) {
    case 'ready':
      if (socketState.readyCount > 1) reloadViews(false);
      break;
    case 'resync':
      // The server lost live events (e.g. between cluster nodes): the lists may be stale too.
      reloadViews(false);
      break;
    case 'conversation':
      onConversation(frame.conversation);
      break;
    case 'message':
      onMessage(frame);
      break;
    case 'mention':
      onMention(frame);
      break;
    default:
      break;
  }
}

/** Starts following (signed in with a chat permission); loads the queue and my conversations. */
export function startInbox() {
  // (A screen may mount for a moment while the session ends: nobody signed in, nothing to follow.)
  if (unsubscribe || !session.me) return;
  unsubscribe = subscribe(onFrame);
  if (can('conversation.reply')) {
    loadView('waiting', false);
    loadView('mine', false);
    loadView('snoozed', false);
  }
}

/** Stops following and forgets the lists (signed out, or the permission is gone). */
export function stopInbox() {
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
  restart();
  for (const view of VIEWS) {
    generations[view] += 1;
    inbox.views[view] = blankView();
  }
  inbox.viewing = null;
  inbox.mentions = [];
  forgetCanned();
  clearNotice();
}
