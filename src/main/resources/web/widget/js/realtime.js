// The visitor's WebSocket (docs/protocol.md): hello with the token, wait for ready, ping every
// 25 s, reconnect with a backoff of 1, 2, 4 ... 30 s plus jitter. Knows nothing about chats:
// the chat state (chat.js) receives every frame and decides what to sync and resend.

const PING_MILLIS = 25000;
const HELLO_TIMEOUT_MILLIS = 10000;
const MAX_BACKOFF_SECONDS = 30;

export function socketUrl() {
  return (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws/visitor';
}

export class RealtimeClient {
  /**
   * token: () => the current visitor token; onFrame(frame); onReady(readyFrame);
   * onDown(); onUnauthenticated(): may renew the token (a promise), the client then reconnects.
   */
  constructor({ token, onFrame, onReady, onDown, onUnauthenticated }) {
    this.token = token;
    this.onFrame = onFrame || (() => {});
    this.onReady = onReady || (() => {});
    this.onDown = onDown || (() => {});
    this.onUnauthenticated = onUnauthenticated || (() => Promise.resolve());
    this.socket = null;
    this.ready = false;
    this.stopped = true;
    this.attempt = 0;
    this.retryTimer = null;
    this.pingTimer = null;
    this.helloTimer = null;
    this.lastHeard = 0;
    this.heartbeatMillis = PING_MILLIS;
    this.wake = () => {
      if (!this.stopped && !this.socket && document.visibilityState === 'visible') this.reconnectNow();
    };
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.wake);
    this.connect();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.wake);
    clearTimeout(this.retryTimer);
    this.teardown();
  }

  /** Sends a frame if the connection is ready; false when it is not (the caller keeps it). */
  send(frame) {
    if (!this.ready || !this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    try {
      this.socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  reconnectNow() {
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.teardown();
    this.connect();
  }

  connect() {
    if (this.stopped || this.socket) return;
    const token = this.token();
    if (!token) {
      this.scheduleRetry();
      return;
    }
    let socket;
    try {
      socket = new WebSocket(socketUrl());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    this.ready = false;
    socket.onopen = () => {
      this.lastHeard = Date.now();
      socket.send(JSON.stringify({ type: 'hello', token }));
      this.helloTimer = setTimeout(() => {
        if (this.socket === socket && !this.ready) socket.close();
      }, HELLO_TIMEOUT_MILLIS);
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!frame || typeof frame !== 'object') return;
      if (frame.type === 'ready') {
        clearTimeout(this.helloTimer);
        this.ready = true;
        this.attempt = 0;
        if (frame.heartbeatSeconds > 0) {
          this.heartbeatMillis = Math.min(PING_MILLIS, frame.heartbeatSeconds * 1000);
        }
        this.startPing(socket);
        this.onReady(frame);
        return;
      }
      if (frame.type === 'pong') return;
      this.onFrame(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      const wasReady = this.ready;
      this.teardown();
      if (wasReady) this.onDown();
      if (this.stopped) return;
      if (event.code === 4401) {
        Promise.resolve(this.onUnauthenticated()).catch(() => null).then(() => this.scheduleRetry());
      } else {
        this.scheduleRetry();
      }
    };
    socket.onerror = () => {
      // onclose follows and schedules the reconnect.
    };
  }

  startPing(socket) {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (this.socket !== socket) return;
      if (Date.now() - this.lastHeard > this.heartbeatMillis * 2 + 10000) {
        // Nothing heard (not even a pong) for too long: the connection is dead.
        socket.close();
        socket.onclose({ code: 1006 });
        return;
      }
      try {
        socket.send(JSON.stringify({ type: 'ping' }));
      } catch {
        // onclose reconnects.
      }
    }, this.heartbeatMillis);
  }

  teardown() {
    clearInterval(this.pingTimer);
    clearTimeout(this.helloTimer);
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onerror = null;
      socket.onclose = null;
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
        try { socket.close(1000); } catch { /* already gone */ }
      }
    }
  }

  scheduleRetry() {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    const seconds = Math.min(MAX_BACKOFF_SECONDS, 2 ** this.attempt);
    this.attempt += 1;
    const delay = seconds * 1000 + Math.floor(Math.random() * Math.min(1000, seconds * 300));
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}
