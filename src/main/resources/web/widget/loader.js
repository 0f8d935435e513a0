/*
 * Parley chat widget loader, served at /widget.js. A website embeds it with
 *   <script src="https://parley.example.com/widget.js" data-channel="KEY" async></script>
 * (optional: data-customer-id, data-customer-hash, data-customer-name, data-customer-email,
 * data-customer-verified-email, data-customer-verified-email-hash, data-language; or
 * window.ParleySettings = { channel, customer: { id, hash, name, email, verifiedEmail, verifiedEmailHash },
 * language }).
 *
 * It adds a round launcher button and a hidden iframe with the chat (loaded at once, so unread
 * counts work while it is closed). Everything runs in this one function: the only global is
 * window.Parley = { open(), close(), toggle() }. Its elements carry "parley-" ids and inline
 * styles; nothing from outside is ever parsed as HTML. Messages are only accepted from the
 * chat frame (its window and Parley's origin).
 */
(function () {
  'use strict';

  var FRAME_URL = '@FRAME_URL@';
  var ORIGIN = '@ORIGIN@';
  var Z = '2147483000';
  var DEFAULT_COLOR = '#2563eb';

  if (window.Parley && window.Parley.__parley) return; // embedded twice

  function findScript() {
    if (document.currentScript) return document.currentScript;
    var scripts = document.querySelectorAll('script[data-channel]');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if ((scripts[i].getAttribute('src') || '').indexOf('widget.js') >= 0) return scripts[i];
    }
    return scripts.length ? scripts[scripts.length - 1] : null;
  }

  var script = findScript();
  var settings = window.ParleySettings && typeof window.ParleySettings === 'object' ? window.ParleySettings : {};
  var settingsCustomer = settings.customer && typeof settings.customer === 'object' ? settings.customer : {};

  function attr(name) {
    var value = script ? script.getAttribute(name) : null;
    return value === null || value === '' ? null : value;
  }

  function pick(fromAttribute, fromSettings) {
    if (fromAttribute !== null && fromAttribute !== undefined) return String(fromAttribute);
    if (typeof fromSettings === 'string' || typeof fromSettings === 'number') return String(fromSettings);
    return null;
  }

  var channel = pick(attr('data-channel'), settings.channel);
  var customer = {
    id: pick(attr('data-customer-id'), settingsCustomer.id),
    hash: pick(attr('data-customer-hash'), settingsCustomer.hash),
    name: pick(attr('data-customer-name'), settingsCustomer.name),
    email: pick(attr('data-customer-email'), settingsCustomer.email),
    verifiedEmail: pick(attr('data-customer-verified-email'), settingsCustomer.verifiedEmail),
    verifiedEmailHash: pick(attr('data-customer-verified-email-hash'), settingsCustomer.verifiedEmailHash)
  };
  var language = pick(attr('data-language'), settings.language);

  // English until the chat frame sends the texts in the visitor's language.
  var labels = { open: 'Open chat', close: 'Close chat', newMessage: 'New message', title: 'Chat' };

  var launcher = null;
  var badge = null;
  var iframe = null;
  var openIcon = null;
  var closeIcon = null;
  var isOpen = false;
  var wantOpen = false;
  var frameReady = false;
  var unread = 0;
  var color = DEFAULT_COLOR;
  var phone = window.matchMedia ? window.matchMedia('(max-width: 480px)') : null;
  var warnedOrigin = false;

  function css(element, styles) {
    for (var name in styles) {
      if (Object.prototype.hasOwnProperty.call(styles, name)) {
        element.style.setProperty(name, styles[name], 'important');
      }
    }
  }

  function svg(paths, size) {
    var ns = 'http://www.w3.org/2000/svg';
    var icon = document.createElementNS(ns, 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('width', size);
    icon.setAttribute('height', size);
    icon.setAttribute('aria-hidden', 'true');
    icon.setAttribute('focusable', 'false');
    for (var i = 0; i < paths.length; i++) {
      var path = document.createElementNS(ns, 'path');
      for (var key in paths[i]) {
        if (Object.prototype.hasOwnProperty.call(paths[i], key)) path.setAttribute(key, paths[i][key]);
      }
      icon.appendChild(path);
    }
    css(icon, { display: 'block', width: size + 'px', height: size + 'px', fill: 'none', margin: '0',
      position: 'absolute', top: '50%', left: '50%', transition: 'transform .2s ease, opacity .2s ease' });
    return icon;
  }

  function textColorFor(hex) {
    function channelValue(index) {
      var value = parseInt(hex.substring(index, index + 2), 16) / 255;
      return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }
    var luminance = 0.2126 * channelValue(1) + 0.7152 * channelValue(3) + 0.0722 * channelValue(5);
    return luminance > 0.45 ? '#111827' : '#ffffff';
  }

  function frameSrc() {
    return FRAME_URL + (FRAME_URL.indexOf('?') >= 0 ? '&' : '?') + 'channel=' + encodeURIComponent(channel);
  }

  function build() {
    launcher = document.createElement('button');
    launcher.id = 'parley-launcher';
    launcher.type = 'button';
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'parley-frame');
    css(launcher, {
      position: 'fixed', right: '20px', bottom: '20px', left: 'auto', top: 'auto',
      width: '56px', height: '56px', 'min-width': '0', 'min-height': '0', 'max-width': 'none', 'max-height': 'none',
      margin: '0', padding: '0', border: '0', 'border-radius': '50%', outline: 'none',
      background: DEFAULT_COLOR, color: '#ffffff', cursor: 'pointer', 'z-index': Z,
      'box-shadow': '0 6px 20px rgba(0, 0, 0, .22), 0 2px 6px rgba(0, 0, 0, .12)',
      display: 'none', 'box-sizing': 'border-box', overflow: 'visible', opacity: '1', visibility: 'visible',
      transform: 'none', transition: 'transform .15s ease, box-shadow .15s ease', 'line-height': '0',
      'font-size': '0', 'text-indent': '0', 'letter-spacing': '0', float: 'none',
      '-webkit-tap-highlight-color': 'transparent', 'pointer-events': 'auto'
    });
    openIcon = svg([{ d: 'M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 0 1 4 13.5z', fill: 'currentColor' }], 28);
    closeIcon = svg([{ d: 'M6 6l12 12M18 6L6 18', stroke: 'currentColor', 'stroke-width': '2.4', 'stroke-linecap': 'round' }], 26);
    launcher.appendChild(openIcon);
    launcher.appendChild(closeIcon);

    badge = document.createElement('span');
    badge.id = 'parley-unread';
    badge.setAttribute('aria-hidden', 'true');
    css(badge, {
      position: 'absolute', top: '-4px', right: '-4px', left: 'auto', bottom: 'auto',
      'min-width': '22px', height: '22px', padding: '0 6px', margin: '0', 'box-sizing': 'border-box',
      'border-radius': '11px', border: '2px solid #ffffff', background: '#e11d48', color: '#ffffff',
      font: '700 11px/18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', 'text-align': 'center',
      'letter-spacing': '0', 'text-indent': '0', display: 'none', 'pointer-events': 'none', 'z-index': '1'
    });
    launcher.appendChild(badge);
    launcher.addEventListener('click', function () { toggle(); });
    launcher.addEventListener('mouseenter', function () { css(launcher, { transform: 'scale(1.06)' }); });
    launcher.addEventListener('mouseleave', function () { css(launcher, { transform: 'none' }); });

    iframe = document.createElement('iframe');
    iframe.id = 'parley-frame';
    iframe.title = labels.title;
    iframe.src = frameSrc();
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.setAttribute('tabindex', '-1');
    css(iframe, {
      position: 'fixed', border: '0', margin: '0', padding: '0', 'z-index': Z, background: '#f6f7f9',
      'box-sizing': 'border-box', 'color-scheme': 'normal', 'min-width': '0', 'min-height': '0',
      display: 'block', 'pointer-events': 'auto', float: 'none', 'transform-origin': 'bottom right'
    });

    applyColor();
    updateBadge();
    layout();
    document.body.appendChild(iframe);
    document.body.appendChild(launcher);

    window.addEventListener('message', receive);
    if (phone) {
      if (phone.addEventListener) phone.addEventListener('change', layout);
      else if (phone.addListener) phone.addListener(layout);
    }
    window.addEventListener('focus', stopFlashIfSeen);
    document.addEventListener('visibilitychange', stopFlashIfSeen);
  }

  function isPhone() {
    return !!(phone && phone.matches);
  }

  function layout() {
    if (!iframe) return;
    var small = isPhone();
    if (small) {
      css(iframe, {
        top: '0', left: '0', right: '0', bottom: '0', width: '100%', height: '100%',
        'max-width': 'none', 'max-height': 'none', 'border-radius': '0', 'box-shadow': 'none'
      });
    } else {
      css(iframe, {
        top: 'auto', left: 'auto', right: '20px', bottom: '88px', width: '380px', height: '600px',
        'max-width': 'calc(100% - 40px)', 'max-height': 'calc(100% - 108px)', 'border-radius': '16px',
        'box-shadow': '0 12px 48px rgba(0, 0, 0, .22), 0 2px 8px rgba(0, 0, 0, .08)'
      });
    }
    if (isOpen) {
      css(iframe, { opacity: '1', visibility: 'visible', transform: 'none',
        transition: 'opacity .18s ease, transform .18s ease, visibility 0s' });
    } else {
      css(iframe, { opacity: '0', visibility: 'hidden', transform: 'translateY(16px) scale(.98)',
        transition: 'opacity .18s ease, transform .18s ease, visibility 0s linear .18s' });
    }
    css(openIcon, { opacity: isOpen ? '0' : '1',
      transform: 'translate(-50%, -50%)' + (isOpen ? ' rotate(-60deg) scale(.6)' : '') });
    css(closeIcon, { opacity: isOpen ? '1' : '0',
      transform: 'translate(-50%, -50%)' + (isOpen ? '' : ' rotate(60deg) scale(.6)') });
    // On a phone the open chat covers the page; its own minimise button closes it.
    css(launcher, { display: frameReady && !(isOpen && small) ? 'block' : 'none' });
    launcher.setAttribute('aria-expanded', isOpen ? 'true' : 'false');
    launcher.setAttribute('aria-label', (isOpen ? labels.close : labels.open) + (unread > 0 && !isOpen ? ' (' + unread + ')' : ''));
    launcher.title = isOpen ? labels.close : labels.open;
    iframe.setAttribute('aria-hidden', isOpen ? 'false' : 'true');
    if (isOpen) iframe.removeAttribute('tabindex');
    else iframe.setAttribute('tabindex', '-1');
  }

  function applyColor() {
    css(launcher, { background: color, color: textColorFor(color) });
  }

  function updateBadge() {
    badge.textContent = unread > 99 ? '99+' : String(unread);
    css(badge, { display: unread > 0 ? 'block' : 'none' });
  }

  function post(message) {
    if (!iframe || !iframe.contentWindow) return;
    try {
      iframe.contentWindow.postMessage(message, ORIGIN);
    } catch (ignored) {
      // the frame is not there (yet)
    }
  }

  function sendContext() {
    post({
      parley: 'context',
      pageUrl: String(location.href),
      referrer: String(document.referrer || ''),
      title: String(document.title || ''),
      customer: { id: customer.id, hash: customer.hash, name: customer.name, email: customer.email,
        verifiedEmail: customer.verifiedEmail, verifiedEmailHash: customer.verifiedEmailHash },
      language: language
    });
  }

  function open() {
    wantOpen = true;
    if (!launcher) return;
    isOpen = true;
    layout();
    stopFlash();
    post({ parley: 'open' });
    try { iframe.focus(); } catch (ignored) { /* not focusable yet */ }
  }

  function close() {
    wantOpen = false;
    if (!launcher) return;
    var hadFocus = document.activeElement === iframe;
    isOpen = false;
    layout();
    post({ parley: 'closed' });
    if (hadFocus && frameReady) {
      try { launcher.focus(); } catch (ignored) { /* nothing to focus */ }
    }
  }

  function toggle() {
    if (launcher ? isOpen : wantOpen) close();
    else open();
  }

  function shortText(value, max) {
    return typeof value === 'string' && value ? value.substring(0, max) : null;
  }

  function receive(event) {
    if (!iframe || event.source !== iframe.contentWindow) return;
    if (event.origin !== ORIGIN) {
      if (!warnedOrigin && window.console) {
        warnedOrigin = true;
        window.console.warn('Parley: ignoring messages from ' + event.origin + ' (expected ' + ORIGIN + ')');
      }
      return;
    }
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.parley !== 'string') return;
    switch (data.parley) {
      case 'ready':
        frameReady = true;
        if (typeof data.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(data.color)) color = data.color;
        applyColor();
        unread = 0;
        updateBadge();
        sendContext();
        isOpen = wantOpen;
        layout();
        post({ parley: isOpen ? 'open' : 'closed' });
        break;
      case 'labels':
        labels = {
          open: shortText(data.open, 100) || labels.open,
          close: shortText(data.close, 100) || labels.close,
          newMessage: shortText(data.newMessage, 100) || labels.newMessage,
          title: shortText(data.title, 100) || labels.title
        };
        iframe.title = labels.title;
        layout();
        break;
      case 'unread':
        var count = Math.floor(Number(data.count));
        unread = isFinite(count) && count > 0 ? count : 0;
        updateBadge();
        layout();
        if (!unread && (isOpen && !document.hidden)) stopFlash();
        break;
      case 'minimize':
        close();
        break;
      case 'notify':
        if (!isOpen || document.hidden) startFlash();
        break;
      default:
    }
  }

  // Title flashing while a new message waits unseen: "(1) New message" and the page's title.
  var flashTimer = null;
  var originalTitle = null;
  var flashText = null;
  var showingFlash = false;

  function flashTick() {
    if (showingFlash) {
      if (document.title !== flashText) originalTitle = document.title; // the page changed it
      document.title = originalTitle;
      showingFlash = false;
    } else {
      if (document.title !== flashText) originalTitle = document.title;
      flashText = '(' + Math.max(1, unread) + ') ' + labels.newMessage;
      document.title = flashText;
      showingFlash = true;
    }
  }

  function startFlash() {
    if (flashTimer) return;
    originalTitle = document.title;
    showingFlash = false;
    flashTick();
    flashTimer = window.setInterval(flashTick, 1200);
  }

  function stopFlash() {
    if (!flashTimer) return;
    window.clearInterval(flashTimer);
    flashTimer = null;
    if (showingFlash && document.title === flashText) document.title = originalTitle;
    showingFlash = false;
  }

  function stopFlashIfSeen(event) {
    if (!document.hidden && ((event && event.type === 'focus') || document.hasFocus())) stopFlash();
  }

  function mount() {
    if (launcher || !document.body) return;
    build();
  }

  var api = {
    open: function () { open(); },
    close: function () { close(); },
    toggle: function () { toggle(); }
  };
  try {
    Object.defineProperty(api, '__parley', { value: true });
  } catch (ignored) {
    api.__parley = true;
  }
  window.Parley = api;

  if (!channel) {
    if (window.console) window.console.warn('Parley: the script tag needs data-channel="<channel key>"');
    return;
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
