// The ticket list's side of the API (docs/api.md, "Tickets": finding tickets, counts, bulk
// changes, saved views): the standard views, the filter as a query string, one list item
// with whatever shape of reference the server sends ({ id, name } or a bare name), and the
// outcome of a bulk change per ticket. Only this file knows those shapes.
import { t, tOr } from '../../../shared/js/i18n.js';

/** The standard views in menu order; `count` is the field of GET /api/v1/tickets/counts. */
export const VIEWS = [
  { name: 'mine', count: 'mine' },
  { name: 'unassigned', count: 'unassigned' },
  { name: 'my_groups', count: 'my_groups' },
  { name: 'overdue', count: 'overdue' },
  { name: 'due_soon', count: 'due_soon' },
  { name: 'pending', count: 'pending' },
  { name: 'all', count: null },
];

export const STATUSES = ['NEW', 'OPEN', 'PENDING', 'SOLVED', 'CLOSED'];
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
export const TYPES = ['QUESTION', 'INCIDENT', 'COMPLAINT', 'REQUEST'];
export const PENDING_ON = ['CUSTOMER', 'THIRD_PARTY'];
/** Orders of the list: the value of `sort` ("-" first: descending). */
export const SORTS = ['-updated', 'updated', '-created', 'created', '-priority', 'due'];

/** Due within this long counts as "due soon" (amber) when the server does not say. */
const SOON_MS = 4 * 3600 * 1000;

/** An empty filter form. */
export function emptyFilter() {
  return { status: '', priority: '', type: '', assignee: '', group: '', tag: '', customer: '', q: '' };
}

/** The filter fields that hold a value (also what a saved view keeps). */
export function filterFields(form) {
  const fields = {};
  for (const [name, value] of Object.entries(form)) {
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text) fields[name] = text;
  }
  return fields;
}

/** A console order ("-updated") as the list's `sort` and `order` parameters. */
export function apiSort(sort) {
  if (!sort) return {};
  const descending = sort.startsWith('-');
  const name = descending ? sort.slice(1) : sort;
  if (name === 'due') return { sort: 'sla_due', order: 'asc' };
  return { sort: name, order: descending ? 'desc' : 'asc' };
}

/** The console order of a saved view's `sort` and `order`. */
export function consoleSort(filter) {
  if (!filter || !filter.sort) return null;
  if (filter.sort === 'sla_due') return 'due';
  return (filter.order === 'asc' ? '' : '-') + filter.sort;
}

/** View, filter, order and paging as the query of GET /api/v1/tickets. */
export function listQuery(view, form, sort, cursor) {
  const params = new URLSearchParams();
  if (view) params.set('view', view);
  for (const [name, value] of Object.entries(filterFields(form))) params.set(name, value);
  for (const [name, value] of Object.entries(apiSort(sort))) params.set(name, value);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', '50');
  return params.toString();
}

/** A reference as { id, name }: from { id, name }, { id, displayName } or a bare name. */
export function ref(value, name) {
  if (value && typeof value === 'object') {
    return { id: value.id ?? null, name: value.name || value.displayName || null };
  }
  if (value === null || value === undefined) return name ? { id: null, name } : null;
  return { id: typeof value === 'number' ? value : null, name: name || (typeof value === 'string' ? value : null) };
}

/** A list item as the list shows it. */
export function listItem(raw) {
  return {
    id: raw.id,
    number: raw.number,
    subject: raw.subject,
    status: raw.status,
    pendingOn: raw.pendingOn || null,
    priority: raw.priority,
    type: raw.type,
    customer: ref(raw.customer, raw.customerName),
    assignee: ref(raw.assignee, raw.assigneeName),
    group: ref(raw.group, raw.groupName),
    slaDueAt: raw.slaDueAt || raw.dueAt || null,
    updatedAt: raw.updatedAt,
    tags: raw.tags || [],
  };
}

/** "overdue", "soon" or "" for a due time (red, amber, plain). */
export function dueState(iso, now) {
  if (!iso) return '';
  const left = new Date(iso).getTime() - (now || Date.now());
  if (Number.isNaN(left)) return '';
  if (left < 0) return 'overdue';
  return left <= SOON_MS ? 'soon' : '';
}

/** The badge class of a status. */
export function statusClass(status) {
  switch (status) {
    case 'NEW': return 'new';
    case 'OPEN': return 'warn';
    case 'PENDING': return 'pending';
    case 'SOLVED': return 'ok';
    default: return '';
  }
}

/** A status for people, with what a pending ticket waits on. */
export function statusLabel(status, pendingOn) {
  const label = t('ticket.status.' + status);
  return status === 'PENDING' && pendingOn ? label + ' · ' + t('ticket.pendingOn.' + pendingOn) : label;
}

/** The body of POST /api/v1/tickets/bulk for one action on the chosen tickets. */
export function bulkBody(ids, action, values) {
  const body = { ids, action };
  if (action === 'assign') {
    if (values.assigneeId) body.assigneeId = Number(values.assigneeId);
    if (values.groupId) body.groupId = Number(values.groupId);
    if (values.reason) body.reason = values.reason;
  } else if (action === 'status') {
    body.status = values.status;
    if (values.status === 'PENDING' && values.pendingOn) body.pendingOn = values.pendingOn;
  } else if (action === 'tag') {
    body.add = String(values.tags || '').split(/[,，]/).map((tag) => tag.trim()).filter(Boolean);
  }
  return body;
}

/**
 * The outcome of a bulk change per ticket: [{ id, ok, text }], from
 * { results: [{ id, ok | status, code, problem }] } (or a bare list).
 */
export function bulkOutcomes(answer) {
  const list = Array.isArray(answer) ? answer : (answer && (answer.results || answer.items)) || [];
  return list.map((entry) => {
    const code = entry.code || (entry.outcome && entry.outcome !== 'ok' ? entry.outcome : null) || (entry.problem && entry.problem.code) || (entry.error && entry.error.code) || null;
    const ok = entry.outcome !== undefined ? entry.outcome === 'ok'
      : entry.ok !== undefined ? !!entry.ok
      : entry.status !== undefined ? (typeof entry.status === 'number' ? entry.status < 300 : entry.status === 'ok')
        : !code;
    return { id: entry.id ?? entry.ticketId, ok, text: ok ? t('tickets.bulk.done') : tOr('error.' + code, code || '') };
  });
}

/** A saved view's filter as the form's fields (whatever names the server kept). */
export function viewFilter(saved) {
  const filters = (saved && (saved.filters || saved.filter || saved.query)) || {};
  const form = emptyFilter();
  for (const name of Object.keys(form)) {
    const value = filters[name];
    if (value !== undefined && value !== null) form[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return form;
}
