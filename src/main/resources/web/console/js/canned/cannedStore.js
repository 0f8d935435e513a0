// Canned responses of the signed-in person (personal, their groups', everyone's): loaded once
// and filtered in the browser; the management screen marks the list stale after a change.
// Also: filling the placeholders {customer.name} and {agent.name}.
import { reactive } from 'vue';
import { get } from '../../../shared/js/api.js';

export const canned = reactive({ items: [], loaded: false, loading: false, problem: null });

let loading = null;

/** Loads the list unless it is loaded already (force: load again). Never rejects. */
export function loadCanned(force) {
  if (canned.loaded && !force) return Promise.resolve(canned.items);
  if (loading) return loading;
  canned.loading = true;
  loading = get('/api/v1/canned-responses')
    .then((list) => {
      canned.items = Array.isArray(list) ? list : (list && list.items) || [];
      canned.problem = null;
      canned.loaded = true;
      return canned.items;
    })
    .catch((failure) => {
      canned.problem = failure;
      return canned.items;
    })
    .finally(() => {
      canned.loading = false;
      loading = null;
    });
  return loading;
}

/** The list changed elsewhere (created, edited, deleted): load it again next time. */
export function invalidateCanned() {
  canned.loaded = false;
}

/** Forget everything (another person may sign in next). */
export function forgetCanned() {
  canned.items = [];
  canned.loaded = false;
  canned.problem = null;
}

/**
 * The responses matching what follows the slash: shortcuts starting with it first, then
 * shortcuts, titles and texts containing it; everything (by shortcut) for an empty query.
 */
export function filterCanned(items, query) {
  const wanted = (query || '').trim().toLowerCase();
  const list = [...(items || [])].sort((a, b) => String(a.shortcut).localeCompare(String(b.shortcut)));
  if (!wanted) return list;
  const first = [];
  const second = [];
  for (const item of list) {
    const shortcut = String(item.shortcut || '').toLowerCase();
    if (shortcut.startsWith(wanted)) first.push(item);
    else if (shortcut.includes(wanted) || String(item.title || '').toLowerCase().includes(wanted)
      || String(item.text || '').toLowerCase().includes(wanted)) second.push(item);
  }
  return first.concat(second);
}

/** Fills {customer.name} and {agent.name} (unknown placeholders stay as they are). */
export function fillPlaceholders(text, values) {
  return String(text || '').replace(/\{(customer\.name|agent\.name)\}/g, (whole, name) => {
    const value = values ? values[name] : undefined;
    return value === undefined || value === null ? '' : String(value);
  });
}

/** One line of a response's text for lists. */
export function preview(text, length) {
  const flat = String(text || '').replace(/\s+/g, ' ').trim();
  const max = length || 80;
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
