// A ticket's SLA due times: its clocks (the `sla` part of the ticket, when SLA policies
// apply: first response, next response, solution, each running, paused, met or breached)
// and the nearest due time (`slaDueAt`), red when overdue and amber when due soon.
import { computed } from 'vue';
import { t, tOr, formatInstant } from '../../../shared/js/i18n.js';
import { dueState } from './ticketQuery.js';

export default {
  name: 'TicketSla',
  props: { ticket: Object, timeZone: String },
  setup(props) {
    const clocks = computed(() => {
      const sla = props.ticket.sla;
      const list = Array.isArray(sla) ? sla : (sla && (sla.clocks || sla.targets)) || [];
      return list.map((c) => ({ target: c.target, state: c.state, dueAt: c.dueAt, metAt: c.metAt,
        breachedAt: c.breachedAt }));
    });
    const policy = computed(() => {
      const sla = props.ticket.sla;
      return sla && !Array.isArray(sla) && sla.policy ? (sla.policy.name || sla.policy) : null;
    });
    const shown = computed(() => clocks.value.length > 0 || !!props.ticket.slaDueAt);
    const stateOf = (c) => (c.state === 'BREACHED' ? 'overdue' : c.state === 'RUNNING' ? dueState(c.dueAt) : '');
    return { clocks, policy, shown, stateOf, dueState, formatInstant, tOr, t };
  },
  template: `
    <section class="card ticket-sla" id="ticket-sla" v-if="shown">
      <h2>{{ t('ticket.sla.title') }}</h2>
      <p v-if="policy" class="small muted">{{ policy }}</p>
      <p v-if="ticket.slaDueAt" class="sla-next">{{ t('ticket.sla.next') }}
        <span class="due" id="ticket-sla-due" :class="dueState(ticket.slaDueAt)" :data-due="dueState(ticket.slaDueAt) || 'ok'">{{ formatInstant(ticket.slaDueAt, timeZone) }}</span></p>
      <ul class="plain-list sla-clocks" v-if="clocks.length">
        <li v-for="c in clocks" :key="c.target" :data-target="c.target" :data-state="c.state">
          <strong>{{ tOr('ticket.sla.target.' + c.target, c.target) }}</strong>
          <span class="badge" :class="{ ok: c.state === 'MET', off: c.state === 'BREACHED', warn: c.state === 'PAUSED' }">{{ tOr('ticket.sla.state.' + c.state, c.state) }}</span>
          <div class="small"><span class="due" :class="stateOf(c)">{{ c.dueAt ? formatInstant(c.dueAt, timeZone) : '—' }}</span>
            <span v-if="c.metAt" class="muted"> · {{ t('ticket.sla.metAt', { at: formatInstant(c.metAt, timeZone) }) }}</span></div>
        </li>
      </ul>
    </section>`,
};
