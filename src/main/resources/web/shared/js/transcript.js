// One conversation's messages as a client holds them (docs/protocol.md, "Ordering and
// delivery"): ordered by sequence number, each seq once (a resend or a sync may repeat one),
// and the seq up to which nothing is missing. A message beyond that seq means a gap: the
// client asks `sync` from there, one request at a time. Used by the widget and the console;
// knows nothing of Vue (the caller passes a reactive array when screens follow it).

/** How long a `sync` may stay unanswered before another may be asked. */
const SYNC_PATIENCE_MILLIS = 10000;

export class Transcript {
  /** messages: the array to keep the messages in (for Vue screens, a reactive one). */
  constructor(messages = []) {
    this.messages = messages;
    this.conversationId = null;
    this.seqs = new Set();
    this.contiguousSeq = 0;
    this.syncAskedAt = 0;
  }

  /** Forgets everything and starts over for another conversation (or none). */
  reset(conversationId) {
    this.conversationId = conversationId === undefined ? null : conversationId;
    this.messages.splice(0, this.messages.length);
    this.seqs = new Set();
    this.contiguousSeq = 0;
    this.syncAskedAt = 0;
  }

  /** The highest seq present (or known to be complete). */
  get lastSeq() {
    const count = this.messages.length;
    return Math.max(this.contiguousSeq, count ? this.messages[count - 1].seq : 0);
  }

  /** A message is missing below the last one: time to `sync`. */
  get hasGap() {
    return this.lastSeq > this.contiguousSeq;
  }

  has(seq) {
    return this.seqs.has(seq);
  }

  /**
   * Adds a stored message in seq order; true when it is new, false for a repeat, a message
   * without a seq or one of another conversation.
   */
  add(message) {
    if (!message || typeof message.seq !== 'number' || this.seqs.has(message.seq)) return false;
    if (this.conversationId !== null && message.conversationId !== undefined && message.conversationId !== null
        && message.conversationId !== this.conversationId) {
      return false;
    }
    this.seqs.add(message.seq);
    const list = this.messages;
    let index = list.length;
    while (index > 0 && list[index - 1].seq > message.seq) index -= 1;
    list.splice(index, 0, message);
    this.advance();
    return true;
  }

  /** Adds several; true when at least one was new. */
  addAll(messages) {
    let added = false;
    for (const message of messages || []) {
      if (this.add(message)) added = true;
    }
    return added;
  }

  /**
   * The server says nothing this client may see is missing up to seq (the end of a history
   * page, or `synced`): numbers it never shows this client are not gaps.
   */
  completeUpTo(seq) {
    if (typeof seq === 'number' && seq > this.contiguousSeq) this.contiguousSeq = seq;
    this.advance();
  }

  advance() {
    while (this.seqs.has(this.contiguousSeq + 1)) this.contiguousSeq += 1;
  }

  /**
   * Sends `sync` from the last complete seq through send(frame) (which answers whether the
   * frame went out), unless one is already on its way; force asks again regardless (a
   * reconnect, or the server's `resync`). True when a frame went out.
   */
  sync(send, force) {
    if (this.conversationId === null) return false;
    const now = Date.now();
    if (!force && this.syncAskedAt && now - this.syncAskedAt < SYNC_PATIENCE_MILLIS) return false;
    const sent = send({ type: 'sync', conversationId: this.conversationId, afterSeq: this.contiguousSeq,
      ref: 'sync:' + this.conversationId });
    this.syncAskedAt = sent ? now : 0;
    return sent;
  }

  /** Sends `sync` only when a gap was noticed. */
  syncIfGap(send) {
    return this.hasGap ? this.sync(send, false) : false;
  }

  /** The answer to `sync` arrived (`synced`), or the request was refused. */
  synced(lastSeq) {
    this.syncAskedAt = 0;
    if (typeof lastSeq === 'number') this.completeUpTo(lastSeq);
  }

  /** The connection went down: a request on its way is lost with it. */
  disconnected() {
    this.syncAskedAt = 0;
  }
}

/** Whether a frame's ref names a `sync` (so an error answering it concerns the transcript). */
export function isSyncRef(ref) {
  return typeof ref === 'string' && ref.startsWith('sync:');
}
