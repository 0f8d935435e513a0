// The signed-in person and their organisation: the one small store of the console.
import { reactive } from 'vue';
import { get, post, del } from '../../shared/js/api.js';

export const session = reactive({ me: null, loaded: false });

/** Loads who is signed in; resolves to the Me document or null. */
export async function loadSession() {
  try {
    session.me = await get('/api/v1/session');
  } catch (problem) {
    if (problem.status !== 401) throw problem;
    session.me = null;
  }
  session.loaded = true;
  return session.me;
}

export async function signIn(username, password) {
  session.me = await post('/api/v1/session', { username, password });
  return session.me;
}

/** Completes a sign-in that answered second_factor_required: { code } or { recoveryCode }. */
export async function completeSignIn(secondFactor) {
  session.me = await post('/api/v1/session/second-factor', secondFactor);
  return session.me;
}

/** Completes a sign-in that answered second_factor_required with a passkey's assertion. */
export async function completeSignInWithPasskey(credential) {
  session.me = await post('/api/v1/session/second-factor/passkey', credential);
  return session.me;
}

export async function signOut() {
  try {
    await del('/api/v1/session');
  } finally {
    session.me = null;
  }
}

export function can(permission) {
  return !!session.me && session.me.user.permissions.includes(permission);
}

export function canAny(permissions) {
  return permissions.some(can);
}
