// Small helpers of the agent workspace: names, times, sizes, links in text, system events,
// the device behind a user agent. No Vue components here.
import { t, language } from '../../../shared/js/i18n.js';

/** The visitor's name, or "Visitor #id" when they gave none. */
export function visitorName(conversation) {
  const visitor = conversation && conversation.visitor;
  if (visitor && visitor.name) return visitor.name;
  return t('inbox.visitorFallback', { id: visitor ? visitor.id : '?' });
}

/**
 * A system event (assigned, closed, reopened, transferred, taken over, a file sent by e-mail
 * refused) as a sentence.
 */
export function eventText(event) {
  if (!event) return '';
  const agent = event.agent || t('inbox.anAgent');
  switch (event.type) {
    case 'assigned':
      return t('event.assigned', { agent });
    case 'closed':
      if (event.by === 'visitor') return t('event.closed.visitor');
      if (event.by === 'timeout') return t('event.closed.timeout');
      if (event.by === 'agent') return t('event.closed.agent', { agent });
      return t('event.closed');
    case 'reopened':
      if (event.by === 'visitor') return t('event.reopened.visitor');
      if (event.by === 'agent') return t('event.reopened.agent', { agent });
      return t('event.reopened');
    case 'transferred': {
      // by: what it went to ("agent" or "group"); agent: that agent's or group's name.
      const group = event.by === 'group' ? (event.agent || event.group) : event.group;
      if (group) return t('event.transferred.group', { group: String(group) });
      if (event.agent) return t('event.transferred', { agent: event.agent });
      return t('event.transferred.queue');
    }
    case 'taken_over':
      return t('event.takenOver', { agent, from: event.from || t('inbox.anAgent') });
    case 'file_refused': {
      // agent: the file's name; by: why (executable, type, too_large, ...)
      const name = event.agent || '';
      if (event.by === 'executable') return t('event.fileRefused.executable', { name });
      if (event.by === 'type') return t('event.fileRefused.type', { name });
      if (event.by === 'too_large') return t('event.fileRefused.tooLarge', { name });
      return t('event.fileRefused', { name });
    }
    default:
      return t('event.other', { type: String(event.type) });
  }
}

/** The line the conversation list shows for a new message. */
export function previewText(message) {
  if (!message) return '';
  if (message.kind === 'attachment' && message.attachment) return t('inbox.previewFile', { name: message.attachment.name });
  if (message.kind === 'event') return eventText(message.event);
  return (message.text || '').slice(0, 200);
}

/**
 * What a conversation list keeps for a new message: its text (or a file's name) and
 * whether it is a file or an image, as the server's lastMessagePreview and
 * lastMessageAttachment.
 */
export function messagePreview(message) {
  if (message && message.kind === 'attachment' && message.attachment) {
    return { text: message.attachment.name, attachment: message.attachment.image ? 'image' : 'file' };
  }
  return { text: previewText(message), attachment: null };
}

/** "just now", "5 min ago", "yesterday", or a short date for older times. */
export function relativeTime(iso, now, timeZone) {
  if (!iso) return '';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return t('inbox.justNow');
  const lang = language() || 'en';
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  if (seconds < 3600) return format.format(-Math.max(1, Math.round(seconds / 60)), 'minute');
  if (seconds < 86400) return format.format(-Math.round(seconds / 3600), 'hour');
  if (seconds < 7 * 86400) return format.format(-Math.round(seconds / 86400), 'day');
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: timeZone || undefined }).format(new Date(then));
  } catch {
    return new Date(then).toISOString().substring(0, 10);
  }
}

/** The time of a message: hours and minutes today, with the date on other days. */
export function clockTime(iso, timeZone) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const lang = language() || 'en';
  const zone = timeZone || undefined;
  try {
    const day = (value) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: zone }).format(value);
    const sameDay = day(date) === day(new Date());
    return new Intl.DateTimeFormat(lang, sameDay
      ? { timeStyle: 'short', timeZone: zone }
      : { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** Bytes for people: 980 B, 12.4 KB, 3.1 MB. */
export function fileSize(bytes) {
  if (bytes === null || bytes === undefined || Number.isNaN(Number(bytes))) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return new Intl.NumberFormat(language() || 'en', { maximumFractionDigits: digits }).format(value) + ' ' + units[unit];
}

const LINK = /https?:\/\/[^\s<>"'\u3000-\u303f\uff01-\uff0f]+/gi;

/**
 * Splits plain text into parts: { text } and { text, href } for http(s) links, so the
 * template renders everything as text and only the links as anchors.
 */
export function textParts(text) {
  const source = text || '';
  const parts = [];
  let last = 0;
  for (const match of source.matchAll(LINK)) {
    let link = match[0];
    // Punctuation at the end belongs to the sentence, not the link (keep balanced brackets).
    while (/[.,;:!?'")\]}>]$/.test(link)) {
      const end = link[link.length - 1];
      const count = (character) => link.split(character).length - 1;
      if (end === ')' && count('(') >= count(')')) break;
      link = link.slice(0, -1);
    }
    if (link.length < 9) continue;
    const start = match.index;
    if (start > last) parts.push({ text: source.slice(last, start) });
    parts.push({ text: link, href: link });
    last = start + link.length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return parts;
}

/** A URL that may go into href/src: http(s) or a path on this server; anything else is dropped. */
export function safeUrl(url) {
  if (typeof url !== 'string' || !url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return null;
}

/** A rough "Browser version · OS" from a user agent string; the string itself when unknown. */
export function describeDevice(userAgent) {
  if (!userAgent) return '';
  const ua = String(userAgent);
  const pick = (rules) => {
    for (const [pattern, name] of rules) {
      const match = pattern.exec(ua);
      if (match) return match[1] ? name + ' ' + match[1].split('.')[0] : name;
    }
    return null;
  };
  const browser = pick([
    [/MicroMessenger\/([\d.]+)/, 'WeChat'],
    [/Edg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
    [/OPR\/([\d.]+)/, 'Opera'],
    [/SamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
    [/UCBrowser\/([\d.]+)/, 'UC Browser'],
    [/QQBrowser\/([\d.]+)/, 'QQ Browser'],
    [/(?:Firefox|FxiOS)\/([\d.]+)/, 'Firefox'],
    [/(?:Chrome|CriOS)\/([\d.]+)/, 'Chrome'],
    [/Version\/([\d.]+).*Safari\//, 'Safari'],
    [/Trident\/.*rv:([\d.]+)/, 'Internet Explorer'],
  ]);
  const system = pick([
    [/Windows NT 10/, 'Windows'],
    [/Windows NT 6\.3/, 'Windows 8.1'],
    [/Windows NT 6\.1/, 'Windows 7'],
    [/Windows/, 'Windows'],
    [/(?:iPhone|iPad|iPod).*OS (\d+)/, 'iOS'],
    [/Android ([\d.]+)/, 'Android'],
    [/CrOS/, 'ChromeOS'],
    [/HarmonyOS/, 'HarmonyOS'],
    [/Mac OS X/, 'macOS'],
    [/Linux/, 'Linux'],
  ]);
  const mobile = /Mobi|iPhone|Android.*Mobile/.test(ua);
  if (!browser && !system) return ua.length > 80 ? ua.slice(0, 80) + '…' : ua;
  const parts = [browser, system].filter(Boolean);
  return parts.join(' · ') + (mobile ? ' · ' + t('inbox.mobile') : '');
}

/** A client id for a message: a UUID (crypto.randomUUID needs a secure context, so fall back). */
export function newClientId() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function' && window.isSecureContext) {
    return window.crypto.randomUUID();
  }
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
}

/** The last line of a conversation for the list: its preview, else the pre-chat question. */
export function formatPreview(conversation) {
  return (conversation && (conversation.lastMessagePreview || conversation.question)) || '';
}

const MENTION = /@([A-Za-z0-9][A-Za-z0-9._-]*)/g;

/**
 * Splits a note into parts for the template: { text }, { text, href } for links and
 * { text, mention } for an @username the note mentions (its `mentions`; without that list,
 * every @name is taken for one). Nothing is ever rendered as HTML.
 */
export function noteParts(text, mentions) {
  const source = text || '';
  const known = Array.isArray(mentions)
    ? new Map(mentions.filter((m) => m && m.username).map((m) => [String(m.username).toLowerCase(), m]))
    : null;
  const parts = [];
  let last = 0;
  const plain = (chunk) => {
    if (chunk) parts.push(...textParts(chunk));
  };
  for (const match of source.matchAll(MENTION)) {
    const start = match.index;
    if (start > 0 && /[A-Za-z0-9._-]/.test(source[start - 1])) continue;
    const username = match[1].replace(/[.]+$/, '');
    if (username.length < 1) continue;
    const person = known ? known.get(username.toLowerCase()) : { username };
    if (!person) continue;
    plain(source.slice(last, start));
    parts.push({ text: '@' + username, mention: person });
    last = start + 1 + username.length;
  }
  plain(source.slice(last));
  return parts;
}
