// The @mention picker of a note box, shared by the inbox's note box and the ticket composer:
// typing "@" offers colleagues (/api/v1/colleagues: names and usernames of enabled staff, for
// whoever may write notes) and a pick inserts "@username ".
import { reactive, computed, nextTick } from 'vue';
import { get } from '../../../shared/js/api.js';
import { can } from '../session.js';

const SUGGESTIONS = 8;
const AT = /(^|[^A-Za-z0-9._@-])@([A-Za-z0-9._-]{0,64})$/;

/**
 * @param text the box's text (a ref)
 * @param box the textarea (a ref)
 */
export function useMentionPicker(text, box) {
  const mention = reactive({ open: false, start: 0, end: 0, query: '', active: 0, items: [], loading: false });
  let generation = 0;
  let searchTimer = null;
  let dismissedAt = -1;

  const pickItems = computed(() => mention.items.map((person, index) => ({
    index, key: person.username, primary: person.displayName || person.username, secondary: '@' + person.username,
  })));

  function closeMentions() {
    mention.open = false;
    mention.items = [];
    mention.active = 0;
    generation += 1;
    clearTimeout(searchTimer);
  }

  async function suggest(query) {
    const mine = ++generation;
    let people = [];
    try {
      const list = await get('/api/v1/colleagues', { q: query, limit: SUGGESTIONS });
      people = Array.isArray(list) ? list : [];
    } catch {
      people = [];
    }
    if (mine !== generation || !mention.open) return;
    mention.items = people.slice(0, SUGGESTIONS);
    if (mention.active >= mention.items.length) mention.active = 0;
    mention.loading = false;
  }

  /** Suggestions for whoever may write notes (the server refuses anyone else). */
  const canSuggest = can('conversation.reply') || can('conversation.view_all');

  function updateMentions() {
    if (!canSuggest) return;
    const element = box.value;
    if (!element || element.selectionStart !== element.selectionEnd) {
      if (mention.open) closeMentions();
      return;
    }
    const caret = element.selectionStart;
    const match = AT.exec(text.value.slice(0, caret));
    const start = match ? caret - match[2].length - 1 : -1;
    if (!match || start === dismissedAt) {
      if (!match) dismissedAt = -1;
      if (mention.open) closeMentions();
      return;
    }
    const changed = !mention.open || mention.query !== match[2];
    mention.start = start;
    mention.end = caret;
    mention.query = match[2];
    if (!mention.open) {
      mention.open = true;
      mention.items = [];
    }
    if (changed) {
      mention.active = 0;
      mention.loading = true;
      clearTimeout(searchTimer);
      const query = match[2];
      searchTimer = setTimeout(() => suggest(query), 150);
    }
  }

  function choose(index) {
    const person = mention.items[index];
    if (!person) return;
    const inserted = '@' + person.username + ' ';
    const start = Math.min(mention.start, text.value.length);
    const end = Math.min(Math.max(mention.end, start), text.value.length);
    const after = text.value.slice(end).replace(/^\s/, '');
    text.value = text.value.slice(0, start) + inserted + after;
    const caret = start + inserted.length;
    closeMentions();
    nextTick(() => {
      if (!box.value) return;
      box.value.focus();
      box.value.setSelectionRange(caret, caret);
    });
  }

  /** Arrows, Enter/Tab and Escape while the list is open; true when the key was used. */
  function mentionKey(event) {
    if (!mention.open || event.isComposing || event.keyCode === 229) return false;
    const count = mention.items.length;
    if (event.key === 'ArrowDown' && count) mention.active = (mention.active + 1) % count;
    else if (event.key === 'ArrowUp' && count) mention.active = (mention.active - 1 + count) % count;
    else if ((event.key === 'Enter' || event.key === 'Tab') && count && !event.shiftKey) choose(mention.active);
    else if (event.key === 'Escape') {
      dismissedAt = mention.start;
      closeMentions();
    } else return false;
    return true;
  }

  function onCaretMove(event) {
    if (event && ['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key)) return;
    updateMentions();
  }

  function dispose() {
    clearTimeout(searchTimer);
  }

  return { mention, pickItems, closeMentions, updateMentions, choose, mentionKey, onCaretMove, dispose };
}
