// The ticket list (ticket.view): a standard view from the menu (?view=mine ...), a filter
// bar (status, priority, type, assignee, group, tag, text), an order, "load more" pages
// (keyset: the server's nextCursor), saved views, and bulk changes of the ticked tickets.
import { ref, reactive, computed, watch, onMounted } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { VIEWS, STATUSES, PRIORITIES, TYPES, SORTS, emptyFilter, listQuery, listItem, dueState, statusClass,
  statusLabel } from './ticketQuery.js';
import { ticketOptions, loadTicketOptions } from './ticketOptions.js';
import { refreshTicketCounts } from './ticketsStore.js';
import TicketBulkBar from './TicketBulkBar.js';
import TicketSavedViews from './TicketSavedViews.js';

export default {
  name: 'TicketListView',
  components: { ProblemMessage, TicketBulkBar, TicketSavedViews },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const form = reactive(emptyFilter());
    const sort = ref('-updated');
    const items = ref([]);
    const nextCursor = ref(null);
    const loading = ref(false);
    const loaded = ref(false);
    const problem = ref(null);
    const chosen = ref([]);
    const savedView = ref(null);
    // phones: the filters beyond the search fold behind a button
    const filtersOpen = ref(false);
    const now = ref(Date.now());
    const timeZone = computed(() => session.me.organisation.timeZone);
    const view = computed(() => {
      const wanted = String(route.query.view || 'mine');
      return VIEWS.some((v) => v.name === wanted) ? wanted : 'mine';
    });
    const allChosen = computed(() => items.value.length > 0 && chosen.value.length === items.value.length);

    async function search(append) {
      loading.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/tickets?' + listQuery(view.value, form, sort.value,
          append ? nextCursor.value : null));
        const found = (page.items || []).map(listItem);
        items.value = append ? items.value.concat(found) : found;
        nextCursor.value = page.next || page.nextCursor || null;
        if (!append) chosen.value = [];
        now.value = Date.now();
      } catch (failure) {
        problem.value = failure;
        if (!append) items.value = [];
      } finally {
        loading.value = false;
        loaded.value = true;
      }
    }

    function fromQuery() {
      Object.assign(form, emptyFilter());
      for (const name of Object.keys(form)) {
        if (route.query[name] !== undefined) form[name] = String(route.query[name]);
      }
    }

    onMounted(() => {
      loadTicketOptions();
      fromQuery();
      search(false);
    });
    watch(() => route.query.view, (next, before) => {
      if (route.name !== 'tickets' || next === before) return;
      savedView.value = null;
      fromQuery();
      search(false);
    });

    function reset() {
      Object.assign(form, emptyFilter());
      savedView.value = null;
      search(false);
    }

    function applySaved(saved) {
      savedView.value = saved ? saved.id : null;
      if (saved) {
        Object.assign(form, saved.form);
        if (saved.sort) sort.value = saved.sort;
        if (saved.view && saved.view !== view.value) {
          router.push({ name: 'tickets', query: { view: saved.view } });
          return;
        }
      }
      search(false);
    }

    function toggleAll(event) {
      chosen.value = event.target.checked ? items.value.map((item) => item.id) : [];
    }

    function bulkDone() {
      refreshTicketCounts();
      const keep = chosen.value.slice();
      search(false).then(() => {
        chosen.value = keep.filter((id) => items.value.some((item) => item.id === id));
      });
    }

    const when = (iso) => (iso ? formatInstant(iso, timeZone.value) : '—');
    const open = (item) => router.push({ name: 'ticket', params: { id: String(item.id) } });

    return { form, sort, filtersOpen, items, nextCursor, loading, loaded, problem, chosen, allChosen, savedView, view, now,
      ticketOptions, STATUSES, PRIORITIES, TYPES, SORTS, search, reset, applySaved, toggleAll, bulkDone, when, open,
      dueState, statusClass, statusLabel, can, t };
  },
  template: `
    <div class="tickets">
      <div class="page-head tickets-head">
        <h1 id="tickets-title">{{ t('tickets.title') }} <span class="muted">· {{ t('tickets.view.' + view) }}</span></h1>
        <span class="grow"></span>
        <router-link v-if="can('ticket.create')" id="ticket-new" class="button primary" :to="{ name: 'ticket-new' }">{{ t('tickets.new') }}</router-link>
      </div>
      <form class="card ticket-filters" :class="{ open: filtersOpen }" id="ticket-filters" @submit.prevent="search(false)">
        <div class="toolbar">
          <div class="grow">
            <label for="ticket-q">{{ t('tickets.search') }}</label>
            <div class="search-line">
              <input id="ticket-q" type="search" v-model="form.q" maxlength="200" :placeholder="t('tickets.searchHint')">
              <button id="ticket-filters-toggle" type="button" class="filters-toggle" :aria-expanded="filtersOpen ? 'true' : 'false'"
                @click="filtersOpen = !filtersOpen">{{ t('tickets.filters') }}</button>
            </div>
          </div>
          <div class="filter-more">
            <label for="ticket-status">{{ t('ticket.field.status') }}</label>
            <select id="ticket-status" v-model="form.status">
              <option value="">{{ t('tickets.any') }}</option>
              <option v-for="s in STATUSES" :key="s" :value="s">{{ t('ticket.status.' + s) }}</option>
            </select>
          </div>
          <div class="filter-more">
            <label for="ticket-priority">{{ t('ticket.field.priority') }}</label>
            <select id="ticket-priority" v-model="form.priority">
              <option value="">{{ t('tickets.any') }}</option>
              <option v-for="p in PRIORITIES" :key="p" :value="p">{{ t('ticket.priority.' + p) }}</option>
            </select>
          </div>
          <div class="filter-more">
            <label for="ticket-type">{{ t('ticket.field.type') }}</label>
            <select id="ticket-type" v-model="form.type">
              <option value="">{{ t('tickets.any') }}</option>
              <option v-for="ty in TYPES" :key="ty" :value="ty">{{ t('ticket.type.' + ty) }}</option>
            </select>
          </div>
        </div>
        <div class="toolbar">
          <div class="filter-more">
            <label for="ticket-assignee">{{ t('ticket.field.assignee') }}</label>
            <select id="ticket-assignee" v-model="form.assignee">
              <option value="">{{ t('tickets.any') }}</option>
              <option value="me">{{ t('tickets.assignee.me') }}</option>
              <option value="none">{{ t('tickets.assignee.none') }}</option>
              <option v-for="a in ticketOptions.agents" :key="a.userId" :value="String(a.userId)">{{ a.displayName }}</option>
            </select>
          </div>
          <div class="filter-more">
            <label for="ticket-group">{{ t('ticket.field.group') }}</label>
            <select id="ticket-group" v-model="form.group">
              <option value="">{{ t('tickets.any') }}</option>
              <option v-for="g in ticketOptions.groups" :key="g.id" :value="String(g.id)">{{ g.name }}</option>
            </select>
          </div>
          <div class="filter-more">
            <label for="ticket-tag">{{ t('ticket.field.tag') }}</label>
            <input id="ticket-tag" type="text" v-model="form.tag" maxlength="40">
          </div>
          <div class="sort-field">
            <label for="ticket-sort">{{ t('tickets.sort') }}</label>
            <select id="ticket-sort" v-model="sort" @change="search(false)">
              <option v-for="s in SORTS" :key="s" :value="s">{{ t('tickets.sort.' + s) }}</option>
            </select>
          </div>
          <div class="filter-actions">
            <button id="ticket-search" class="primary" type="submit" :disabled="loading">{{ t('tickets.apply') }}</button>
            <button id="ticket-reset" type="button" @click="reset">{{ t('action.reset') }}</button>
          </div>
        </div>
        <p v-if="form.customer" class="small muted" id="ticket-customer-filter">{{ t('tickets.customerFilter', { id: form.customer }) }}
          <button type="button" class="link small" @click="form.customer = ''; search(false)">{{ t('tickets.clearCustomer') }}</button></p>
      </form>
      <TicketSavedViews :view="view" :form="form" :sort="sort" :active="savedView" @apply="applySaved" />
      <TicketBulkBar v-if="chosen.length" :ids="chosen" :items="items" @done="bulkDone" @clear="chosen = []" />
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap ticket-results" id="ticket-results" v-if="loaded">
        <table class="ticket-table">
          <thead>
            <tr>
              <th class="pick"><input type="checkbox" id="ticket-pick-all" :checked="allChosen" :aria-label="t('tickets.pickAll')"
                @change="toggleAll"></th>
              <th>{{ t('ticket.field.number') }}</th><th>{{ t('ticket.field.subject') }}</th>
              <th>{{ t('ticket.field.customer') }}</th><th>{{ t('ticket.field.status') }}</th>
              <th>{{ t('ticket.field.priority') }}</th><th>{{ t('ticket.field.assignee') }}</th>
              <th>{{ t('ticket.field.group') }}</th><th>{{ t('ticket.field.slaDue') }}</th>
              <th>{{ t('ticket.field.updated') }}</th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="item in items" :key="item.id" :data-ticket="item.id" :data-number="item.number"
              :class="{ chosen: chosen.includes(item.id) }">
              <td class="pick"><input type="checkbox" :value="item.id" v-model="chosen"
                :aria-label="t('tickets.pick', { number: item.number })"></td>
              <td class="number" :data-label="t('ticket.field.number')"><router-link :to="{ name: 'ticket', params: { id: String(item.id) } }">{{ item.number }}</router-link></td>
              <td class="wrap subject" :data-label="t('ticket.field.subject')"><router-link
                :to="{ name: 'ticket', params: { id: String(item.id) } }">{{ item.subject }}</router-link>
                <span v-for="tag in item.tags" :key="tag" class="tag">{{ tag }}</span></td>
              <td class="wrap" :data-label="t('ticket.field.customer')">
                <router-link v-if="item.customer && item.customer.id" :to="'/customers/' + item.customer.id">{{ item.customer.name || t('customers.unnamed') }}</router-link>
                <span v-else>{{ item.customer ? item.customer.name : '' }}</span></td>
              <td :data-label="t('ticket.field.status')"><span class="badge ticket-status" :class="statusClass(item.status)"
                :data-status="item.status">{{ statusLabel(item.status, item.pendingOn) }}</span></td>
              <td :data-label="t('ticket.field.priority')"><span class="priority" :data-priority="item.priority">{{ item.priority ? t('ticket.priority.' + item.priority) : '' }}</span></td>
              <td class="wrap" :data-label="t('ticket.field.assignee')">{{ item.assignee ? item.assignee.name : '—' }}</td>
              <td class="wrap" :data-label="t('ticket.field.group')">{{ item.group ? item.group.name : '—' }}</td>
              <td class="small" :data-label="t('ticket.field.slaDue')"><span class="due" :class="dueState(item.slaDueAt, now)"
                :data-due="dueState(item.slaDueAt, now) || 'ok'">{{ when(item.slaDueAt) }}</span></td>
              <td class="small" :data-label="t('ticket.field.updated')">{{ when(item.updatedAt) }}</td>
            </tr>
          </tbody>
        </table>
        <div class="empty" id="ticket-none" v-if="!loading && !items.length">{{ t('tickets.none') }}</div>
        <div class="more" v-if="nextCursor">
          <button id="ticket-more" type="button" :disabled="loading" @click="search(true)">{{ t('action.more') }}</button>
        </div>
      </div>
    </div>`,
};
