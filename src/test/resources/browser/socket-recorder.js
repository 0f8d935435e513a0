// Installed by Browser.recordSockets() before any page script runs: every WebSocket the page
// opens is the real one, recorded. window.__parleySockets holds what went out (`sent`), lets a
// test refuse frames as if the server had (`refuse[type]`: error codes, one per frame, used in
// order) or drop frames on their way in (`drop[type]`: how many), and make the server seem to
// send a frame (`inject(frame)`) or close a connection with a code (`close(code)`); while
// `refuseConnections` is true, new sockets go to a closed port (the server seems down).
(() => {
  const Native = window.WebSocket;
  const record = { sent: [], received: [], sockets: [], refuse: {}, drop: {}, errors: [], refuseConnections: false };
  window.__parleySockets = record;
  window.addEventListener('error', (event) => record.errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => record.errors.push(String(event.reason)));

  function deliver(socket, frame) {
    socket.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }

  class RecordedSocket extends Native {
    constructor(url, protocols) {
      super(record.refuseConnections ? 'ws://127.0.0.1:9/refused' : url, protocols);
      record.sockets.push(this);
      // Registered before the page's own handler, so it may hold a frame back.
      this.addEventListener('message', (event) => {
        let frame = null;
        try {
          frame = JSON.parse(event.data);
        } catch {
          return;
        }
        if (!frame || !event.isTrusted) return;
        if (record.drop[frame.type] > 0) {
          record.drop[frame.type] -= 1;
          event.stopImmediatePropagation();
          return;
        }
        record.received.push(frame);
      });
    }

    send(data) {
      let frame = null;
      try {
        frame = JSON.parse(data);
      } catch {
        // not JSON: sent as it is
      }
      if (frame) record.sent.push(frame);
      const codes = frame && record.refuse[frame.type];
      if (codes && codes.length) {
        const code = codes.shift();
        setTimeout(() => deliver(this, { type: 'error', code, message: 'refused by the test', ref: frame.ref }), 0);
        return;
      }
      super.send(data);
    }
  }

  function open() {
    return record.sockets.filter((socket) => socket.readyState === Native.OPEN);
  }

  record.inject = (frame) => open().forEach((socket) => deliver(socket, frame));
  record.close = (code) => open().forEach((socket) => {
    socket.dispatchEvent(new CloseEvent('close', { code, reason: 'closed by the test' }));
    socket.close();
  });
  window.WebSocket = RecordedSocket;
})();
