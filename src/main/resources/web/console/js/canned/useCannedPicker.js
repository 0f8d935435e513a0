// The canned-response picker of a text box, shared by the inbox's reply box and the ticket
// composer: "/" at the start of a word (or the canned button) opens a list filtered by what
// follows the slash; arrows move, Enter or Tab picks, Escape closes. Picking replaces
// "/shortcut" (or the selection, from the button) with the response, its placeholders
// ({customer.name}, {agent.name}) filled in.
import { reactive, computed, nextTick } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { session } from '../session.js';
import { canned, loadCanned, filterCanned, fillPlaceholders, preview } from './cannedStore.js';

const PICKER_SIZE = 8;
const SLASH = /(^|\s)\/([A-Za-z0-9_-]{0,32})$/;

/**
 * @param text the box's text (a ref)
 * @param box the textarea (a ref)
 * @param filter the picker's filter field, shown when opened by the button (a ref)
 * @param options customerName: () => the customer's name; inserted: () => after a pick
 */
export function useCannedPicker(text, box, filter, options) {
  const settings = options || {};
  // mode: 'slash' (typed "/..." in the text) or 'button' (the canned button; a filter field).
  const pick = reactive({ open: false, mode: 'slash', start: 0, end: 0, query: '', active: 0 });
  let dismissedAt = -1;
  // The list is loaded once per page; each box asks again the first time its picker opens.
  let refreshed = false;

  const matches = computed(() => filterCanned(canned.items, pick.query).slice(0, PICKER_SIZE));
  const pickItems = computed(() => matches.value.map((item, index) => ({
    index, key: item.shortcut, primary: '/' + item.shortcut, secondary: item.title || '', detail: preview(item.text, 90),
  })));
  const pickEmpty = computed(() => {
    if (canned.loading && !canned.loaded) return t('inbox.loading');
    if (canned.problem && !canned.loaded) return t('canned.unavailable');
    return canned.items.length ? t('canned.noMatch') : t('canned.noneYet');
  });

  function refreshCanned() {
    loadCanned(!refreshed);
    refreshed = true;
  }

  function closePicker() {
    pick.open = false;
    pick.query = '';
    pick.active = 0;
  }

  /** The "/word" right before the caret, if the caret is there (no selection). */
  function slashAtCaret() {
    const element = box.value;
    if (!element || element.selectionStart !== element.selectionEnd) return null;
    const caret = element.selectionStart;
    const match = SLASH.exec(text.value.slice(0, caret));
    if (!match) return null;
    return { start: caret - match[2].length - 1, end: caret, query: match[2] };
  }

  /** Opens, follows or closes the picker after the text or the caret changed. */
  function updatePicker() {
    if (pick.open && pick.mode === 'button') return;
    const found = slashAtCaret();
    if (!found || found.start === dismissedAt) {
      if (!found) dismissedAt = -1;
      if (pick.open) closePicker();
      return;
    }
    if (!pick.open || pick.query !== found.query) pick.active = 0;
    pick.mode = 'slash';
    pick.start = found.start;
    pick.end = found.end;
    pick.query = found.query;
    if (!pick.open) {
      pick.open = true;
      refreshCanned();
    }
  }

  /** Puts the response at `index` of the matches in place of "/shortcut" (or at the caret). */
  function choose(index) {
    const response = matches.value[index];
    if (!response) return;
    const filled = fillPlaceholders(response.text, {
      'customer.name': settings.customerName ? settings.customerName() || '' : '',
      'agent.name': session.me ? session.me.user.displayName : '',
    });
    const start = Math.min(pick.start, text.value.length);
    const end = Math.min(Math.max(pick.end, start), text.value.length);
    text.value = text.value.slice(0, start) + filled + text.value.slice(end);
    const caret = start + filled.length;
    closePicker();
    dismissedAt = -1;
    nextTick(() => {
      const element = box.value;
      if (!element) return;
      element.focus();
      element.setSelectionRange(caret, caret);
      if (settings.inserted) settings.inserted();
    });
  }

  function choosePicked(item) {
    choose(item.index);
  }

  /** Arrow keys, Enter/Tab and Escape while the picker is open; true when the key was used. */
  function pickerKey(event) {
    if (!pick.open || event.isComposing || event.keyCode === 229) return false;
    const count = matches.value.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return false;
        pick.active = (pick.active + 1) % count;
        return true;
      case 'ArrowUp':
        if (!count) return false;
        pick.active = (pick.active - 1 + count) % count;
        return true;
      case 'Enter':
      case 'Tab':
        if (!count || event.shiftKey) return false;
        choose(Math.min(pick.active, count - 1));
        return true;
      case 'Escape':
        if (pick.mode === 'slash') dismissedAt = pick.start;
        closePicker();
        if (box.value) box.value.focus();
        return true;
      default:
        return false;
    }
  }

  function onCaretMove(event) {
    if (event && ['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key)) return;
    updatePicker();
  }

  function onFilterKeydown(event) {
    if (pickerKey(event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function onFilterInput(event) {
    pick.query = event.target.value;
    pick.active = 0;
  }

  /** The focus left the box or the filter: close unless it went to the other one. */
  function closeUnlessFocused() {
    const active = document.activeElement;
    if (pick.open && active !== box.value && active !== filter.value) closePicker();
  }

  /** The canned button: the picker with a filter field, inserting at the caret. */
  function togglePicker() {
    if (pick.open && pick.mode === 'button') {
      closePicker();
      if (box.value) box.value.focus();
      return;
    }
    const element = box.value;
    const caret = element ? element.selectionStart : text.value.length;
    const end = element ? element.selectionEnd : caret;
    pick.mode = 'button';
    pick.start = caret;
    pick.end = end;
    pick.query = '';
    pick.active = 0;
    pick.open = true;
    refreshCanned();
    nextTick(() => filter.value && filter.value.focus());
  }

  return { pick, pickItems, pickEmpty, updatePicker, pickerKey, onCaretMove, onFilterKeydown, onFilterInput,
    closeUnlessFocused, togglePicker, choosePicked, closePicker };
}
