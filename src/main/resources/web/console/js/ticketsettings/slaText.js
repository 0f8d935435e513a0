// Minutes as hours and minutes, both ways, for the SLA policy screens.
import { t } from '../../../shared/js/i18n.js';

/** { hours, minutes } of a number of minutes ('' for none). */
export function split(total) {
  if (total === null || total === undefined) return { hours: '', minutes: '' };
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** Minutes of hours and minutes, null when both are empty. */
export function join(hours, minutes) {
  const h = hours === '' || hours === null ? null : Number(hours);
  const m = minutes === '' || minutes === null ? null : Number(minutes);
  if (h === null && m === null) return null;
  return (h || 0) * 60 + (m || 0);
}

/** "2 h 30 min", "45 min", "—" for none. */
export function duration(total) {
  if (total === null || total === undefined) return '—';
  const { hours, minutes } = split(total);
  if (!hours) return t('ticketSettings.minutes', { minutes });
  if (!minutes) return t('ticketSettings.hours', { hours });
  return t('ticketSettings.hoursMinutes', { hours, minutes });
}
