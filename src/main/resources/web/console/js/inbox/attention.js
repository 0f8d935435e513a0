// Getting the attention of an agent whose tab is hidden: "(2) New messages · Parley" in the
// tab title and a short beep (once the page has been touched: browsers allow sound only then).
import { t } from '../../../shared/js/i18n.js';

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
});
