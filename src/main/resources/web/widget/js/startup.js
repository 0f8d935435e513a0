// Starting the widget: the channel, the context from the embedding page (language, the
// customer it vouches for), the visitor token, the open conversation, then the live socket.
import { t, useLanguage, browserLanguage } from '../../shared/js/i18n.js';
import { state, problemCode, problemParams } from './chatState.js';
import { vget, vpost, setVisitorToken } from './visitorApi.js';
import { isEmbedded, onParentMessage, postToParent } from './parent.js';
import { load, save } from './storage.js';
import { enableSoundOnInteraction } from './sound.js';
import { startLive } from './live.js';
import { resetTranscript, adopt } from './conversation.js';
import { onReady, onDown, onFrame } from './frames.js';

const CONTEXT_WAIT_MILLIS = 1000;

let context = null;
let visitorChanged = () => {};

/** Called when the token names another visitor than before (the page signed someone else in). */
export function onVisitorChanged(listener) {
  visitorChanged = listener;
}

function normalLanguage(tag) {
  if (typeof tag !== 'string' || !tag) return null;
  const lower = tag.toLowerCase().replace('_', '-');
  if (lower.startsWith('zh')) return /(tw|hk|mo|hant)/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

function waitForContext() {
  return new Promise((resolve) => {
    if (!isEmbedded()) {
      resolve(null);
      return;
    }
    const timer = setTimeout(() => { stop(); resolve(null); }, CONTEXT_WAIT_MILLIS);
    const stop = onParentMessage((message) => {
      if (message.parley !== 'context') return;
      clearTimeout(timer);
      stop();
      resolve(message);
    });
  });
}

// A late "context" (the page sent it after the wait) still counts for the next start.
onParentMessage((message) => {
  if (message.parley === 'context' && !context) context = message;
});

function text(value, max) {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const result = String(value).trim();
  return result ? result.substring(0, max) : undefined;
}

function tokenKey() {
  return 'parley.visitor.' + state.channelKey;
}

/** Registers (or renews) the visitor token for this channel. */
async function register() {
  const customer = (context && context.customer) || {};
  const path = '/api/v1/widget/channels/' + encodeURIComponent(state.channelKey) + '/visitors';
  const body = {
    token: load(tokenKey()) || undefined,
    customerId: text(customer.id, 128),
    customerHash: text(customer.hash, 128),
    customerEmail: text(customer.verifiedEmail, 254),
    customerEmailHash: text(customer.verifiedEmailHash, 128),
    name: text(customer.name, 100),
    email: text(customer.email, 254),
    language: state.language,
    pageUrl: text(context && context.pageUrl, 2000) || (isEmbedded() ? undefined : location.href),
    referrer: text(context && context.referrer, 2000),
  };
  let result;
  try {
    result = await vpost(path, body);
  } catch (problem) {
    if (problem.code !== 'validation_failed') throw problem;
    // A malformed name or e-mail from the page must not keep the visitor from chatting.
    result = await vpost(path, { token: body.token, customerId: body.customerId, customerHash: body.customerHash,
      customerEmail: body.customerEmail, customerEmailHash: body.customerEmailHash, language: body.language, pageUrl: body.pageUrl, referrer: body.referrer });
  }
  save(tokenKey(), result.token);
  setVisitorToken(result.token);
  const previous = state.visitor;
  state.visitor = result.visitor || null;
  // his customer is blocked: the widget says so politely and offers no composer
  state.blocked = !!result.blocked;
  if (previous && state.visitor && previous.id !== state.visitor.id) visitorChanged();
  return result;
}

export async function start() {
  enableSoundOnInteraction();
  const params = new URLSearchParams(location.search);
  state.channelKey = params.get('channel');
  state.phase = 'loading';
  let channel = null;
  let failure = null;
  if (state.channelKey) {
    try {
      channel = await vget('/api/v1/widget/channels/' + encodeURIComponent(state.channelKey));
    } catch (problem) {
      failure = problem;
    }
  }
  const contextArrives = waitForContext();
  postToParent({ parley: 'ready', color: channel && channel.color ? channel.color : null });
  context = (await contextArrives) || context;
  state.language = normalLanguage(context && context.language) || browserLanguage();
  await useLanguage(state.language, false).catch(() => useLanguage('en', false).catch(() => null));
  // The launcher on the embedding page has no texts of its own beyond English defaults.
  postToParent({ parley: 'labels', open: t('widget.launcher.open'), close: t('widget.launcher.close'),
    newMessage: t('widget.launcher.newMessage'), title: t('widget.title') });
  if (!channel) {
    state.phase = !failure || failure.status === 404 || failure.code === 'not_found' ? 'unavailable' : 'failed';
    return;
  }
  state.channel = channel;
  const customer = (context && context.customer) || {};
  state.prefill = { name: text(customer.name, 100) || '', email: text(customer.email, 254) || '' };
  await connect();
}

async function connect() {
  state.phase = 'loading';
  try {
    const result = await register();
    if (result.conversation && result.conversation.status !== 'closed') {
      await adopt(result.conversation);
    } else if (!state.conversation) {
      resetTranscript(null);
    }
    state.phase = 'ready';
  } catch (problem) {
    state.phase = problem && (problem.status === 404 || problem.code === 'not_found') ? 'unavailable' : 'failed';
    state.failure = problemCode(problem);
    state.failureParams = problemParams(problem);
    return;
  }
  startLive({ onReady, onDown, onFrame, renewToken: () => register().catch(() => null) });
}

/** After a failed start: try again. */
export function restart() {
  if (!state.channel) {
    start();
    return;
  }
  connect();
}
