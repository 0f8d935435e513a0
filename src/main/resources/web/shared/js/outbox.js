// Messages sent but not yet acknowledged (docs/protocol.md, "Connection life" and "Errors").
// An entry keeps its clientId for life, so however often it goes out the server stores it
// once. Text goes over the socket when it is ready, otherwise over HTTP; files always over
// HTTP. What the server could not do now (`unavailable`, `rate_limited`, a network failure) is
// tried again after a backoff, `internal_error` a few times; only a refusal that cannot change
// by itself marks the entry failed, for the person to retry or discard. Used by the widget and
// the console; knows nothing of Vue (the caller passes `wrap: reactive` and a reactive array).

/** Codes worth trying again with the same clientId: the message was not stored, but may be. */
export const RETRYABLE = new Set(['unavailable', 'rate_limited', 'network', 'unauthenticated']);

/** `internal_error` may be a passing fault: tried this many times, then the entry fails. */
export const INTERNAL_ERROR_ATTEMPTS = 3;

/** No ack nor error for this long after a socket send: send again (the frame may be lost). */
const ACK_PATIENCE_MILLIS = 15000;

const MAX_BACKOFF_MILLIS = 30000;

/** What the outbox does with a refusal: 'retry' (after a backoff) or 'fail'. */
export function decide(code, internalErrors) {
  if (RETRYABLE.has(code)) return 'retry';
  if (code === 'internal_error') return internalErrors < INTERNAL_ERROR_ATTEMPTS ? 'retry' : 'fail';
  // validation_failed, too_large, forbidden, not_found, not_assigned, conversation_closed, and
  // any code this client does not know: waiting will not change the answer.
  return 'fail';
}

/** 1 s, 2 s, 4 s ... at most 30 s, plus up to a quarter more so clients do not resend in step. */
export function backoffMillis(attempt) {
  const base = Math.min(MAX_BACKOFF_MILLIS, 1000 * 2 ** Math.max(0, attempt - 1));
  return base + Math.floor(Math.random() * base / 4);
}

export class Outbox {
  /**
   * items: the array entries live in (screens show it); wrap(entry): makes an entry reactive;
   * sendFrame(frame): sends over the socket, false when it is not ready; store(entry): sends over
   * HTTP, a promise of the stored Message; fromAck(entry, ack): the Message an ack stands for;
   * onStored(entry, message); onFailed(entry, code, problem); retryDelay(attempt) in ms.
   */
  constructor(options) {
    this.items = options.items || [];
    this.wrap = options.wrap || ((entry) => entry);
    this.sendFrame = options.sendFrame;
    this.store = options.store || null;
    this.fromAck = options.fromAck || ((entry, ack) => ({ seq: ack.seq, clientId: entry.clientId }));
    this.onStored = options.onStored || (() => {});
    this.onFailed = options.onFailed || (() => {});
    this.retryDelay = options.retryDelay || backoffMillis;
    this.ackPatience = options.ackPatienceMillis || ACK_PATIENCE_MILLIS;
    this.timers = new Map();
  }

  /** A new entry ({ clientId, kind: 'text' | 'attachment', text or file, conversationId, ...}), not sent yet. */
  add(fields) {
    this.items.push(this.wrap({ state: 'sending', code: null, problem: null, attempts: 0, internalErrors: 0,
      inFlight: false, createdAt: new Date().toISOString(), ...fields }));
    return this.items[this.items.length - 1];
  }

  find(clientId) {
    return clientId ? this.items.find((entry) => entry.clientId === clientId) || null : null;
  }

  /** Sends an entry (again): over the socket if it can, else over HTTP. */
  transmit(entry) {
    if (!this.items.includes(entry) || entry.inFlight || entry.conversationId === null
        || entry.conversationId === undefined) {
      return;
    }
    this.clearTimer(entry);
    entry.state = 'sending';
    entry.attempts += 1;
    if (entry.kind === 'text' && this.sendFrame({ type: 'send', conversationId: entry.conversationId,
      clientId: entry.clientId, text: entry.text, ref: entry.clientId })) {
      this.setTimer(entry, this.ackPatience);
      return;
    }
    if (!this.store) return; // resent when the socket is ready again
    const clientId = entry.clientId;
    entry.inFlight = true;
    this.store(entry).then((message) => {
      entry.inFlight = false;
      if (this.settle(clientId)) this.onStored(entry, message);
    }, (problem) => {
      entry.inFlight = false;
      this.refused(clientId, (problem && problem.code) || 'internal_error', problem);
    });
  }

  /** Sends every entry still on its way (the socket is ready again). */
  resend() {
    for (const entry of [...this.items]) {
      if (entry.state === 'sending' && !entry.inFlight) this.transmit(entry);
    }
  }

  /** The server's ack for a send: the entry becomes a stored message. True when it was ours. */
  acknowledged(ack) {
    const entry = this.settle(ack.clientId);
    if (!entry) return false;
    this.onStored(entry, this.fromAck(entry, ack));
    return true;
  }

  /** The message with this clientId is stored (seen in the transcript): the entry goes. */
  settle(clientId) {
    const entry = this.find(clientId);
    if (!entry) return null;
    this.clearTimer(entry);
    this.items.splice(this.items.indexOf(entry), 1);
    return entry;
  }

  /**
   * A refusal (an `error` frame whose ref is the clientId, or a failed HTTP call); true when it
   * concerned an entry. Retryable ones go out again after a backoff, the rest fail.
   */
  refused(clientId, code, problem) {
    const entry = this.find(clientId);
    if (!entry) return false;
    this.clearTimer(entry);
    if (code === 'internal_error') entry.internalErrors += 1;
    if (decide(code, entry.internalErrors) === 'retry') {
      entry.state = 'sending';
      entry.code = code;
      // a rate limit says when it lets the next one through: no sooner than that
      const waitMillis = 1000 * Number((problem && problem.body && problem.body.retryAfterSeconds) || 0);
      this.setTimer(entry, Math.max(this.retryDelay(entry.attempts), waitMillis));
      return true;
    }
    entry.state = 'failed';
    entry.code = code;
    entry.problem = problem || null;
    this.onFailed(entry, code, problem || null);
    return true;
  }

  /** The person tries a failed entry again (same clientId). */
  retry(entry) {
    entry.attempts = 0;
    entry.internalErrors = 0;
    entry.code = null;
    entry.problem = null;
    this.transmit(entry);
  }

  discard(entry) {
    this.clearTimer(entry);
    const index = this.items.indexOf(entry);
    if (index >= 0) this.items.splice(index, 1);
  }

  /** Forgets every entry (a new chat, the page leaves the conversation). */
  clear() {
    for (const entry of this.items) this.clearTimer(entry);
    this.items.splice(0, this.items.length);
  }

  setTimer(entry, millis) {
    this.timers.set(entry, setTimeout(() => {
      this.timers.delete(entry);
      this.transmit(entry);
    }, millis));
  }

  clearTimer(entry) {
    clearTimeout(this.timers.get(entry));
    this.timers.delete(entry);
  }
}
