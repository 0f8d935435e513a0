// Splits plain text into text and link parts, so http(s) links can be rendered as <a>
// elements while everything else stays text. Only http: and https: URLs become links.

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`\u3000-\u303f\uff01-\uff5e]+/gi;
const TRAILING = /[.,;:!?\u3002\uff0c]+$/;

function trimUrl(candidate) {
  let url = candidate.replace(TRAILING, '');
  // Drop a closing bracket that closes text around the link, not one inside it.
  while (/[)\]}]$/.test(url)) {
    const close = url[url.length - 1];
    const open = close === ')' ? '(' : close === ']' ? '[' : '{';
    if (url.split(open).length >= url.split(close).length) break;
    url = url.slice(0, -1).replace(TRAILING, '');
  }
  return url;
}

function safeHref(text) {
  try {
    const parsed = new URL(text);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** [{ text, href? }]: href only for parts that are http(s) URLs. */
export function splitLinks(text) {
  const source = text == null ? '' : String(text);
  const parts = [];
  let index = 0;
  URL_PATTERN.lastIndex = 0;
  let match;
  while ((match = URL_PATTERN.exec(source)) !== null) {
    const url = trimUrl(match[0]);
    const href = url.length > 8 ? safeHref(url) : null;
    if (!href) continue;
    if (match.index > index) parts.push({ text: source.slice(index, match.index) });
    parts.push({ text: url, href });
    index = match.index + url.length;
    URL_PATTERN.lastIndex = index;
  }
  if (index < source.length) parts.push({ text: source.slice(index) });
  return parts;
}
