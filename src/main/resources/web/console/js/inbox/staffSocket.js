// The one WebSocket of a signed-in staff member (/ws/staff, authenticated by the session
// cookie): opened while anything subscribes, closed shortly after the last one leaves.
// Reconnects with a backoff (1, 2, 4 ... 30 s plus jitter) and sends a ping every 25 s.
// Subscribers get every server frame; a `ready` after the first one means "reconnected:
// sync what you show and resend what was not acknowledged".
import { reactive } from 'vue';

const PING_SECONDS = 25;
const MAX_BACKOFF_SECONDS = 30;
const LINGER_MS = 1500;

/** What screens may show: connected (ready received), reconnecting, how many ready frames so far. */
export const socketState = reactive({ connected: false, connecting: false, readyCount: 0, userId: null });

const subscribers = new Set();
let socket = null;
let attempt = 0;
let reconnectTimer = null;
let pingTimer = null;
let lingerTimer = null;

function url() {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/staff';
}

function dispatch(frame) {
  for (const listener of [...subscribers]) {
    try {
      listener(frame);
    } catch (failure) {
      console.error('staff socket listener failed', failure);
    }
  }
}

function clearTimers() {
  clearTimeout(reconnectTimer);
  clearInterval(pingTimer);
  reconnectTimer = null;
  pingTimer = null;
}

function connect() {
  clearTimeout(reconnectTimer);
  reconnectTimer = null;
  if (socket || !subscribers.size) return;
  socketState.connecting = true;
  let opened;
  try {
    opened = new WebSocket(url());
  } catch (failure) {
    socketState.connecting = false;
    scheduleReconnect();
    return;
  }
  socket = opened;
  opened.onmessage = (event) => {
    if (opened !== socket) return;
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!frame || typeof frame.type !== 'string') return;
    if (frame.type === 'ready') {
      attempt = 0;
      socketState.connected = true;
      socketState.connecting = false;
      socketState.readyCount += 1;
      socketState.userId = frame.userId || null;
      clearInterval(pingTimer);
      pingTimer = setInterval(() => send({ type: 'ping' }), PING_SECONDS * 1000);
    }
    if (frame.type === 'pong') return;
    dispatch(frame);
  };
  opened.onclose = (event) => {
    if (opened !== socket) return;
    socket = null;
    clearInterval(pingTimer);
    pingTimer = null;
    const wasConnected = socketState.connected;
    socketState.connected = false;
    socketState.connecting = false;
    if (wasConnected) dispatch({ type: 'disconnected', code: event.code });
    scheduleReconnect();
  };
  opened.onerror = () => {
    // onclose follows and schedules the reconnect.
  };
}

function scheduleReconnect() {
  if (!subscribers.size || reconnectTimer) return;
  const seconds = Math.min(MAX_BACKOFF_SECONDS, 2 ** attempt);
  attempt += 1;
  const delay = seconds * 1000 + Math.floor(Math.random() * 1000);
  reconnectTimer = setTimeout(connect, delay);
}

function disconnect() {
  clearTimers();
  attempt = 0;
  const closing = socket;
  socket = null;
  socketState.connected = false;
  socketState.connecting = false;
  if (closing) {
    try {
      closing.close(1000, 'bye');
    } catch {
      // already closed
    }
  }
}

/** Sends one frame if the connection is ready; returns whether it went out. */
export function send(frame) {
  if (!socket || !socketState.connected || socket.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(frame));
  return true;
}

/** Receives every server frame (plus a local `disconnected` frame); returns the unsubscribe function. */
export function subscribe(listener) {
  subscribers.add(listener);
  clearTimeout(lingerTimer);
  lingerTimer = null;
  connect();
  return () => {
    subscribers.delete(listener);
    if (!subscribers.size) {
      clearTimeout(lingerTimer);
      lingerTimer = setTimeout(() => {
        lingerTimer = null;
        if (!subscribers.size) disconnect();
      }, LINGER_MS);
    }
  };
}

/** Drops the connection now (signed out, or someone else signed in); subscribers get a fresh one. */
export function restart() {
  const closing = socket;
  const wasConnected = socketState.connected;
  socket = null;
  clearTimers();
  attempt = 0;
  socketState.connected = false;
  socketState.connecting = false;
  if (closing) {
    try {
      closing.close(1000, 'restart');
    } catch {
      // already closed
    }
  }
  if (wasConnected) dispatch({ type: 'disconnected', code: 1000 });
  if (subscribers.size) scheduleReconnect();
}

/** Try at once instead of waiting for the backoff (the page became visible, the network came back). */
export function reconnectNow() {
  if (!subscribers.size || socket) return;
  attempt = 0;
  connect();
}

window.addEventListener('online', reconnectNow);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') reconnectNow();
});
