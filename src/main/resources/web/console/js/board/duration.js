// How long something has been waiting, for people: "45 s", "3 min 20 s", "1 h 5 min".
import { t } from '../../../shared/js/i18n.js';

/** The time since an ISO instant, or '' without one. */
export function waitedSince(iso, now) {
  if (!iso) return '';
  const since = Date.parse(iso);
  if (Number.isNaN(since)) return '';
  return duration(Math.max(0, Math.floor((now - since) / 1000)));
}

export function duration(totalSeconds) {
  const seconds = totalSeconds % 60;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600);
  if (hours >= 24) return t('board.duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
  if (hours > 0) return t('board.duration.hours', { h: hours, m: minutes });
  if (minutes > 0) return t('board.duration.minutes', { m: minutes, s: seconds });
  return t('board.duration.seconds', { s: seconds });
}
