// "My tickets": the signed-in customer's tickets (newest first, a page at a time), one
// ticket with what support wrote to him (agents by their public name only; internal notes
// never reach the portal), his reply, "my problem is solved", and a form for a new ticket.
// A reply to a closed ticket is refused with a friendly text pointing to a new ticket.
import { ref, computed, watch, nextTick } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { get, post, upload } from '../../shared/js/api.js';
import { t, formatInstant } from '../../shared/js/i18n.js';
import ProblemMessage from '../../shared/js/ProblemMessage.js';
import { portal } from './portalSession.js';

const PAGE = 20;

/** The status as the customer reads it: a pending ticket waits on him or on someone else. */
export function ticketStatusText(ticket) {
  if (ticket.status === 'PENDING') {
    return ticket.pendingOn === 'CUSTOMER' ? t('portal.ticket.status.waitingOnYou') : t('portal.ticket.status.OPEN');
  }
  return t('portal.ticket.status.' + ticket.status);
}

function statusClass(ticket) {
  return 'ticket-status-' + String(ticket.status).toLowerCase();
}

function when(iso) {
  return formatInstant(iso, portal.me && portal.me.timeZone);
}

function clientId() {
  return 'portal-' + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
}

export const TicketListView = {
  name: 'TicketListView',
  components: { ProblemMessage },
  setup() {
    const items = ref(null);
    const next = ref(null);
    const busy = ref(false);
    const problem = ref(null);

    async function load(before) {
      busy.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/portal/tickets', before ? { before, limit: PAGE } : { limit: PAGE });
        items.value = (before && items.value ? items.value : []).concat(page.items);
        next.value = page.next;
      } catch (failure) {
        problem.value = failure;
        if (!items.value) items.value = [];
      } finally {
        busy.value = false;
      }
    }
    load(null);
    return { t, items, next, busy, problem, load, when, ticketStatusText, statusClass };
  },
  template: `
    <section class="portal-card wide">
      <div class="portal-heading">
        <h1>{{ t('portal.tickets.title') }}</h1>
        <router-link id="ticket-new" class="button primary" :to="{ name: 'ticket-new' }">{{ t('portal.tickets.new') }}</router-link>
      </div>
      <ProblemMessage :problem="problem" />
      <p v-if="items && !items.length && !problem" id="tickets-empty" class="muted">{{ t('portal.tickets.empty') }}</p>
      <ul v-if="items && items.length" id="ticket-list" class="portal-list">
        <li v-for="ticket in items" :key="ticket.id" :data-ticket="ticket.id">
          <router-link :to="{ name: 'ticket', params: { id: ticket.id } }">
            <span class="line-top">
              <strong class="subject">{{ ticket.subject }}</strong>
              <span class="badge" :class="statusClass(ticket)">{{ ticketStatusText(ticket) }}</span>
            </span>
            <span class="muted small">{{ ticket.number }} · {{ t('portal.tickets.updated', { when: when(ticket.updatedAt) }) }}</span>
          </router-link>
        </li>
      </ul>
      <p v-if="next"><button id="tickets-more" type="button" :disabled="busy" @click="load(next)">{{ t('portal.tickets.more') }}</button></p>
    </section>`,
};

export const NewTicketView = {
  name: 'NewTicketView',
  components: { ProblemMessage },
  setup() {
    const router = useRouter();
    const subject = ref('');
    const description = ref('');
    const busy = ref(false);
    const problem = ref(null);
    async function submit() {
      if (busy.value) return;
      busy.value = true;
      problem.value = null;
      try {
        const created = await post('/api/v1/portal/tickets',
          { subject: subject.value.trim(), description: description.value.trim() });
        await router.push({ name: 'ticket', params: { id: created.id }, query: { created: '1' } });
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }
    return { t, subject, description, busy, problem, submit };
  },
  template: `
    <section class="portal-card wide">
      <p><router-link :to="{ name: 'tickets' }">← {{ t('portal.tickets.back') }}</router-link></p>
      <h1>{{ t('portal.tickets.newTitle') }}</h1>
      <p class="muted">{{ t('portal.tickets.newIntro') }}</p>
      <form class="portal-form" @submit.prevent="submit">
        <label>{{ t('portal.tickets.subject') }}
          <input id="ticket-subject" v-model="subject" maxlength="250" required autocomplete="off">
        </label>
        <label>{{ t('portal.tickets.description') }}
          <textarea id="ticket-description" v-model="description" rows="7" maxlength="50000" required
            :placeholder="t('portal.tickets.descriptionHint')"></textarea>
        </label>
        <ProblemMessage :problem="problem" />
        <button id="ticket-submit" class="primary" :disabled="busy || !subject.trim() || !description.trim()">{{ t('portal.tickets.submit') }}</button>
      </form>
    </section>`,
};

export const TicketView = {
  name: 'TicketView',
  components: { ProblemMessage },
  setup() {
    const route = useRoute();
    const ticket = ref(null);
    const lines = ref([]);
    const gone = ref(false);
    const problem = ref(null);
    const text = ref('');
    const busy = ref(false);
    const sendProblem = ref(null);
    const closedRefusal = ref(false);
    const notice = ref(route.query.created ? 'portal.ticket.created' : null);
    let lastId = 0;

    function take(view, append) {
      ticket.value = view;
      const seen = new Set(append ? lines.value.map((line) => line.id) : []);
      const fresh = view.lines.filter((line) => !seen.has(line.id));
      lines.value = (append ? lines.value : []).concat(fresh);
      lastId = Math.max(append ? lastId : 0, view.lastId);
    }

    async function load(id) {
      ticket.value = null;
      gone.value = false;
      problem.value = null;
      closedRefusal.value = false;
      try {
        take(await get('/api/v1/portal/tickets/' + id), false);
      } catch (failure) {
        if (failure.status === 404) gone.value = true;
        else problem.value = failure;
      }
    }

    async function send() {
      const words = text.value.trim();
      if (!words || busy.value) return;
      busy.value = true;
      sendProblem.value = null;
      notice.value = null;
      try {
        const attachmentIds = [];
        for (const file of chosen.value) {
          const form = new FormData();
          form.append('file', file);
          attachmentIds.push((await upload('/api/v1/portal/tickets/' + route.params.id + '/attachments', form)).id);
        }
        take(await post('/api/v1/portal/tickets/' + route.params.id + '/replies',
          { clientId: clientId(), text: words, after: lastId, attachmentIds }), true);
        text.value = '';
        chosen.value = [];
        const picker = document.getElementById('ticket-files');
        if (picker) picker.value = '';
        await nextTick();
        const end = document.getElementById('ticket-end');
        if (end && end.scrollIntoView) end.scrollIntoView({ block: 'end' });
      } catch (failure) {
        if (failure.status === 409 && /^ticket_closed/.test(failure.code)) {
          closedRefusal.value = true;
          load(route.params.id).then(() => { closedRefusal.value = true; });
        } else {
          sendProblem.value = failure;
        }
      } finally {
        busy.value = false;
      }
    }

    async function solve() {
      if (busy.value) return;
      busy.value = true;
      sendProblem.value = null;
      try {
        take(await post('/api/v1/portal/tickets/' + route.params.id + '/solved', {}), false);
        notice.value = 'portal.ticket.solvedDone';
      } catch (failure) {
        sendProblem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const closed = computed(() => ticket.value && ticket.value.status === 'CLOSED');
    // files chosen for the next reply: uploaded when it is sent, then named in it
    const chosen = ref([]);
    const choose = (event) => { chosen.value = Array.from(event.target.files || []).slice(0, 20); };
    const fileUrl = (file) => '/api/v1/portal/tickets/files/' + encodeURIComponent(file.id);
    watch(() => route.params.id, (id) => { if (id) load(id); }, { immediate: true });
    return {
      t, ticket, lines, gone, problem, text, busy, sendProblem, closedRefusal, notice, closed,
      send, solve, when, ticketStatusText, statusClass, chosen, choose, fileUrl,
    };
  },
  template: `
    <section class="portal-card wide conversation ticket">
      <p><router-link :to="{ name: 'tickets' }">← {{ t('portal.tickets.back') }}</router-link></p>
      <div v-if="gone" id="ticket-gone" class="notice">{{ t('portal.ticket.gone') }}</div>
      <ProblemMessage :problem="problem" />
      <template v-if="ticket">
        <h1><span id="ticket-subject-line">{{ ticket.subject }}</span>
          <span id="ticket-status" class="badge" :class="statusClass(ticket)">{{ ticketStatusText(ticket) }}</span>
        </h1>
        <p class="muted small">{{ t('portal.ticket.number', { number: ticket.number }) }} · {{ when(ticket.createdAt) }}<template v-if="ticket.agentName"> · {{ t('portal.ticket.agent', { name: ticket.agentName }) }}</template></p>
        <p v-if="notice" id="ticket-notice" class="notice ok">{{ t(notice) }}</p>
        <ol id="ticket-lines" class="portal-transcript">
          <li v-if="ticket.description" :class="ticket.descriptionSide === 'customer' ? 'mine' : 'theirs'">
            <span class="who">{{ ticket.descriptionSide === 'customer' ? t('portal.conversation.you') : t('portal.conversation.support') }}</span>
            <span class="text">{{ ticket.description }}</span>
            <span class="at">{{ when(ticket.createdAt) }}</span>
          </li>
          <li v-for="line in lines" :key="line.id" :data-line="line.id" :class="line.side === 'customer' ? 'mine' : 'theirs'">
            <span class="who">{{ line.side === 'customer' ? t('portal.conversation.you') : (line.name || t('portal.conversation.support')) }}</span>
            <span class="text">{{ line.body }}</span>
            <span v-for="file in (line.files || [])" :key="file.id" class="file"><a :href="fileUrl(file)" :data-file="file.id" download>📎 {{ file.fileName }}</a></span>
            <span class="at">{{ when(line.createdAt) }}</span>
          </li>
          <li id="ticket-end" aria-hidden="true" class="end"></li>
        </ol>
        <div v-if="closed || closedRefusal" id="ticket-closed" class="notice">
          {{ t('portal.ticket.closedHint') }}
          <router-link :to="{ name: 'ticket-new' }">{{ t('portal.tickets.new') }}</router-link>
        </div>
        <template v-else-if="ticket.mayReply">
          <p v-if="ticket.status === 'SOLVED'" class="muted small">{{ t('portal.ticket.solvedHint') }}</p>
          <ProblemMessage :problem="sendProblem" />
          <form class="portal-compose" @submit.prevent="send">
            <label class="sr-only" for="ticket-reply">{{ t('portal.ticket.reply') }}</label>
            <textarea id="ticket-reply" v-model="text" rows="4" maxlength="10000" :placeholder="t('portal.ticket.placeholder')"></textarea>
            <label class="files">{{ t('portal.ticket.attach') }}
              <input id="ticket-files" type="file" multiple @change="choose"></label>
            <div class="portal-actions">
              <button id="ticket-send" class="primary" :disabled="busy || !text.trim()">{{ t('portal.ticket.send') }}</button>
              <button v-if="ticket.maySolve" id="ticket-solve" type="button" :disabled="busy" @click="solve">{{ t('portal.ticket.markSolved') }}</button>
            </div>
          </form>
        </template>
      </template>
    </section>`,
};
