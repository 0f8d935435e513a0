// How the backup screens show sizes, durations, people and states.
import { t, tCount } from '../../../shared/js/i18n.js';

export const KINDS = ['LOGICAL', 'HOT', 'COLD'];

export const STATUS_BADGES = { RUNNING: 'warn', SUCCEEDED: 'ok', FAILED: 'off', DELETED: '' };

export const VERIFICATION_BADGES = { NOT_VERIFIED: '', RUNNING: 'warn', PASSED: 'ok', FAILED: 'off' };

/** Bytes for people: 1.4 MB, 820 KB. */
export function humanSize(bytes) {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return (unit === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)) + ' ' + units[unit];
}

/** Milliseconds for people: 850 ms, 12 s, 3 min 20 s, 1 h 5 min. */
export function humanDuration(millis) {
  if (millis === null || millis === undefined) return '';
  if (millis < 1000) return t('backups.duration.ms', { n: millis });
  const seconds = Math.round(millis / 1000);
  if (seconds < 60) return t('backups.duration.s', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('backups.duration.min', { n: minutes, s: seconds % 60 });
  return t('backups.duration.h', { n: Math.floor(minutes / 60), min: minutes % 60 });
}

/** Who took a backup: the schedule or the person's user name. */
export function startedBy(run) {
  return run.scheduled ? t('backups.bySchedule') : (run.startedBy || '');
}

/** The verification's detail for people: the figures of a passed trial restore, else as written. */
export function verificationDetail(run) {
  const detail = run.verificationDetail || '';
  if (run.verification === 'PASSED') {
    const match = /(\d+) tables, (\d+) rows/.exec(detail);
    if (match) return t('backups.verification.passedDetail', { tables: match[1], rows: match[2] });
  }
  return detail;
}

/** A count with its noun in the language's plural form. */
export function rows(count) {
  if (count === null || count === undefined) return '';
  return tCount('backups.rowCount', count);
}

/** "3/40 chat_message" as { done, total, table } (null when not in that form). */
export function progressOf(text) {
  const match = /^(\d+)\/(\d+)\s*(.*)$/.exec(text || '');
  if (!match) return null;
  return { done: Number(match[1]), total: Number(match[2]), table: match[3] };
}
