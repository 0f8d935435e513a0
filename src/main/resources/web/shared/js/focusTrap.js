// Keeps the keyboard inside a modal (WAI-ARIA dialog pattern): focus moves into it when it
// opens, Tab and Shift+Tab wrap around its controls, focus that lands outside is pulled
// back, Escape asks it to close, and focus returns to the element that opened it. Modals may
// stack (a dialog over a dialog): only the top one is active. No Vue: the widget uses it too.

const FOCUSABLE = 'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), '
  + 'select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"]), '
  + '[contenteditable="true"]';

const stack = [];

/** The controls inside container that Tab may reach, in document order. */
export function focusables(container) {
  return Array.from(container.querySelectorAll(FOCUSABLE))
    .filter((element) => element.getClientRects().length > 0 && element.tabIndex >= 0);
}

function top() {
  return stack.length ? stack[stack.length - 1] : null;
}

function onKeydown(event) {
  const modal = top();
  if (!modal || event.defaultPrevented) return;
  if (event.key === 'Escape') {
    event.preventDefault();
    modal.onEscape();
    return;
  }
  if (event.key !== 'Tab') return;
  const items = focusables(modal.container);
  if (!items.length) {
    event.preventDefault();
    modal.container.focus();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  const inside = modal.container.contains(active) && active !== modal.container;
  if (event.shiftKey && (!inside || active === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}

function onFocusIn(event) {
  const modal = top();
  if (modal && !modal.container.contains(event.target)) focusFirst(modal.container, null);
}

function focusFirst(container, preferred) {
  const target = (preferred && container.querySelector(preferred)) || container.querySelector('[autofocus]')
    || focusables(container).find((element) => !element.hasAttribute('data-dialog-close'))
    || focusables(container)[0] || container;
  target.focus();
}

/**
 * Traps focus in container (give it tabindex="-1") until the returned function is called.
 * options: onEscape(); initial: a selector of the control to focus first (else [autofocus],
 * else the first control that is not the close button).
 */
export function trapFocus(container, options = {}) {
  const opener = document.activeElement;
  const modal = { container, onEscape: options.onEscape || (() => {}) };
  if (!stack.length) {
    document.addEventListener('keydown', onKeydown);
    document.addEventListener('focusin', onFocusIn);
  }
  stack.push(modal);
  focusFirst(container, options.initial || null);
  return function release() {
    const index = stack.indexOf(modal);
    if (index < 0) return;
    stack.splice(index, 1);
    if (!stack.length) {
      document.removeEventListener('keydown', onKeydown);
      document.removeEventListener('focusin', onFocusIn);
    }
    if (opener && opener.isConnected && typeof opener.focus === 'function' && opener !== document.body) {
      opener.focus();
    }
  };
}
