// Maintenance mode as the browser knows it (docs/operations.md, "Maintenance mode"): learned
// from GET /api/v1/maintenance, from a 503 problem of code "maintenance" and from the
// socket's "maintenance" frame. While it is on, the state is read again every few seconds;
// when it is over, listeners hear it at once (the sockets reconnect then, not after their
// backoff). No Vue here: the setup page uses the API module too; screens copy the state
// into their own reactive values through onMaintenanceChange.

const CHECK_WHILE_ACTIVE_MILLIS = 5000;

const state = { active: false, reason: null, message: null };
const changeListeners = new Set();
const overListeners = new Set();
let timer = null;

/** The state: { active, reason ('BACKUP' | 'RESTORE' | 'UPGRADE'), message }. */
export function maintenanceState() {
  return { ...state };
}

/** Called with the state on every change; returns the unsubscribe function. */
export function onMaintenanceChange(listener) {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Called once whenever a maintenance is over; returns the unsubscribe function. */
export function onMaintenanceOver(listener) {
  overListeners.add(listener);
  return () => overListeners.delete(listener);
}

/** Notes that maintenance is on ({ reason, message } from a frame, a problem or the state). */
export function noteMaintenance(info) {
  const changed = !state.active || state.reason !== (info.reason || null) || state.message !== (info.message || null);
  state.active = true;
  state.reason = info.reason || null;
  state.message = info.message || null;
  if (changed) changeListeners.forEach((listener) => listener(maintenanceState()));
  schedule();
}

function over() {
  clearTimeout(timer);
  timer = null;
  if (!state.active) return;
  state.active = false;
  state.reason = null;
  state.message = null;
  changeListeners.forEach((listener) => listener(maintenanceState()));
  overListeners.forEach((listener) => listener());
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(checkMaintenance, CHECK_WHILE_ACTIVE_MILLIS);
}

/** Reads the state from the server; resolves to it (or to what is known when it cannot). */
export async function checkMaintenance() {
  try {
    const response = await fetch('/api/v1/maintenance', {
      headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store',
    });
    if (response.ok) {
      const answer = await response.json();
      if (answer.active) noteMaintenance(answer);
      else over();
    } else if (state.active) {
      schedule();
    }
  } catch {
    if (state.active) schedule();
  }
  return maintenanceState();
}

/** The sentence for people: the reason's notice, or the general one. */
export function maintenanceSentence(t, reason) {
  const key = reason ? 'maintenance.notice.' + String(reason).toLowerCase() : null;
  const text = key ? t(key) : key;
  return text && text !== key ? text : t('maintenance.banner');
}
