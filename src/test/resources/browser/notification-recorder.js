// Stands in for the Web Notifications API and for the page's visibility, so a test can hide
// the tab, answer the permission request (window.__notificationAnswer) and read what the page
// showed (window.__notifications, window.__permissionRequests). Installed before the page runs.
(() => {
  const shown = [];
  window.__notifications = shown;
  window.__permissionRequests = 0;
  window.__notificationAnswer = 'granted';
  window.__hidden = false;
  Object.defineProperty(document, 'visibilityState', { configurable: true,
    get: () => (window.__hidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__hidden });
  class RecordedNotification {
    constructor(title, options) {
      this.title = title;
      this.body = (options && options.body) || '';
      this.tag = (options && options.tag) || '';
      this.closed = false;
      this.onclick = null;
      shown.push(this);
    }

    close() {
      this.closed = true;
    }

    static requestPermission() {
      window.__permissionRequests += 1;
      RecordedNotification.permission = window.__notificationAnswer;
      return Promise.resolve(RecordedNotification.permission);
    }
  }
  RecordedNotification.permission = 'default';
  window.Notification = RecordedNotification;
})();
