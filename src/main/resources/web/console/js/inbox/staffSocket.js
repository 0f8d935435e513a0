// The one WebSocket of a signed-in staff member (/ws/staff, authenticated by the session
// cookie): opened while anything subscribes, closed shortly after the last one leaves. The
// shared RealtimeSocket reconnects and pings. Subscribers get every server frame; a `ready`
// after the first one means "reconnected: sync what you show and resend what was not
// acknowledged", a `resync` means "the server lost live events: sync what you show".
//
// Close codes 4401 (session ended) and 4403 (access revoked: password changed, disabled,
// permission removed) do not reconnect blindly: the session is read again (a 401 leads to the
// sign-in page) and the socket comes back only for someone still signed in who may chat.
import { reactive } from 'vue';
import { RealtimeSocket, socketUrl } from '../../../shared/js/realtimeSocket.js';
import { loadSession, canAny } from '../session.js';
import { permissionsFor } from '../shell/navigation.js';

const LINGER_MS = 1500;

/** What screens may show: connected (ready received), reconnecting, how many ready frames so far. */
export const socketState = reactive({ connected: false, connecting: false, readyCount: 0, userId: null });

const subscribers = new Set();
let lingerTimer = null;

function dispatch(frame) {
  for (const listener of [...subscribers]) {
    try {
      listener(frame);
    } catch (failure) {
      console.error('staff socket listener failed', failure);
    }
  }
}

/** After 4401/4403: may this browser still follow conversations? */
async function stillAllowed() {
  try {
    const me = await loadSession();
    return !!me && !me.user.passwordChangeRequired && !me.twoFactorEnrolmentRequired && canAny(permissionsFor('inbox'));
  } catch {
    return true; // the server is unreachable: the backoff finds out when it is back
  }
}

const socket = new RealtimeSocket({
  url: () => socketUrl('/ws/staff'),
  onStatus(status) {
    socketState.connected = status === 'ready';
    socketState.connecting = status === 'connecting';
  },
  onReady(frame) {
    socketState.readyCount += 1;
    socketState.userId = frame.userId || null;
    dispatch(frame);
  },
  onFrame: dispatch,
  onDown(code) {
    dispatch({ type: 'disconnected', code });
  },
  onClosed(code) {
    if (code === 4401 || code === 4403) return stillAllowed();
    return true;
  },
});

/** Sends one frame if the connection is ready; returns whether it went out. */
export function send(frame) {
  return socket.send(frame);
}

/** Receives every server frame (plus a local `disconnected` frame); returns the unsubscribe function. */
export function subscribe(listener) {
  subscribers.add(listener);
  clearTimeout(lingerTimer);
  lingerTimer = null;
  socket.start();
  return () => {
    subscribers.delete(listener);
    if (!subscribers.size) {
      clearTimeout(lingerTimer);
      lingerTimer = setTimeout(() => {
        lingerTimer = null;
        if (!subscribers.size) socket.stop();
      }, LINGER_MS);
    }
  };
}

/** Drops the connection now (signed out, or someone else signed in); subscribers get a fresh one. */
export function restart() {
  socket.stop();
  if (subscribers.size) socket.start();
}
