// A ticket's page (/console/tickets/:id): the head (number, subject, status with the moves
// this person may make), the article stream and the history, the composer, and at the side
// the fields (TicketFields), the customer, the linked conversations and the SLA due times.
// Every change names the version it read; a 409 stale_version shows "someone changed this
// ticket" with a reload button and never overwrites silently.
import { ref, computed, watch, nextTick } from 'vue';
import { useRoute } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { api, get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import TranscriptDialog from '../customers/TranscriptDialog.js';
import { statusClass, statusLabel, PENDING_ON } from './ticketQuery.js';
import { loadTicketOptions } from './ticketOptions.js';
import { refreshTicketCounts } from './ticketsStore.js';
import TicketFields from './TicketFields.js';
import TicketStream from './TicketStream.js';
import TicketHistoryList from './TicketHistoryList.js';
import TicketComposer from './TicketComposer.js';
import TicketSla from './TicketSla.js';

export default {
  name: 'TicketPage',
  components: { ProblemMessage, TranscriptDialog, TicketFields, TicketStream, TicketHistoryList, TicketComposer, TicketSla },
  setup() {
    const route = useRoute();
    const ticket = ref(null);
    const articles = ref([]);
    const history = ref([]);
    const problem = ref(null);
    const stale = ref(false);
    const busy = ref(false);
    const tab = ref('articles');
    const editingSubject = ref(false);
    const subject = ref('');
    const subjectBox = ref(null);
    const transcript = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const statusChoices = computed(() => {
      if (!ticket.value) return [];
      const allowed = ticket.value.allowedStatuses || [];
      return [ticket.value.status].concat(allowed.filter((s) => s !== ticket.value.status));
    });
    const pendingOnChoices = PENDING_ON;

    async function loadArticles(id) {
      let after = 0;
      let all = [];
      for (let pages = 0; pages < 50; pages++) {
        const page = await get('/api/v1/tickets/' + id + '/articles', { after, limit: 100 });
        all = all.concat(page.items || []);
        if (!page.nextAfter || (page.items || []).length < 100) break;
        after = page.nextAfter;
      }
      articles.value = all;
    }

    async function loadHistory(id) {
      const page = await get('/api/v1/tickets/' + id + '/history', { limit: 500 });
      history.value = page.items || [];
    }

    async function load() {
      const id = route.params.id;
      problem.value = null;
      stale.value = false;
      loadTicketOptions();
      try {
        ticket.value = await get('/api/v1/tickets/' + id);
        await Promise.all([loadArticles(id), loadHistory(id)]);
      } catch (failure) {
        if (!ticket.value || String(ticket.value.id) !== String(id)) ticket.value = null;
        problem.value = failure;
      }
    }
    watch(() => route.params.id, (id) => {
      if (id && route.name === 'ticket') {
        ticket.value = null;
        articles.value = [];
        history.value = [];
        tab.value = 'articles';
        load();
      }
    }, { immediate: true });

    /** A merge patch with the version read; true when it was written. */
    async function change(patch, onProblem) {
      if (!ticket.value || busy.value) return false;
      busy.value = true;
      problem.value = null;
      try {
        ticket.value = await api('PATCH', '/api/v1/tickets/' + ticket.value.id,
          Object.assign({ version: ticket.value.version }, patch));
        loadHistory(ticket.value.id).catch(() => null);
        refreshTicketCounts();
        return true;
      } catch (failure) {
        if (failure.code === 'stale_version') stale.value = true;
        else if (onProblem) onProblem(failure);
        else problem.value = failure;
        return false;
      } finally {
        busy.value = false;
      }
    }

    function changeStatus(event) {
      const status = event.target.value;
      if (status === ticket.value.status) return;
      const patch = { status };
      if (status === 'PENDING') patch.pendingOn = ticket.value.pendingOn || 'CUSTOMER';
      change(patch).then((done) => {
        if (!done) event.target.value = ticket.value.status;
      });
    }

    function editSubject() {
      subject.value = ticket.value.subject;
      editingSubject.value = true;
      nextTick(() => subjectBox.value && subjectBox.value.focus());
    }

    async function saveSubject() {
      const text = subject.value.trim();
      if (!text || text === ticket.value.subject) {
        editingSubject.value = false;
        return;
      }
      if (await change({ subject: text })) editingSubject.value = false;
    }

    function written(answer) {
      if (answer && answer.ticket) ticket.value = answer.ticket;
      if (answer && answer.article && !articles.value.some((a) => a.id === answer.article.id)) {
        articles.value = articles.value.concat([answer.article]);
      }
      loadHistory(ticket.value.id).catch(() => null);
      refreshTicketCounts();
    }

    function reload() {
      load();
    }

    const transcriptLink = (id) => ({ name: 'inbox', query: { view: 'closed', conversation: String(id) } });

    return { ticket, articles, history, problem, stale, busy, tab, editingSubject, subject, subjectBox, transcript,
      timeZone, statusChoices, pendingOnChoices, change, changeStatus, editSubject, saveSubject, written, reload,
      transcriptLink, statusClass, statusLabel, can, t };
  },
  template: `
    <div class="ticket-page">
      <div v-if="stale" id="ticket-stale" class="warning ticket-stale" role="alert">
        <strong>{{ t('ticket.stale') }}</strong>
        <button id="ticket-reload" type="button" class="primary" @click="reload">{{ t('ticket.reload') }}</button>
      </div>
      <ProblemMessage :problem="problem" />
      <template v-if="ticket">
        <header class="ticket-head card" :data-ticket="ticket.id" :data-version="ticket.version">
          <div class="ticket-head-line">
            <span id="ticket-number" class="ticket-number">{{ ticket.number }}</span>
            <span id="ticket-status-badge" class="badge ticket-status" :class="statusClass(ticket.status)"
              :data-status="ticket.status">{{ statusLabel(ticket.status, ticket.pendingOn) }}</span>
            <span class="badge priority" :data-priority="ticket.priority">{{ t('ticket.priority.' + ticket.priority) }}</span>
            <span class="badge">{{ t('ticket.type.' + ticket.type) }}</span>
            <span class="muted small">{{ t('ticket.origin.' + ticket.origin) }}</span>
          </div>
          <form v-if="editingSubject" class="subject-edit" @submit.prevent="saveSubject">
            <label for="ticket-subject-input" class="visually-hidden">{{ t('ticket.field.subject') }}</label>
            <input id="ticket-subject-input" ref="subjectBox" type="text" v-model="subject" maxlength="250"
              @keydown.esc="editingSubject = false">
            <button id="ticket-subject-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
            <button type="button" @click="editingSubject = false">{{ t('action.cancel') }}</button>
          </form>
          <h1 v-else id="ticket-subject" class="ticket-subject">{{ ticket.subject }}
            <button v-if="ticket.mayEdit" id="ticket-subject-edit" type="button" class="link small"
              @click="editSubject">{{ t('ticket.editSubject') }}</button></h1>
          <div class="ticket-status-line">
            <div class="field-inline">
              <label for="ticket-status-select">{{ t('ticket.field.status') }}</label>
              <select id="ticket-status-select" :value="ticket.status" :disabled="busy || statusChoices.length < 2"
                @change="changeStatus">
                <option v-for="s in statusChoices" :key="s" :value="s">{{ t('ticket.status.' + s) }}</option>
              </select>
            </div>
            <div class="field-inline" v-if="ticket.status === 'PENDING'">
              <label for="ticket-pending-on">{{ t('ticket.field.pendingOn') }}</label>
              <select id="ticket-pending-on" :value="ticket.pendingOn || 'CUSTOMER'" :disabled="busy || !ticket.mayEdit"
                @change="change({ status: 'PENDING', pendingOn: $event.target.value })">
                <option v-for="p in pendingOnChoices" :key="p" :value="p">{{ t('ticket.pendingOn.' + p) }}</option>
              </select>
            </div>
            <span class="muted small">{{ t('ticket.createdBy', { by: ticket.createdBy || '—' }) }}</span>
            <span v-if="ticket.mergedInto" class="notice small">{{ t('ticket.mergedInto', { id: ticket.mergedInto }) }}
              <router-link :to="{ name: 'ticket', params: { id: String(ticket.mergedInto) } }">{{ t('ticket.open') }}</router-link></span>
          </div>
        </header>
        <div class="ticket-grid">
          <section class="ticket-main">
            <div v-if="ticket.description" class="card ticket-description" id="ticket-description">
              <h2 class="small muted">{{ t('ticket.field.description') }}</h2>
              <div class="article-body">{{ ticket.description }}</div>
            </div>
            <div class="tabs" role="tablist">
              <button type="button" role="tab" id="ticket-tab-articles" :class="{ active: tab === 'articles' }"
                :aria-selected="tab === 'articles'" @click="tab = 'articles'">{{ t('ticket.tab.articles') }} ({{ articles.length }})</button>
              <button type="button" role="tab" id="ticket-tab-history" :class="{ active: tab === 'history' }"
                :aria-selected="tab === 'history'" @click="tab = 'history'">{{ t('ticket.tab.history') }}</button>
            </div>
            <template v-if="tab === 'articles'">
              <TicketStream :articles="articles" :ticket="ticket" :time-zone="timeZone" />
              <TicketComposer v-if="can('ticket.reply') && ticket.status !== 'CLOSED' && !ticket.mergedInto" :ticket="ticket"
                @written="written" @stale="stale = true" />
              <p v-else-if="ticket.status === 'CLOSED'" class="muted small conv-readonly" id="ticket-closed-hint">{{ t('ticket.closedHint') }}</p>
            </template>
            <TicketHistoryList v-else :entries="history" :time-zone="timeZone" />
          </section>
          <aside class="ticket-side">
            <section class="card" id="ticket-customer">
              <h2>{{ t('ticket.customer') }}</h2>
              <router-link v-if="can('customer.view')" id="ticket-customer-link" :to="'/customers/' + ticket.customer.id"
                :data-customer-id="ticket.customer.id">{{ ticket.customer.name || t('customers.unnamed') }}</router-link>
              <span v-else id="ticket-customer-name">{{ ticket.customer.name || t('customers.unnamed') }}</span>
              <p class="small"><router-link :to="{ name: 'tickets', query: { view: 'all', customer: String(ticket.customer.id) } }"
                id="ticket-customer-tickets">{{ t('ticket.customerTickets') }}</router-link></p>
            </section>
            <TicketSla :ticket="ticket" :time-zone="timeZone" />
            <TicketFields :ticket="ticket" :busy="busy" :change="change" :time-zone="timeZone" />
            <section class="card" id="ticket-conversations">
              <h2>{{ t('ticket.conversations') }}</h2>
              <ul class="plain-list" v-if="ticket.conversations.length">
                <li v-for="id in ticket.conversations" :key="id" :data-conversation-id="id">
                  <button v-if="can('customer.view')" type="button" class="link" @click="transcript = id">{{ t('ticket.transcript', { id }) }}</button>
                  <router-link v-else :to="transcriptLink(id)">{{ t('ticket.transcript', { id }) }}</router-link>
                </li>
              </ul>
              <p v-else class="muted small">{{ t('ticket.noConversations') }}</p>
            </section>
          </aside>
        </div>
        <TranscriptDialog v-if="transcript" :customer-id="ticket.customer.id" :conversation-id="transcript"
          @close="transcript = null" />
      </template>
    </div>`,
};
