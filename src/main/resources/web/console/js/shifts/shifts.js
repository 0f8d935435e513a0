// Helpers of the shift screens: weeks, day names, time spans on a 24-hour track. No Vue here.
import { language } from '../../../shared/js/i18n.js';

/** ISO weekdays, Monday first, as the API numbers them. */
export const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** "2026-11-30" plus n days, as a date string (no time zones involved). */
export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

/** A weekday's short name in the console's language; 1 = Monday. */
export function dayName(day, style) {
  // 2024-01-01 was a Monday
  const date = new Date(Date.UTC(2024, 0, day));
  return new Intl.DateTimeFormat(language(), { weekday: style || 'short', timeZone: 'UTC' }).format(date);
}

/** "Mon 30 Nov" for a date string, in the console's language. */
export function dateLabel(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language(), { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today's date in a time zone, as "2026-11-30". */
export function today(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

function minutes(text) {
  const [h, m] = String(text).split(':').map(Number);
  return h * 60 + m;
}

/** Where a span sits on a day's 24-hour track, in percent; past midnight it runs to the end. */
export function trackStyle(span) {
  const start = minutes(span.start);
  const end = span.nextDay || span.end === '24:00' ? 1440 : minutes(span.end);
  return { left: (start / 14.4) + '%', width: Math.max(0.8, (end - start) / 14.4) + '%' };
}

/** "09:00–17:00", with "+1" when it ends the next day. */
export function spanLabel(span) {
  return span.start + '–' + span.end + (span.nextDay ? ' (+1)' : '');
}
