// Small helpers of the team screens and the board: statuses, routing strategies, tags typed
// as comma-separated text, names of users by id. No Vue components here.
import { t, tOr } from '../../../shared/js/i18n.js';

export const STATUSES = ['online', 'away', 'offline'];
export const ROUTINGS = ['least_busy', 'round_robin', 'manual'];
export const MAX_CAPACITY = 50;
export const DEFAULT_CAPACITY = 5;

/** An agent status for people ("Online"); an unknown value stays as it is. */
export function statusLabel(status) {
  return tOr('agentStatus.' + status, status || '');
}

/** A routing strategy for people ("Least busy"). */
export function routingLabel(routing) {
  return tOr('team.groups.routing.' + routing, routing || '');
}

/** "zh, en ,EN" -> ["zh", "en", "EN"]: split on commas (also the full-width one), trimmed, no blanks or repeats. */
export function tagsFromText(text) {
  const tags = [];
  for (const part of String(text || '').split(/[,，、;；]/)) {
    const tag = part.trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

export function tagsToText(tags) {
  return (tags || []).join(', ');
}

/** A lookup from user id to the best name we know: display names of users and agents. */
export function nameIndex(...lists) {
  const names = new Map();
  for (const list of lists) {
    for (const person of list || []) {
      const id = person.userId !== undefined ? person.userId : person.id;
      if (id !== undefined && person.displayName && !names.has(id)) names.set(id, person.displayName);
    }
  }
  return names;
}

/** The name of a user by id, or "User #7" when we do not know it. */
export function userName(names, id) {
  return names.get(id) || t('team.unknownUser', { id });
}
