// How the reports show their figures: durations in the largest units that matter, shares as
// percentages, the change against the period before, and the date ranges of the presets.
import { t, language } from '../../../shared/js/i18n.js';

/** "45s", "3m 20s", "1h 05m", "2d 3h" (and their Chinese forms); "—" for none. */
export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('reports.unit.s', { s: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('reports.unit.ms', { m: minutes, s: String(seconds % 60).padStart(2, '0') });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('reports.unit.hm', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t('reports.unit.dh', { d: Math.floor(hours / 24), h: hours % 24 });
}

export function formatNumber(value) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language() || 'en').format(value);
}

/** A share (0-1) as a percentage; the average rating as a number out of 5. */
export function formatRate(value, name) {
  if (value === null || value === undefined) return '—';
  if (name === 'averageRating') return value.toFixed(2);
  return new Intl.NumberFormat(language() || 'en', { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/**
 * The change from the period before: { text, direction: 'up'|'down'|'same', good } where
 * good says whether the change is for the better (lower is better for durations and for
 * abandonment).
 */
export function change(now, before, lowerIsBetter) {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  if (before === 0 && now === 0) return { text: '±0', direction: 'same', good: true };
  if (before === 0) return { text: t('reports.new'), direction: 'up', good: !lowerIsBetter };
  const ratio = (now - before) / Math.abs(before);
  const direction = Math.abs(ratio) < 0.005 ? 'same' : ratio > 0 ? 'up' : 'down';
  const text = (ratio > 0 ? '+' : '') + new Intl.NumberFormat(language() || 'en',
    { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
  return { text, direction, good: direction === 'same' || (direction === 'down') === !!lowerIsBetter };
}

/** Today in the organisation's time zone, as yyyy-mm-dd. */
export function localToday(timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
  return parts;
}

function shift(day, days) {
  const date = new Date(day + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The presets' ranges, both ends included. */
export function presetRange(preset, timeZone) {
  const today = localToday(timeZone);
  const first = today.slice(0, 8) + '01';
  switch (preset) {
    case 'today': return { from: today, to: today };
    case 'yesterday': return { from: shift(today, -1), to: shift(today, -1) };
    case 'last7': return { from: shift(today, -6), to: today };
    case 'last30': return { from: shift(today, -29), to: today };
    case 'thisMonth': return { from: first, to: today };
    case 'lastMonth': {
      const end = shift(first, -1);
      return { from: end.slice(0, 8) + '01', to: end };
    }
    case 'thisYear': return { from: today.slice(0, 5) + '01-01', to: today };
    default: return null;
  }
}

export const PRESETS = ['today', 'yesterday', 'last7', 'last30', 'thisMonth', 'lastMonth', 'thisYear'];

/** Durations shown, in order, with what a lower value means. */
export const DURATIONS = ['wait', 'firstResponse', 'reply', 'handling', 'resolution', 'leftAnswer', 'abandon'];

export const AGENT_DURATIONS = ['firstResponse', 'reply', 'handling'];

/** The drill-down that lists the conversations behind a duration. */
export const SORT_OF = {
  wait: 'wait', firstResponse: 'firstResponse', handling: 'handling', resolution: 'resolution',
  leftAnswer: 'leftAnswer', abandon: 'started', reply: 'started',
};

export const ONLY_OF = {
  conversations: 'all', live: 'live', leftMessages: 'leftMessages', leftAnswered: 'leftAnswered',
  assigned: 'assigned', answered: 'answered', abandoned: 'abandoned', closed: 'closed', reopened: 'reopened',
  transferred: 'transferred', transfers: 'transferred', rated: 'rated', commented: 'commented',
  messagesIn: 'all', messagesOut: 'answered', abandon: 'abandoned', reply: 'answered',
  // rates: the conversations counted above the line
  abandonment: 'abandoned', transfer: 'transferred', reopen: 'reopened', csat: 'rated', csatResponse: 'rated',
  averageRating: 'rated',
};
