// The agent's reply box: Enter sends, Shift+Enter starts a new line; files come from the
// attach button or from pasting; typing is announced at most every 3 s and withdrawn after
// 4 s without a key (or when the text is sent).
import { ref, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { PaperClip } from './icons.js';

const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 4000;

export default {
  name: 'ReplyBox',
  components: { PaperClip },
  props: { disabled: Boolean, maxLength: { type: Number, default: 4000 } },
  emits: ['send', 'files', 'typing'],
  setup(props, { emit }) {
    const text = ref('');
    const picker = ref(null);
    const box = ref(null);
    let typing = false;
    let lastTypingAt = 0;
    let idleTimer = null;

    function stopTyping() {
      clearTimeout(idleTimer);
      idleTimer = null;
      if (typing) emit('typing', false);
      typing = false;
    }

    function onInput() {
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

    function submit() {
      const value = text.value.trim();
      if (!value || props.disabled) return;
      stopTyping();
      emit('send', value);
      text.value = '';
      if (box.value) box.value.focus();
    }

    function onKeydown(event) {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      submit();
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

    onBeforeUnmount(stopTyping);

    return { text, picker, box, onInput, onKeydown, onPaste, onPicked, submit, focus, t };
  },
  template: `
    <form class="reply" @submit.prevent="submit">
      <label for="reply-box" class="visually-hidden">{{ t('inbox.reply') }}</label>
      <textarea id="reply-box" ref="box" v-model="text" rows="3" :maxlength="maxLength" :placeholder="t('inbox.replyHint')"
        @input="onInput" @keydown="onKeydown" @paste="onPaste"></textarea>
      <div class="reply-actions">
        <input id="reply-attach" ref="picker" type="file" multiple hidden @change="onPicked">
        <button id="reply-attach-button" type="button" :disabled="disabled" :title="t('inbox.attachHint')"
          @click="picker && picker.click()"><PaperClip /> {{ t('inbox.attach') }}</button>
        <span class="muted small grow">{{ t('inbox.replyKeys') }}</span>
        <button id="reply-send" class="primary" type="submit" :disabled="disabled || !text.trim()">{{ t('inbox.send') }}</button>
      </div>
    </form>`,
};
