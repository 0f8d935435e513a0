// The live counts of the standard ticket views for the console's navigation: read when the
// console starts, after a change made here, when the server says tickets changed (a `refresh`
// frame with topic `tickets` on the staff socket, for those who may chat: after a short random
// wait, so a whole team does not ask in the same instant), and every minute while the tab is
// visible (what time alone changes: due soon, overdue).
import { reactive } from 'vue';
import { get } from '../../../shared/js/api.js';
import { subscribe } from '../inbox/staffSocket.js';
import { canAny } from '../session.js';
import { permissionsFor } from '../shell/navigation.js';

export const ticketCounts = reactive({ values: {}, loaded: false });

const EVERY_MS = 60000;
/** The longest random wait before reading after a `refresh` frame. */
const SPREAD_MS = 3000;
let timer = null;
let running = false;
let unsubscribe = null;
let pending = null;

/** Reads the counts again (quietly: a refusal or a failure keeps the last ones). */
export async function refreshTicketCounts() {
  if (!running) return;
  try {
    const counts = await get('/api/v1/tickets/counts');
    ticketCounts.values = counts || {};
    ticketCounts.loaded = true;
  } catch {
    // the menu shows no count rather than a wrong one
  }
}

function onFrame(frame) {
  const changed = frame.type === 'refresh' && frame.topic === 'tickets';
  if ((changed || frame.type === 'resync') && !pending) {
    pending = setTimeout(() => {
      pending = null;
      refreshTicketCounts();
    }, Math.random() * SPREAD_MS);
  }
}

function onVisible() {
  if (document.visibilityState === 'visible') refreshTicketCounts();
}

export function startTicketCounts() {
  if (running) return;
  running = true;
  refreshTicketCounts();
  timer = setInterval(() => {
    if (document.visibilityState === 'visible') refreshTicketCounts();
  }, EVERY_MS);
  document.addEventListener('visibilitychange', onVisible);
  // the staff socket is for those who may chat; the others read every minute
  if (canAny(permissionsFor('inbox'))) unsubscribe = subscribe(onFrame);
}

export function stopTicketCounts() {
  running = false;
  clearInterval(timer);
  timer = null;
  document.removeEventListener('visibilitychange', onVisible);
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
  clearTimeout(pending);
  pending = null;
  ticketCounts.values = {};
  ticketCounts.loaded = false;
}
