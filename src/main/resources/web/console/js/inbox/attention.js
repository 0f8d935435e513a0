// Getting the attention of an agent whose tab is hidden: "(2) New messages · Parley" in the
// tab title, a short beep (once the page has been touched: browsers allow sound only then) and,
// if the agent turned them on, desktop notifications (one per conversation, the newest replacing
// the older; clicking one brings the tab forward on that conversation).
import { reactive } from 'vue';
import { t } from '../../../shared/js/i18n.js';

const PREFERENCE = 'parley.desktopNotifications';
const supported = typeof window.Notification === 'function';
const ICON = new URL('../../../shared/img/parley.svg', import.meta.url).href;

function storedPreference() {
  try {
    return window.localStorage.getItem(PREFERENCE) === 'on';
  } catch {
    return false;
  }
}

/** Desktop notifications: the browser's permission ('unsupported' without the API) and the agent's choice. */
export const desktop = reactive({
  permission: supported ? window.Notification.permission : 'unsupported',
  on: storedPreference(),
});

function remember(on) {
  desktop.on = on;
  try {
    window.localStorage.setItem(PREFERENCE, on ? 'on' : 'off');
  } catch {
    // private mode: for this page only
  }
}

/** From a click: asks the browser for permission (once; a refusal is final) and turns them on if granted. */
export async function enableDesktopNotifications() {
  if (!supported) return;
  let permission = window.Notification.permission;
  if (permission === 'default') {
    try {
      permission = await window.Notification.requestPermission();
    } catch {
      permission = window.Notification.permission;
    }
  }
  desktop.permission = permission;
  remember(permission === 'granted');
}

export function disableDesktopNotifications() {
  remember(false);
}

let opener = null;

/** Who opens a conversation when its notification is clicked (the console shell, with the router). */
export function onNotificationClick(open) {
  opener = open;
}

/**
 * A desktop notification about a conversation while the tab is hidden. Its tag is the
 * conversation's, so a newer one replaces the older. The caller passes only text the agent
 * may read on a lock screen: visitor messages and names, never internal notes.
 */
export function notify(conversationId, title, body, view) {
  if (!supported || document.visibilityState === 'visible' || !desktop.on) return;
  desktop.permission = window.Notification.permission;
  if (desktop.permission !== 'granted') return;
  try {
    const notification = new window.Notification(title, {
      body: body || '', tag: 'parley-conversation-' + conversationId, renotify: true,
      icon: ICON, lang: document.documentElement.lang || undefined,
    });
    notification.onclick = () => {
      window.focus();
      notification.close();
      if (opener) opener(conversationId, view);
    };
  } catch {
    // Some browsers (Android Chrome) allow notifications only from a service worker: the title and beep remain.
  }
}

let baseTitle = null;
let notices = 0;
let audio = null;

function unlockAudio() {
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    if (!audio) audio = new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => null);
  } catch {
    audio = null;
  }
}
window.addEventListener('pointerdown', unlockAudio, { capture: true });
window.addEventListener('keydown', unlockAudio, { capture: true });

function beep() {
  if (!audio || audio.state !== 'running') return;
  try {
    const now = audio.currentTime;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(880, now);
    oscillator.frequency.setValueAtTime(660, now + 0.09);
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.12, now + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.22);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(now);
    oscillator.stop(now + 0.25);
  } catch {
    // no sound, then
  }
}

export function announce() {
  if (document.visibilityState === 'visible') return;
  if (baseTitle === null) baseTitle = document.title;
  notices += 1;
  document.title = t('inbox.titleNotice', { count: notices }) + ' · ' + baseTitle;
  beep();
}

export function clearNotice() {
  if (baseTitle !== null) document.title = baseTitle;
  baseTitle = null;
  notices = 0;
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') clearNotice();
  // The permission may have been changed in the browser's site settings meanwhile.
  if (supported) desktop.permission = window.Notification.permission;
});
