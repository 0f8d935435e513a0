// Bulk changes of the ticked tickets (POST /api/v1/tickets/bulk): assign (to an agent or a
// group, with the reason a transfer needs), change the status, add tags, close. The server
// answers per ticket; each outcome is listed by ticket number, so a refusal of one is seen.
import { ref, reactive, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { can, canAny } from '../session.js';
import { STATUSES, PENDING_ON, bulkBody, bulkOutcomes } from './ticketQuery.js';
import { ticketOptions, agentsOf } from './ticketOptions.js';

export default {
  name: 'TicketBulkBar',
  components: { ProblemMessage },
  props: { ids: Array, items: Array },
  emits: ['done', 'clear'],
  setup(props, { emit }) {
    const action = ref('assign');
    const values = reactive({ assigneeId: '', groupId: '', reason: '', status: 'OPEN', pendingOn: 'CUSTOMER', tags: '' });
    const busy = ref(false);
    const problem = ref(null);
    const outcomes = ref([]);
    const actions = computed(() => [
      canAny(['ticket.assign', 'ticket.edit']) ? 'assign' : null,
      canAny(['ticket.edit', 'ticket.solve', 'ticket.reopen']) ? 'status' : null,
      can('ticket.edit') ? 'tag' : null,
      can('ticket.close') ? 'close' : null,
    ].filter(Boolean));
    const agents = computed(() => agentsOf(values.groupId));
    const ready = computed(() => {
      if (action.value === 'assign') return !!(values.assigneeId || values.groupId);
      if (action.value === 'tag') return !!values.tags.trim();
      return true;
    });
    const numberOf = (id) => {
      const item = (props.items || []).find((i) => i.id === id);
      return item ? item.number : '#' + id;
    };

    async function apply() {
      if (!ready.value || busy.value) return;
      busy.value = true;
      problem.value = null;
      outcomes.value = [];
      try {
        const answer = await post('/api/v1/tickets/bulk', bulkBody(props.ids.slice(), action.value, values));
        outcomes.value = bulkOutcomes(answer).map((o) => Object.assign(o, { number: numberOf(o.id) }));
        emit('done');
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { action, values, busy, problem, outcomes, actions, agents, ready, apply, ticketOptions, STATUSES,
      PENDING_ON, t };
  },
  template: `
    <form class="card bulk-bar" id="ticket-bulk" @submit.prevent="apply">
      <div class="toolbar">
        <strong class="bulk-count" id="ticket-bulk-count">{{ t('tickets.bulk.chosen', { count: ids.length }) }}</strong>
        <div>
          <label for="bulk-action">{{ t('tickets.bulk.action') }}</label>
          <select id="bulk-action" v-model="action">
            <option v-for="a in actions" :key="a" :value="a">{{ t('tickets.bulk.' + a) }}</option>
          </select>
        </div>
        <template v-if="action === 'assign'">
          <div>
            <label for="bulk-group">{{ t('ticket.field.group') }}</label>
            <select id="bulk-group" v-model="values.groupId">
              <option value="">{{ t('tickets.keep') }}</option>
              <option v-for="g in ticketOptions.groups" :key="g.id" :value="String(g.id)">{{ g.name }}</option>
            </select>
          </div>
          <div>
            <label for="bulk-assignee">{{ t('ticket.field.assignee') }}</label>
            <select id="bulk-assignee" v-model="values.assigneeId">
              <option value="">{{ t('tickets.keep') }}</option>
              <option v-for="a in agents" :key="a.userId" :value="String(a.userId)">{{ a.displayName }}</option>
            </select>
          </div>
          <div class="grow">
            <label for="bulk-reason">{{ t('ticket.transfer.reason') }}</label>
            <input id="bulk-reason" type="text" v-model="values.reason" maxlength="500" :placeholder="t('tickets.bulk.reasonHint')">
          </div>
        </template>
        <template v-else-if="action === 'status'">
          <div>
            <label for="bulk-status">{{ t('ticket.field.status') }}</label>
            <select id="bulk-status" v-model="values.status">
              <option v-for="s in STATUSES.filter((s) => s !== 'NEW' && s !== 'CLOSED')" :key="s" :value="s">{{ t('ticket.status.' + s) }}</option>
            </select>
          </div>
          <div v-if="values.status === 'PENDING'">
            <label for="bulk-pending-on">{{ t('ticket.field.pendingOn') }}</label>
            <select id="bulk-pending-on" v-model="values.pendingOn">
              <option v-for="p in PENDING_ON" :key="p" :value="p">{{ t('ticket.pendingOn.' + p) }}</option>
            </select>
          </div>
        </template>
        <div v-else-if="action === 'tag'" class="grow">
          <label for="bulk-tags">{{ t('ticket.field.tags') }}</label>
          <input id="bulk-tags" type="text" v-model="values.tags" :placeholder="t('ticket.tagsHint')">
        </div>
        <div class="filter-actions">
          <button id="bulk-apply" class="primary" type="submit" :disabled="busy || !ready">{{ t('tickets.bulk.apply') }}</button>
          <button type="button" @click="$emit('clear')">{{ t('tickets.bulk.clear') }}</button>
        </div>
      </div>
      <ProblemMessage :problem="problem" />
      <ul v-if="outcomes.length" class="bulk-outcomes" id="ticket-bulk-outcomes">
        <li v-for="o in outcomes" :key="o.id" :data-outcome="o.ok ? 'ok' : 'failed'" :data-ticket="o.id">
          <span class="badge" :class="o.ok ? 'ok' : 'off'">{{ o.ok ? '✓' : '✕' }}</span>
          <strong>{{ o.number }}</strong> <span class="small">{{ o.text }}</span>
        </li>
      </ul>
    </form>`,
};
