// The live counts of the standard ticket views for the console's navigation: read when the
// console starts, every minute while the tab is visible, and after a change made here.
import { reactive } from 'vue';
import { get } from '../../../shared/js/api.js';

export const ticketCounts = reactive({ values: {}, loaded: false });

const EVERY_MS = 60000;
let timer = null;
let running = false;

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
}

export function stopTicketCounts() {
  running = false;
  clearInterval(timer);
  timer = null;
  document.removeEventListener('visibilitychange', onVisible);
  ticketCounts.values = {};
  ticketCounts.loaded = false;
}
