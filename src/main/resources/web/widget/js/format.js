// Small formatting helpers for the chat.
import { language } from '../../shared/js/i18n.js';

export function fileSize(bytes) {
  const size = Number(bytes);
  if (!Number.isFinite(size) || size < 0) return '';
  if (size < 1024) return size + ' B';
  const units = ['KB', 'MB', 'GB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10) + ' ' + units[unit];
}

/** The time of day of an ISO instant, in the visitor's own zone. */
export function clockTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(language() || 'en', { hour: '2-digit', minute: '2-digit' }).format(date);
  } catch {
    return date.toISOString().substring(11, 16);
  }
}

export function newClientId() {
  if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** When a closed team opens again, in the visitor's own zone: "Tue 09:00"; null if unknown. */
export function openingText(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const sameDay = date.toDateString() === new Date().toDateString();
  try {
    return new Intl.DateTimeFormat(language() || 'en', sameDay ? { hour: '2-digit', minute: '2-digit' }
      : { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
  } catch {
    return date.toISOString().substring(0, 16).replace('T', ' ');
  }
}
