// The visitor's WebSocket (/ws/visitor, docs/protocol.md): the shared RealtimeSocket with the
// visitor token as hello. A 4401 close renews the token before the next attempt. The frames
// go to the handlers given at start (frames.js).
import { RealtimeSocket, socketUrl } from '../../shared/js/realtimeSocket.js';
import { visitorTokenValue } from './visitorApi.js';

let socket = null;

/** Sends a frame if the connection is ready; false when it is not (the caller keeps it). */
export function sendFrame(frame) {
  return socket ? socket.send(frame) : false;
}

/** Opens the connection once: handlers { onReady, onDown, onFrame, renewToken }. */
export function startLive(handlers) {
  if (socket) return;
  socket = new RealtimeSocket({
    url: () => socketUrl('/ws/visitor'),
    hello: () => {
      const token = visitorTokenValue();
      return token ? { type: 'hello', token } : null;
    },
    onReady: handlers.onReady,
    onDown: handlers.onDown,
    onFrame: handlers.onFrame,
    onClosed: async (code) => {
      if (code === 4401) await Promise.resolve(handlers.renewToken()).catch(() => null);
      return true;
    },
  });
  socket.start();
}
