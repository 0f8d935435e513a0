// The one way the front end talks to the server: JSON in, JSON out, problems as errors.
// Every request names the language the person chose, so that the server's messages come
// in it too.
import { language } from './i18n.js';
import { noteMaintenance } from './maintenance.js';

/** An RFC 9457 problem answered by the server (or a network failure, code "network"). */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || 'HTTP ' + status);
    this.status = status;
    this.code = body.code || (status >= 500 ? 'internal_error' : 'http_' + status);
    this.body = body;
    // a refusal because of maintenance mode tells every screen (banner, widget notice)
    if (this.code === 'maintenance') noteMaintenance(body);
  }
}

const listeners = new Set();

/** Called with every problem whose code is "unauthenticated" (the session ended). */
export function onUnauthenticated(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}

async function ensureCsrfCookie() {
  if (!csrfToken()) {
    await fetch('/api/v1/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  }
}

/**
 * Sends one request. Resolves to the parsed JSON body (or null for 204); rejects with a
 * Problem for every non-2xx answer.
 */
export async function api(method, path, body, query) {
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, value);
    }
    const text = params.toString();
    if (text) url += '?' + text;
  }
  const headers = { Accept: 'application/json' };
  if (language()) headers['Accept-Language'] = language();
  if (method !== 'GET') {
    await ensureCsrfCookie();
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (failure) {
    throw new Problem(0, { code: 'network', detail: String(failure) });
  }
  return answer(response);
}

/** The parsed JSON body of a 2xx answer (null for 204); a Problem for anything else. */
async function answer(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await response.json().catch(() => ({})) : {};
  if (!response.ok) {
    const problem = new Problem(response.status, parsed);
    if (problem.code === 'unauthenticated') listeners.forEach((listener) => listener(problem));
    throw problem;
  }
  return parsed;
}

export const get = (path, query) => api('GET', path, undefined, query);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/**
 * Sends a multipart form (a file upload) with the CSRF header; the browser sets the content
 * type and boundary. Resolves to the parsed JSON body; rejects with a Problem like api().
 */
export async function upload(path, formData) {
  await ensureCsrfCookie();
  const headers = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: formData });
  } catch (failure) {
    throw new Problem(0, { code: 'network', detail: String(failure) });
  }
  return answer(response);
}
