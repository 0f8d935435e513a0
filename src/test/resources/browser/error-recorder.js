// Installed before every page of a browser test (Browser.recordErrors): keeps the page's
// uncaught errors, unhandled promise rejections and console.error calls in
// window.__parleyErrors, and counts the fetches still under way in window.__parleyFetches,
// so that a test can wait for a screen to settle and then assert that nothing failed.
(() => {
  const errors = [];
  window.__parleyErrors = errors;
  window.__parleyFetches = 0;
  window.addEventListener('error', (event) => errors.push('error: ' + (event.message || event.type)));
  window.addEventListener('unhandledrejection', (event) => errors.push('unhandled rejection: '
    + (event.reason && (event.reason.stack || event.reason.message) || String(event.reason))));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    errors.push('console.error: ' + args.map((arg) => (arg && arg.stack) || String(arg)).join(' '));
    consoleError(...args);
  };
  const fetch = window.fetch.bind(window);
  window.fetch = (...args) => {
    window.__parleyFetches += 1;
    return fetch(...args).finally(() => { window.__parleyFetches -= 1; });
  };
})();
