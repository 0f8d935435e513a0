// A WebSocket that stays connected (docs/protocol.md, "Connection life"): optional hello
// frame, wait for `ready`, ping every 25 s (or the server's heartbeat if shorter), close a
// connection that has gone silent, reconnect with a backoff of 1, 2, 4 ... 30 s plus jitter,
// and try at once when the page becomes visible or the network returns. It knows nothing
// about chats: the owner gets every frame (`resync` included) and decides what to sync and
// resend; onClosed(code) may keep it down (access revoked). Used by the widget and the console.
// A `maintenance` frame (the server closes with 1012 next) is noted for the whole page, and the
// socket tries again at once when the maintenance is over instead of waiting out its backoff.
import { noteMaintenance, onMaintenanceOver } from './maintenance.js';

const PING_MILLIS = 25000;
const READY_TIMEOUT_MILLIS = 10000;
const MAX_BACKOFF_SECONDS = 30;
/** A connection that lived this long was healthy: the next reconnect starts the backoff anew. */
const STABLE_MILLIS = 30000;

/** ws(s)://this host + path. */
export function socketUrl(path) {
  return (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + path;
}

export class RealtimeSocket {
  /**
   * url: () => the address; hello: () => the first frame to send (undefined: none; null: not
   * possible yet, try later); onReady(readyFrame); onFrame(frame); onDown(code) when a ready
   * connection is lost; onStatus('connecting' | 'ready' | 'down'); onClosed(code): true (or a
   * promise of it) to reconnect, false to stay down until start() or reconnectNow().
   */
  constructor(options) {
    this.url = options.url;
    this.hello = options.hello || (() => undefined);
    this.onReady = options.onReady || (() => {});
    this.onFrame = options.onFrame || (() => {});
    this.onDown = options.onDown || (() => {});
    this.onStatus = options.onStatus || (() => {});
    this.onClosed = options.onClosed || (() => true);
    this.socket = null;
    this.ready = false;
    this.stopped = true;
    this.parked = false;
    this.attempt = 0;
    this.readyAt = 0;
    this.lastHeard = 0;
    this.heartbeatMillis = PING_MILLIS;
    this.retryTimer = null;
    this.pingTimer = null;
    this.readyTimer = null;
    this.wake = () => {
      if (!this.stopped && !this.parked && !this.socket && document.visibilityState === 'visible') this.reconnectNow();
    };
  }

  /** Starts connecting; on a started socket, ends a stay-down that onClosed asked for. */
  start() {
    if (!this.stopped) {
      if (this.parked) this.reconnectNow();
      return;
    }
    this.parked = false;
    this.stopped = false;
    this.stopWatchingMaintenance = onMaintenanceOver(() => this.reconnectNow());
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.wake);
    this.connect();
  }

  stop() {
    this.stopped = true;
    if (this.stopWatchingMaintenance) this.stopWatchingMaintenance();
    this.stopWatchingMaintenance = null;
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.wake);
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const wasReady = this.ready;
    this.teardown();
    if (wasReady) this.onDown(1000);
    this.onStatus('down');
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

  get connected() {
    return this.ready;
  }

  /** Tries at once instead of waiting out the backoff. */
  reconnectNow() {
    if (this.stopped) return;
    this.parked = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    if (this.socket) return;
    this.connect();
  }

  connect() {
    this.retryTimer = null;
    if (this.stopped || this.parked || this.socket) return;
    const hello = this.hello();
    if (hello === null) {
      this.scheduleRetry();
      return;
    }
    let socket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    this.ready = false;
    this.onStatus('connecting');
    socket.onopen = () => {
      this.lastHeard = Date.now();
      if (hello) socket.send(JSON.stringify(hello));
      this.readyTimer = setTimeout(() => {
        if (this.socket === socket && !this.ready) socket.close();
      }, READY_TIMEOUT_MILLIS);
    };
    socket.onmessage = (event) => this.received(socket, event);
    socket.onclose = (event) => this.closed(socket, event.code);
    socket.onerror = () => {
      // onclose follows and schedules the reconnect.
    };
  }

  received(socket, event) {
    if (this.socket !== socket) return;
    this.lastHeard = Date.now();
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!frame || typeof frame !== 'object' || typeof frame.type !== 'string') return;
    if (frame.type === 'ready') {
      clearTimeout(this.readyTimer);
      this.ready = true;
      this.readyAt = Date.now();
      if (frame.heartbeatSeconds > 0) this.heartbeatMillis = Math.min(PING_MILLIS, frame.heartbeatSeconds * 1000);
      this.startPing(socket);
      this.onStatus('ready');
      this.onReady(frame);
      return;
    }
    if (frame.type === 'pong') return;
    if (frame.type === 'maintenance') noteMaintenance(frame);
    this.onFrame(frame);
  }

  async closed(socket, code) {
    if (this.socket !== socket) return;
    const wasReady = this.ready;
    if (wasReady && Date.now() - this.readyAt >= STABLE_MILLIS) this.attempt = 0;
    this.teardown();
    if (wasReady) this.onDown(code);
    this.onStatus('down');
    if (this.stopped) return;
    let again = true;
    try {
      again = await this.onClosed(code);
    } catch {
      again = true;
    }
    if (this.stopped || this.socket) return;
    if (again === false) {
      this.parked = true;
      return;
    }
    this.scheduleRetry();
  }

  startPing(socket) {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (this.socket !== socket) return;
      if (Date.now() - this.lastHeard > this.heartbeatMillis * 2 + 10000) {
        // Nothing heard (not even a pong) for too long: the connection is dead.
        this.closed(socket, 1006);
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
    clearTimeout(this.readyTimer);
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onerror = null;
    socket.onclose = null;
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
      try {
        socket.close(1000);
      } catch {
        // already gone
      }
    }
  }

  scheduleRetry() {
    if (this.stopped || this.parked || this.retryTimer) return;
    const seconds = Math.min(MAX_BACKOFF_SECONDS, 2 ** this.attempt);
    this.attempt += 1;
    const delay = seconds * 1000 + Math.floor(Math.random() * 1000);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}
