// "My conversations": every conversation of the signed-in customer on every channel
// (agents by their public name only), one transcript, and writing into it. A conversation
// closed longer ago than the reopen window is continued in a new one, which the page then
// shows with a link back to the earlier one. An open transcript is live: it asks for the
// lines after the last one it read every few seconds while the page is visible.
import { ref, computed, watch, nextTick, onBeforeUnmount } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { get, post } from '../../shared/js/api.js';
import { t, formatInstant } from '../../shared/js/i18n.js';
import ProblemMessage from '../../shared/js/ProblemMessage.js';
import { portal } from './portalSession.js';

const PAGE = 200;
/** How often an open, visible conversation asks for news; failures back off to the maximum. */
const POLL_MS = 3000;
const POLL_MAX_MS = 30000;

function statusText(status) {
  if (status === 'closed') return t('portal.status.closed');
  if (status === 'waiting') return t('portal.status.waiting');
  return t('portal.status.open');
}

function when(iso) {
  return formatInstant(iso, portal.me && portal.me.timeZone);
}

export const ConversationListView = {
  name: 'ConversationListView',
  components: { ProblemMessage },
  setup() {
    const list = ref(null);
    const problem = ref(null);
    get('/api/v1/portal/conversations').then((found) => { list.value = found; })
      .catch((failure) => { problem.value = failure; list.value = []; });
    return { t, list, problem, statusText, when };
  },
  template: `
    <section class="portal-card wide">
      <h1>{{ t('portal.conversations.title') }}</h1>
      <ProblemMessage :problem="problem" />
      <p v-if="list && !list.length" id="conversations-empty" class="muted">{{ t('portal.conversations.empty') }}</p>
      <ul v-if="list && list.length" id="conversation-list" class="portal-list">
        <li v-for="c in list" :key="c.id" :data-conversation="c.id">
          <router-link :to="{ name: 'conversation', params: { id: c.id } }">
            <span class="line-top">
              <strong>{{ c.channelName }}</strong>
              <span class="badge" :class="'status-' + c.status">{{ statusText(c.status) }}</span>
            </span>
            <span class="preview">{{ c.lastMessagePreview || c.question || t('portal.conversations.noText') }}</span>
            <span class="muted small">{{ when(c.createdAt) }}<template v-if="c.agentName"> · {{ t('portal.conversations.agent', { name: c.agentName }) }}</template></span>
          </router-link>
        </li>
      </ul>
    </section>`,
};

export const ConversationView = {
  name: 'ConversationView',
  components: { ProblemMessage },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const conversation = ref(null);
    const lines = ref([]);
    const problem = ref(null);
    const gone = ref(false);
    const text = ref('');
    const sending = ref(false);
    const sendProblem = ref(null);
    const earlier = computed(() => (route.query.from ? Number(route.query.from) : null));
    // live: the page asks for lines after the last sequence number it read, every few
    // seconds while it is visible (docs/customers.md, "Conversations")
    const live = { id: null, lastSeq: 0, timer: null, busy: false, wait: POLL_MS, stopped: false };

    /** Adds lines not shown yet (by sequence number), in order: a sent line and a poll may cross. */
    function merge(found) {
      const seen = new Set(lines.value.map((line) => line.seq));
      const fresh = found.filter((line) => !seen.has(line.seq));
      if (!fresh.length) return false;
      lines.value = lines.value.concat(fresh).sort((a, b) => a.seq - b.seq);
      return true;
    }

    async function scrollToEnd(onlyIfNear) {
      const box = document.scrollingElement || document.documentElement;
      const near = box.scrollHeight - box.scrollTop - window.innerHeight < 160;
      await nextTick();
      const end = document.getElementById('transcript-end');
      if (end && end.scrollIntoView && (!onlyIfNear || near)) end.scrollIntoView({ block: 'end' });
    }

    /** Reads every page after the last one read; false when the conversation is gone. */
    async function readNews(id) {
      for (;;) {
        const page = await get('/api/v1/portal/conversations/' + id, { after: live.lastSeq, limit: PAGE });
        if (live.id !== id) return true;
        conversation.value = page.conversation;
        live.lastSeq = Math.max(live.lastSeq, page.lastSeq);
        if (merge(page.lines)) await scrollToEnd(true);
        if (!page.more) return true;
      }
    }

    function schedule(delay) {
      clearTimeout(live.timer);
      live.timer = null;
      if (live.stopped || gone.value || document.visibilityState !== 'visible') return;
      live.timer = setTimeout(poll, delay);
    }

    async function poll() {
      live.timer = null;
      const id = live.id;
      if (live.busy || id === null) return;
      live.busy = true;
      try {
        await readNews(id);
        live.wait = POLL_MS;
      } catch (failure) {
        if (live.id !== id) return;
        if (failure.status === 404) gone.value = true;
        if (failure.status === 401 || failure.status === 404) live.stopped = true;
        live.wait = Math.min(live.wait * 2, POLL_MAX_MS);
      } finally {
        live.busy = false;
      }
      if (live.id === id) schedule(live.wait);
    }

    function visibility() {
      if (document.visibilityState === 'visible') poll();
      else schedule(0);
    }
    document.addEventListener('visibilitychange', visibility);
    onBeforeUnmount(() => {
      live.stopped = true;
      live.id = null;
      clearTimeout(live.timer);
      document.removeEventListener('visibilitychange', visibility);
    });

    async function load(id) {
      clearTimeout(live.timer);
      Object.assign(live, { id, lastSeq: 0, wait: POLL_MS, stopped: false });
      conversation.value = null;
      lines.value = [];
      gone.value = false;
      problem.value = null;
      live.busy = true;
      try {
        await readNews(id);
      } catch (failure) {
        if (live.id !== id) return;
        if (failure.status === 404) gone.value = true;
        else problem.value = failure;
      } finally {
        live.busy = false;
      }
      if (live.id !== id) return;
      await scrollToEnd(false);
      schedule(POLL_MS);
    }

    async function send() {
      const words = text.value.trim();
      if (!words || sending.value) return;
      sending.value = true;
      sendProblem.value = null;
      const clientId = 'portal-' + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
      try {
        const written = await post('/api/v1/portal/conversations/' + route.params.id + '/messages',
          { clientId, text: words });
        text.value = '';
        if (written.continuedFrom) {
          await router.replace({ name: 'conversation', params: { id: written.conversationId },
            query: { from: written.continuedFrom } });
        } else {
          // shown at once; the next poll still starts after the last line it read, so an
          // agent's line written just before this one is not skipped
          merge([written.line]);
          await scrollToEnd(false);
          poll();
        }
      } catch (failure) {
        sendProblem.value = failure;
      } finally {
        sending.value = false;
      }
    }

    watch(() => route.params.id, (id) => { if (id) load(id); }, { immediate: true });
    return { t, conversation, lines, problem, gone, text, sending, sendProblem, earlier, send, statusText, when };
  },
  template: `
    <section class="portal-card wide conversation">
      <p><router-link :to="{ name: 'conversations' }">← {{ t('portal.conversations.back') }}</router-link></p>
      <div v-if="gone" id="conversation-gone" class="notice">{{ t('portal.conversation.gone') }}</div>
      <ProblemMessage :problem="problem" />
      <template v-if="conversation">
        <h1>{{ conversation.channelName }}
          <span class="badge" :class="'status-' + conversation.status">{{ statusText(conversation.status) }}</span>
        </h1>
        <p class="muted small">{{ when(conversation.createdAt) }}<template v-if="conversation.agentName"> · {{ t('portal.conversations.agent', { name: conversation.agentName }) }}</template></p>
        <p v-if="earlier" id="conversation-continues" class="notice">
          {{ t('portal.conversation.continues') }}
          <router-link :to="{ name: 'conversation', params: { id: earlier } }">{{ t('portal.conversation.earlier') }}</router-link>
        </p>
        <ol id="transcript" class="portal-transcript">
          <li v-for="line in lines" :key="line.seq" :class="line.side === 'visitor' ? 'mine' : 'theirs'">
            <span class="who">{{ line.side === 'visitor' ? t('portal.conversation.you') : (line.name || t('portal.conversation.support')) }}</span>
            <span class="text">{{ line.text || line.attachmentName }}</span>
            <span class="at">{{ when(line.createdAt) }}</span>
          </li>
          <li id="transcript-end" aria-hidden="true" class="end"></li>
        </ol>
        <p v-if="conversation.status === 'closed'" class="muted small">{{ t('portal.conversation.closedHint') }}</p>
        <ProblemMessage :problem="sendProblem" />
        <form class="portal-compose" @submit.prevent="send">
          <label class="sr-only" for="compose-text">{{ t('portal.conversation.message') }}</label>
          <textarea id="compose-text" v-model="text" rows="3" maxlength="10000" :placeholder="t('portal.conversation.placeholder')"></textarea>
          <button id="compose-send" class="primary" :disabled="sending || !text.trim()">{{ t('portal.conversation.send') }}</button>
        </form>
      </template>
    </section>`,
};
