// What the ticket screens offer to choose from: agents and groups (for the assignee and
// group pickers; whichever list the person may not read stays empty) and the categories
// (none when the server has no list of them). Read once per page.
import { reactive } from 'vue';
import { get } from '../../../shared/js/api.js';

export const ticketOptions = reactive({ agents: [], groups: [], categories: [], loaded: false });

let loading = null;

const list = (answer) => (Array.isArray(answer) ? answer : (answer && answer.items) || []);

/** Loads the lists unless loaded (never rejects). */
export function loadTicketOptions() {
  if (ticketOptions.loaded) return Promise.resolve(ticketOptions);
  if (loading) return loading;
  loading = Promise.all([
    get('/api/v1/agents').then(list).catch(() => []),
    get('/api/v1/groups').then(list).catch(() => []),
    get('/api/v1/ticket-categories').then(list).catch(() => []),
  ]).then(([agents, groups, categories]) => {
    ticketOptions.agents = agents.slice().sort((a, b) => String(a.displayName).localeCompare(String(b.displayName)));
    ticketOptions.groups = groups.slice().sort((a, b) => String(a.name).localeCompare(String(b.name)));
    ticketOptions.categories = categories;
    ticketOptions.loaded = true;
    return ticketOptions;
  }).finally(() => {
    loading = null;
  });
  return loading;
}

/** A staff member's name by id, from the agents list. */
export function staffName(id) {
  const agent = ticketOptions.agents.find((a) => a.userId === id);
  return agent ? agent.displayName : null;
}

/** The agents of a group (everyone when no group is chosen or its members are unknown). */
export function agentsOf(groupId) {
  if (!groupId) return ticketOptions.agents;
  const group = ticketOptions.groups.find((g) => String(g.id) === String(groupId));
  if (!group || !Array.isArray(group.members)) return ticketOptions.agents;
  const members = new Set(group.members.map((m) => (typeof m === 'object' ? m.userId ?? m.id : m)));
  return ticketOptions.agents.filter((a) => members.has(a.userId));
}
