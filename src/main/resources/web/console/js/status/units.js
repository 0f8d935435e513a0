// How the status screen shows a metric's value: its unit (from /api/v1/operations/metrics)
// decides; bytes in KB/MB/GB, times in ms or s, shares in %.
import { t, language } from '../../../shared/js/i18n.js';

function number(value, digits) {
  return new Intl.NumberFormat(language() || 'en', { maximumFractionDigits: digits }).format(value);
}

function bytes(value) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let unit = 0;
  let amount = value;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit += 1;
  }
  return number(amount, 1) + ' ' + units[unit];
}

export function formatValue(value, unit) {
  if (value === null || value === undefined) return '—';
  const v = Number(value);
  switch (unit) {
    case 'PERCENT': return number(v, 1) + ' %';
    case 'BYTES': return bytes(v);
    case 'BYTES_PER_SECOND': return bytes(v) + '/s';
    case 'MILLISECONDS': return number(v, 0) + ' ms';
    case 'SECONDS': return number(v, 0) + ' s';
    case 'PER_SECOND': return number(v, 1) + '/s';
    case 'FLAG': return v > 0 ? t('status.flag.yes') : t('status.flag.no');
    default: return number(v, 0);
  }
}

export function metricName(key) {
  return t('monitoring.metric.' + key);
}

/** A dimension as people read it: directories and "all" translated, the rest as it is. */
export function dimName(dim) {
  if (!dim) return '';
  if (['all', 'none', 'data', 'backup', 'log'].includes(dim)) return t('status.dim.' + dim);
  return dim;
}
