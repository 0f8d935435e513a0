// The widget's calls to the server: the visitor token travels in the X-Parley-Visitor header
// (no cookies, no CSRF token, unlike the console's api.js); every non-2xx answer becomes a
// Problem, a failure to reach the server a Problem with code "network".
import { Problem } from '../../shared/js/api.js';

let visitorToken = null;

export function setVisitorToken(token) {
  visitorToken = token || null;
}

export function visitorTokenValue() {
  return visitorToken;
}

function headers(extra) {
  const result = { Accept: 'application/json', ...extra };
  if (visitorToken) result['X-Parley-Visitor'] = visitorToken;
  return result;
}

async function problemFrom(response) {
  const type = response.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await response.json().catch(() => ({})) : {};
  if (!parsed.code) {
    if (response.status === 413) parsed.code = 'payload_too_large';
    else if (response.status === 415) parsed.code = 'unsupported_media_type';
    else if (response.status === 429) parsed.code = 'rate_limited';
    else if (response.status === 404) parsed.code = 'not_found';
    else if (response.status === 401) parsed.code = 'unauthenticated';
  }
  if (response.status === 429 && parsed.retryAfterSeconds === undefined) {
    const seconds = Number.parseInt(response.headers.get('Retry-After') || '', 10);
    if (seconds > 0) parsed.retryAfterSeconds = seconds;
  }
  return new Problem(response.status, parsed);
}

async function send(method, path, init) {
  let response;
  try {
    response = await fetch(path, { method, credentials: 'omit', cache: 'no-store', ...init });
  } catch (failure) {
    throw new Problem(0, { code: 'network', detail: String(failure) });
  }
  if (!response.ok) throw await problemFrom(response);
  return response;
}

async function json(method, path, body, query) {
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, value);
    }
    const text = params.toString();
    if (text) url += '?' + text;
  }
  const response = await send(method, url, {
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json().catch(() => ({})) : null;
}

export const vget = (path, query) => json('GET', path, undefined, query);
export const vpost = (path, body) => json('POST', path, body === undefined ? {} : body);

/** Uploads one file as multipart (file, clientId); resolves to the stored Message. */
export async function upload(path, file, clientId) {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('clientId', clientId);
  const response = await send('POST', path, { headers: headers(), body: form });
  return response.json();
}

const blobs = new Map();

/**
 * Fetches a file that needs the visitor header (attachment, thumbnail) and resolves to a
 * Blob; each URL is fetched once per page.
 */
export function fetchBlob(url) {
  if (!blobs.has(url)) {
    const pending = send('GET', url, { headers: headers({ Accept: '*/*' }) }).then((response) => response.blob());
    pending.catch(() => blobs.delete(url));
    blobs.set(url, pending);
  }
  return blobs.get(url);
}

const objectUrls = new Map();

/** An object URL for a protected file (kept for the life of the page). */
export async function objectUrl(url) {
  if (!objectUrls.has(url)) {
    const blob = await fetchBlob(url);
    if (!objectUrls.has(url)) objectUrls.set(url, URL.createObjectURL(blob));
  }
  return objectUrls.get(url);
}

/** The same file as a data: URL (for pages whose CSP refuses blob: images). */
export async function dataUrl(url) {
  const blob = await fetchBlob(url);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
