// Messages between the chat frame and the page that embeds it (loader.js). Only messages
// from window.parent are read. What this frame posts goes to the parent's origin once it is
// known (the origin of its "context" message, or the ancestor origin the browser reports);
// anything that carries conversation text is never posted to an unknown origin.

const embedded = window.parent && window.parent !== window;
const listeners = new Set();
let parentOrigin = null;

function initialOrigin() {
  try {
    if (location.ancestorOrigins && location.ancestorOrigins.length) return location.ancestorOrigins[0];
  } catch {
    // not supported
  }
  return null;
}

parentOrigin = initialOrigin();

if (embedded) {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.parley !== 'string') return;
    if (data.parley === 'context' && event.origin && event.origin !== 'null') parentOrigin = event.origin;
    listeners.forEach((listener) => listener(data));
  });
}

export function isEmbedded() {
  return embedded;
}

/** Called with each {parley: ...} message the embedding page sends. */
export function onParentMessage(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Posts a message to the embedding page. sensitive=true (conversation text) only posts when
 * the parent's origin is known.
 */
export function postToParent(message, sensitive) {
  if (!embedded) return;
  const target = parentOrigin || (sensitive ? null : '*');
  if (!target) return;
  try {
    window.parent.postMessage({ ...message }, target);
  } catch {
    // the parent navigated away
  }
}
