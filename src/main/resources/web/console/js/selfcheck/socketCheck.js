// The WebSocket check the server cannot make: from this browser, through whatever proxy
// is in front, open the staff socket on the same origin as a real user would, and time
// the upgrade and a ping round trip. A role without live chat is told so on the socket
// (an error frame, then close 4403): the upgrade worked, no round trip is measured.
import { socketUrl } from '../../../shared/js/realtimeSocket.js';

export const SOCKET_TIMEOUT_SECONDS = 10;

/** Resolves to { status: 'OK'|'FAILED', kind: 'ok'|'upgradeOnly'|'closed'|'timeout', url, millis, roundTrip, code }. */
export function checkSocket() {
  return new Promise((resolve) => {
    const url = socketUrl('/ws/staff');
    const started = performance.now();
    let openedAt = null;
    let pingAt = null;
    let done = false;
    let socket;
    const elapsed = (from) => Math.round(performance.now() - from);
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        socket.close(1000);
      } catch {
        // already closed
      }
      resolve({ url, ...result });
    };
    const upgraded = () => ({ status: 'OK', kind: 'upgradeOnly', millis: Math.round(openedAt - started) });
    const timer = setTimeout(() => finish({ status: 'FAILED', kind: 'timeout' }), SOCKET_TIMEOUT_SECONDS * 1000);
    try {
      socket = new WebSocket(url);
    } catch {
      finish({ status: 'FAILED', kind: 'closed', code: 0 });
      return;
    }
    socket.onopen = () => {
      openedAt = performance.now();
    };
    socket.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        pingAt = performance.now();
        socket.send(JSON.stringify({ type: 'ping' }));
      } else if (frame.type === 'pong' && pingAt !== null) {
        finish({ status: 'OK', kind: 'ok', millis: Math.round(openedAt - started), roundTrip: elapsed(pingAt) });
      } else if (frame.type === 'error' && pingAt === null) {
        finish(upgraded());
      }
    };
    socket.onclose = (event) => {
      finish(openedAt !== null ? upgraded() : { status: 'FAILED', kind: 'closed', code: event.code });
    };
  });
}
