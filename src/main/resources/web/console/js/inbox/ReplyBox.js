// The agent's reply box: Enter sends, Shift+Enter starts a new line; files come from the
// attach button or from pasting; typing is announced at most every 3 s and withdrawn after
// 4 s without a key (or when the text is sent).
// Canned responses: "/" at the start of a word (or the canned button) opens a picker filtered
// by what follows the slash (canned/useCannedPicker.js, shared with the ticket composer);
// picking replaces "/shortcut" with the response, {customer.name} and {agent.name} filled in.
import { ref, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { useCannedPicker } from '../canned/useCannedPicker.js';
import { PaperClip } from './icons.js';
import PickList from './PickList.js';
import EmojiPicker from '../../../shared/js/EmojiPicker.js';

const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 4000;

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
    let typing = false;
    let lastTypingAt = 0;
    let idleTimer = null;

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

    const { pick, pickItems, pickEmpty, updatePicker, pickerKey, onCaretMove, onFilterKeydown, onFilterInput,
      closeUnlessFocused, togglePicker, choosePicked, closePicker } = useCannedPicker(text, box, filter,
      { customerName: () => props.customerName, inserted: announceTyping });

    function onInput() {
      announceTyping();
      updatePicker();
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

    let blurTimer = null;
    function onBlur() {
      clearTimeout(blurTimer);
      blurTimer = setTimeout(closeUnlessFocused, 150);
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
