// The agent's reply box: Enter sends, Shift+Enter starts a new line; files come from the
// attach button or from pasting; typing is announced at most every 3 s and withdrawn after
// 4 s without a key (or when the text is sent).
// Canned responses: "/" at the start of a word (or the canned button) opens a picker filtered
// by what follows the slash; arrows move, Enter or Tab picks, Escape closes. Picking replaces
// "/shortcut" with the response, {customer.name} and {agent.name} filled in.
import { ref, reactive, computed, nextTick, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { session } from '../session.js';
import { canned, loadCanned, filterCanned, fillPlaceholders, preview } from '../canned/cannedStore.js';
import { PaperClip } from './icons.js';
import PickList from './PickList.js';
import EmojiPicker from '../../../shared/js/EmojiPicker.js';

const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 4000;
const PICKER_SIZE = 8;
const SLASH = /(^|\s)\/([A-Za-z0-9_-]{0,32})$/;

export default {
  name: 'ReplyBox',
  components: { PaperClip, PickList, EmojiPicker },
  props: { disabled: Boolean, maxLength: { type: Number, default: 4000 }, customerName: String },
  emits: ['send', 'files', 'typing'],
  setup(props, { emit }) {
    const text = ref('');
    const picker = ref(null);
    const box = ref(null);
    const filter = ref(null);
    // mode: 'slash' (typed "/..." in the text) or 'button' (the canned button; a filter field).
    const pick = reactive({ open: false, mode: 'slash', start: 0, end: 0, query: '', active: 0 });
    let dismissedAt = -1;
    // The list is loaded once per page; each reply box asks again the first time its picker opens.
    let refreshed = false;
    let typing = false;
    let lastTypingAt = 0;
    let idleTimer = null;

    const matches = computed(() => filterCanned(canned.items, pick.query).slice(0, PICKER_SIZE));
    const pickItems = computed(() => matches.value.map((item, index) => ({
      index, key: item.shortcut, primary: '/' + item.shortcut, secondary: item.title || '', detail: preview(item.text, 90),
    })));
    const pickEmpty = computed(() => {
      if (canned.loading && !canned.loaded) return t('inbox.loading');
      if (canned.problem && !canned.loaded) return t('canned.unavailable');
      return canned.items.length ? t('canned.noMatch') : t('canned.noneYet');
    });

    function stopTyping() {
      clearTimeout(idleTimer);
      idleTimer = null;
      if (typing) emit('typing', false);
      typing = false;
    }

    function announceTyping() {
      if (!text.value.trim()) {
        stopTyping();
        return;
      }
      const now = Date.now();
      if (!typing || now - lastTypingAt >= TYPING_REPEAT_MS) {
        typing = true;
        lastTypingAt = now;
        emit('typing', true);
      }
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
    }

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

    function onInput() {
      announceTyping();
      updatePicker();
    }

    /** Puts the response at `index` of the matches in place of "/shortcut" (or at the caret). */
    function choose(index) {
      const response = matches.value[index];
      if (!response) return;
      const filled = fillPlaceholders(response.text, {
        'customer.name': props.customerName || '',
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
        announceTyping();
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

    function onKeydown(event) {
      if (pickerKey(event)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      submit();
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

    let blurTimer = null;
    function onBlur() {
      clearTimeout(blurTimer);
      blurTimer = setTimeout(() => {
        const active = document.activeElement;
        if (pick.open && active !== box.value && active !== filter.value) closePicker();
      }, 150);
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

    function submit() {
      const value = text.value.trim();
      if (!value || props.disabled) return;
      stopTyping();
      closePicker();
      emit('send', value);
      text.value = '';
      if (box.value) box.value.focus();
    }

    function onPaste(event) {
      const data = event.clipboardData;
      if (!data) return;
      let files = Array.from(data.files || []);
      if (!files.length && data.items) {
        files = Array.from(data.items).filter((item) => item.kind === 'file').map((item) => item.getAsFile()).filter(Boolean);
      }
      if (!files.length) return;
      event.preventDefault();
      emit('files', files);
    }

    function onPicked(event) {
      const files = Array.from(event.target.files || []);
      event.target.value = '';
      if (files.length) emit('files', files);
    }

    function focus() {
      if (box.value) box.value.focus();
    }

    onBeforeUnmount(() => {
      clearTimeout(blurTimer);
      stopTyping();
    });

    return { text, picker, box, filter, pick, pickItems, pickEmpty, onInput, onKeydown, onCaretMove, onFilterKeydown,
      onFilterInput, onBlur, onPaste, onPicked, submit, focus, togglePicker, choosePicked, closePicker, t };
  },
  template: `
    <form class="reply" @submit.prevent="submit">
      <PickList v-if="pick.open" id="canned-picker" class="canned-picker" attr="canned" :items="pickItems" :active="pick.active"
        :label="t('canned.pickerLabel')" :empty="pickEmpty" @pick="choosePicked" @hover="pick.active = $event">
        <div class="suggest-head">
          <span class="small muted">{{ t('canned.pickerLabel') }}</span>
          <input v-if="pick.mode === 'button'" id="canned-filter" ref="filter" type="search" autocomplete="off"
            :value="pick.query" :placeholder="t('canned.filterHint')" :aria-label="t('canned.filterHint')"
            @input="onFilterInput" @keydown="onFilterKeydown" @blur="onBlur">
          <span v-else class="small muted">{{ t('canned.pickerKeys') }}</span>
        </div>
      </PickList>
      <label for="reply-box" class="visually-hidden">{{ t('inbox.reply') }}</label>
      <textarea id="reply-box" ref="box" v-model="text" rows="3" :maxlength="maxLength" :placeholder="t('inbox.replyHint')"
        aria-autocomplete="list" :aria-expanded="pick.open ? 'true' : 'false'" :aria-controls="pick.open ? 'canned-picker' : null"
        @input="onInput" @keydown="onKeydown" @keyup="onCaretMove" @click="onCaretMove()" @blur="onBlur" @paste="onPaste"></textarea>
      <div class="reply-actions">
        <input id="reply-attach" ref="picker" type="file" multiple hidden @change="onPicked">
        <button id="reply-attach-button" type="button" :disabled="disabled" :title="t('inbox.attachHint')"
          @click="picker && picker.click()"><PaperClip /> {{ t('inbox.attach') }}</button>
        <button id="reply-canned-button" type="button" :disabled="disabled" :title="t('canned.buttonHint')"
          :aria-expanded="pick.open && pick.mode === 'button' ? 'true' : 'false'" @mousedown.prevent
          @click="togglePicker">{{ t('canned.button') }}</button>
        <EmojiPicker for="reply-box" :disabled="disabled" />
        <span class="muted small grow">{{ t('inbox.replyKeys') }}</span>
        <button id="reply-send" class="primary" type="submit" :disabled="disabled || !text.trim()">{{ t('inbox.send') }}</button>
      </div>
    </form>`,
};
