// UI texts from the server's message bundles; t() is reactive, so switching the language
// re-renders every screen.
import { reactive } from 'vue';

export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'];

const STORAGE_KEY = 'parley.language';

const state = reactive({ language: null, texts: {} });

const cache = new Map();

export function language() {
  return state.language;
}

/** The language the person chose before, or the one their browser prefers, or null. */
export function preferredLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) return stored;
  return null;
}

export function browserLanguage() {
  for (const tag of navigator.languages || [navigator.language]) {
    const lower = (tag || '').toLowerCase();
    if (lower.startsWith('zh')) {
      return /(tw|hk|mo|hant)/.test(lower) ? 'zh-TW' : 'zh-CN';
    }
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Loads and switches to a language; remember=true keeps the choice for next time. */
export async function useLanguage(tag, remember) {
  const chosen = LANGUAGES.includes(tag) ? tag : 'en';
  if (!cache.has(chosen)) {
    const response = await fetch('/api/v1/i18n/' + chosen, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('Cannot load texts for ' + chosen);
    cache.set(chosen, await response.json());
  }
  state.texts = cache.get(chosen);
  state.language = chosen;
  document.documentElement.lang = chosen;
  if (remember) localStorage.setItem(STORAGE_KEY, chosen);
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, params) {
  let text = state.texts[key];
  if (text === undefined) return key;
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      text = text.split('{' + name + '}').join(String(value));
    }
  }
  return text;
}

/**
 * A text that counts something, in the plural form the language needs for the count:
 * key.one, key.two, ... (Intl.PluralRules' categories) where the bundle has it, else key.
 */
export function tCount(key, count, params) {
  const category = new Intl.PluralRules(state.language || 'en').select(count);
  const chosen = state.texts[key + '.' + category] !== undefined ? key + '.' + category : key;
  return t(chosen, { ...params, count });
}

/** The text for a key if it exists, otherwise the fallback (used for names users chose). */
export function tOr(key, fallback) {
  const text = state.texts[key];
  return text === undefined ? fallback : text;
}

/** Formats an ISO instant for people, in the given IANA zone (the organisation's). */
export function formatInstant(iso, timeZone) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(state.language || 'en', {
      dateStyle: 'medium', timeStyle: 'medium', timeZone: timeZone || undefined,
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

function offsetAt(epochMillis, timeZone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMillis));
  const value = (type) => Number(parts.find((part) => part.type === type).value);
  const wall = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return wall - Math.floor(epochMillis / 1000) * 1000;
}

/**
 * Turns a wall-clock value of an {@code <input type="datetime-local">} ("2026-11-24T09:30")
 * read in the given zone into an ISO instant; null for an empty or unreadable value.
 */
export function zonedInstant(local, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || '');
  if (!match) return null;
  const wall = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]);
  try {
    let instant = wall - offsetAt(wall, timeZone);
    instant = wall - offsetAt(instant, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return new Date(wall).toISOString();
  }
}

/**
 * The wall-clock value of an {@code <input type="datetime-local">} ("2026-11-24T09:30")
 * that an ISO instant has in the given zone; the inverse of zonedInstant.
 */
export function zonedLocal(iso, timeZone) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Date(date.getTime() + offsetAt(date.getTime(), timeZone)).toISOString().slice(0, 16);
  } catch {
    return date.toISOString().slice(0, 16);
  }
}
