// A ticket's history: every change with its actor and time, as a sentence per entry
// (values of status, priority and type translated; names as the server kept them).
import { t, tOr, formatInstant } from '../../../shared/js/i18n.js';

const ENUMS = { status: 'ticket.status.', priority: 'ticket.priority.', type: 'ticket.type.' };

/** A stored value for people: "PENDING (CUSTOMER)" -> "Pending (customer)". */
function value(field, raw) {
  if (raw === null || raw === undefined || raw === '') return '—';
  const prefix = ENUMS[field];
  if (!prefix) return raw;
  const match = /^([A-Z_]+)(?: \(([A-Z_]+)\))?$/.exec(raw);
  if (!match) return raw;
  const main = tOr(prefix + match[1], match[1]);
  return match[2] ? main + ' (' + tOr('ticket.pendingOn.' + match[2], match[2]) + ')' : main;
}

/** The detail for people: an origin or a channel translated, else as stored. */
function detail(entry) {
  const raw = entry.detail || '';
  if (entry.action === 'created') return tOr('ticket.origin.' + raw, raw);
  if (String(entry.action).startsWith('article.')) return tOr('ticket.article.via.' + raw, raw);
  return raw;
}

export function historyText(entry) {
  const field = entry.field ? tOr('ticket.field.' + entry.field, entry.field) : '';
  const params = { field, from: value(entry.field, entry.oldValue), to: value(entry.field, entry.newValue),
    detail: detail(entry) };
  const key = 'ticket.history.' + entry.action;
  const text = tOr(key, null);
  if (text === null) return t('ticket.history.other', { action: entry.action, field });
  return t(key, params);
}

export default {
  name: 'TicketHistoryList',
  props: { entries: Array, timeZone: String },
  setup() {
    return { historyText, formatInstant, t };
  },
  template: `
    <ol class="ticket-history card" id="ticket-history">
      <li v-for="entry in entries" :key="entry.id" :data-action="entry.action" :data-field="entry.field || ''">
        <time class="small muted" :datetime="entry.at">{{ formatInstant(entry.at, timeZone) }}</time>
        <span class="history-actor">{{ entry.actor }}</span>
        <span class="history-text">{{ historyText(entry) }}</span>
        <div v-if="entry.detail && (entry.action === 'transferred' || entry.action === 'assigned')" class="small muted history-reason">
          {{ t('ticket.history.reason', { reason: entry.detail }) }}</div>
      </li>
      <li v-if="!entries.length" class="muted small">{{ t('ticket.history.none') }}</li>
    </ol>`,
};
