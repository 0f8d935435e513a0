// The choices of a fault record and how the console shows them.
import { t } from '../../../shared/js/i18n.js';

export const STATUSES = ['REPORTED', 'INVESTIGATING', 'FIXING', 'RECOVERING', 'RESOLVED', 'REVIEWED'];
export const CLASSES = ['HARDWARE', 'SOFTWARE', 'NETWORK', 'LOAD', 'DATABASE', 'OTHER'];
export const SEVERITIES = ['MINOR', 'MAJOR', 'CRITICAL'];
export const FUNCTIONS = ['CHAT', 'WIDGET', 'TICKETS', 'CUSTOMERS', 'MAIL', 'SMS', 'REPORTS', 'CONSOLE', 'SIGN_IN',
  'BACKUPS', 'INTEGRATIONS'];

export const SEVERITY_BADGES = { MINOR: '', MAJOR: 'warn', CRITICAL: 'off' };
export const STATUS_BADGES = { REPORTED: 'off', INVESTIGATING: 'warn', FIXING: 'warn', RECOVERING: 'warn',
  RESOLVED: 'ok', REVIEWED: 'ok' };

export const FAULTS = '/api/v1/operations/faults';

/** "2 h 5 min" from minutes, in the page's language. */
export function minutes(total) {
  if (total === null || total === undefined) return '';
  const hours = Math.floor(total / 60);
  return hours ? t('faults.hoursMinutes', { hours, minutes: total % 60 }) : t('faults.minutes', { minutes: total });
}
