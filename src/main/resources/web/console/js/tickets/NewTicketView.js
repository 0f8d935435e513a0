// A new ticket (ticket.create): the customer (picked by search), subject, description,
// type, priority, group, assignee and tags; created with origin "agent" (or "phone" for a
// caller), then opened. ?customer=<id> preselects a customer.
import { ref, reactive, computed, onMounted } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { PRIORITIES, TYPES } from './ticketQuery.js';
import { ticketOptions, loadTicketOptions, agentsOf } from './ticketOptions.js';
import { refreshTicketCounts } from './ticketsStore.js';
import CustomerPicker from './CustomerPicker.js';

export default {
  name: 'NewTicketView',
  components: { ProblemMessage, CustomerPicker },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const me = session.me.user;
    const customer = ref(null);
    const form = reactive({ subject: '', description: '', type: 'QUESTION', priority: 'NORMAL', origin: 'AGENT',
      groupId: '', assigneeId: '', tags: '' });
    const busy = ref(false);
    const problem = ref(null);
    const agents = computed(() => agentsOf(form.groupId).filter((a) => can('ticket.assign') || a.userId === me.id));
    const ready = computed(() => !!customer.value && !!form.subject.trim());

    onMounted(async () => {
      loadTicketOptions();
      if (route.query.customer) {
        try {
          const c = await get('/api/v1/customers/' + route.query.customer);
          customer.value = { id: c.id, name: c.name, contact: '' };
        } catch {
          customer.value = null;
        }
      }
    });

    async function create() {
      if (!ready.value || busy.value) return;
      busy.value = true;
      problem.value = null;
      const body = { customerId: customer.value.id, subject: form.subject.trim(), type: form.type,
        priority: form.priority, origin: form.origin };
      if (form.description.trim()) body.description = form.description.trim();
      if (form.groupId) body.groupId = Number(form.groupId);
      if (form.assigneeId) body.assigneeId = Number(form.assigneeId);
      const tags = form.tags.split(/[,，]/).map((x) => x.trim()).filter(Boolean);
      if (tags.length) body.tags = tags;
      try {
        const ticket = await post('/api/v1/tickets', body);
        refreshTicketCounts();
        router.push({ name: 'ticket', params: { id: String(ticket.id) } });
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { customer, form, busy, problem, agents, ready, create, ticketOptions, PRIORITIES, TYPES, can, t };
  },
  template: `
    <div class="new-ticket">
      <h1>{{ t('ticket.new.title') }}</h1>
      <form class="card" id="new-ticket-form" @submit.prevent="create" novalidate>
        <div class="field">
          <label for="new-ticket-customer">{{ t('ticket.field.customer') }} *</label>
          <CustomerPicker v-model="customer" />
        </div>
        <div class="field">
          <label for="new-ticket-subject">{{ t('ticket.field.subject') }} *</label>
          <input id="new-ticket-subject" type="text" v-model="form.subject" maxlength="250">
        </div>
        <div class="field">
          <label for="new-ticket-description">{{ t('ticket.field.description') }}</label>
          <textarea id="new-ticket-description" v-model="form.description" rows="6" maxlength="50000"></textarea>
        </div>
        <div class="row">
          <div class="field">
            <label for="new-ticket-type">{{ t('ticket.field.type') }}</label>
            <select id="new-ticket-type" v-model="form.type">
              <option v-for="ty in TYPES" :key="ty" :value="ty" :disabled="ty === 'COMPLAINT' && !can('complaint.handle')">{{ t('ticket.type.' + ty) }}</option>
            </select>
          </div>
          <div class="field">
            <label for="new-ticket-priority">{{ t('ticket.field.priority') }}</label>
            <select id="new-ticket-priority" v-model="form.priority">
              <option v-for="p in PRIORITIES" :key="p" :value="p">{{ t('ticket.priority.' + p) }}</option>
            </select>
          </div>
          <div class="field">
            <label for="new-ticket-origin">{{ t('ticket.field.origin') }}</label>
            <select id="new-ticket-origin" v-model="form.origin">
              <option value="AGENT">{{ t('ticket.origin.AGENT') }}</option>
              <option value="PHONE">{{ t('ticket.origin.PHONE') }}</option>
            </select>
          </div>
        </div>
        <div class="row">
          <div class="field">
            <label for="new-ticket-group">{{ t('ticket.field.group') }}</label>
            <select id="new-ticket-group" v-model="form.groupId" @change="form.assigneeId = ''">
              <option value="">{{ t('ticket.noGroup') }}</option>
              <option v-for="g in ticketOptions.groups" :key="g.id" :value="String(g.id)">{{ g.name }}</option>
            </select>
          </div>
          <div class="field">
            <label for="new-ticket-assignee">{{ t('ticket.field.assignee') }}</label>
            <select id="new-ticket-assignee" v-model="form.assigneeId">
              <option value="">{{ t('ticket.unassigned') }}</option>
              <option v-for="a in agents" :key="a.userId" :value="String(a.userId)">{{ a.displayName }}</option>
            </select>
          </div>
        </div>
        <div class="field">
          <label for="new-ticket-tags">{{ t('ticket.field.tags') }}</label>
          <input id="new-ticket-tags" type="text" v-model="form.tags" :placeholder="t('ticket.tagsHint')">
        </div>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="new-ticket-create" class="primary" type="submit" :disabled="busy || !ready">{{ t('ticket.new.create') }}</button>
          <router-link class="button" :to="{ name: 'tickets' }">{{ t('action.cancel') }}</router-link>
        </div>
      </form>
    </div>`,
};
