// Who is signed in to the portal (the profile the server answers), or null.
import { reactive } from 'vue';
import { get, del } from '../../shared/js/api.js';

export const portal = reactive({ me: null, loaded: false });

/** Reads the portal session; a 401 means nobody is signed in. */
export async function loadMe() {
  try {
    portal.me = await get('/api/v1/portal/account/session');
  } catch (problem) {
    if (problem.status !== 401) throw problem;
    portal.me = null;
  }
  portal.loaded = true;
  return portal.me;
}

export async function signOut() {
  await del('/api/v1/portal/account/session');
  portal.me = null;
}

/** The token an e-mail's link carries after '#' (never sent to the server in the URL). */
export function linkToken() {
  const match = /token=([A-Za-z0-9_-]+)/.exec(location.hash || '');
  return match ? match[1] : '';
}
