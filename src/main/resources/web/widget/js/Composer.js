// Where the visitor writes: Enter sends, Shift+Enter starts a new line (and Enter while an
// input method is composing does neither); the paperclip (or pasting a file) sends a file.
import { ref, computed, watch, nextTick, onMounted } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, sendText, sendFile, typingInput, stopTyping } from './chat.js';
import { ICONS } from './icons.js';
import EmojiPicker from '../../shared/js/EmojiPicker.js';

const MAX_ROWS_HEIGHT = 120;

export default {
  name: 'Composer',
  components: { EmojiPicker },
  setup() {
    const text = ref('');
    const field = ref(null);
    const picker = ref(null);

    function grow() {
      const element = field.value;
      if (!element) return;
      element.style.height = 'auto';
      element.style.height = Math.min(MAX_ROWS_HEIGHT, element.scrollHeight) + 'px';
    }
    function focus() {
      nextTick(() => {
        if (field.value && window.matchMedia('(pointer: fine)').matches) field.value.focus({ preventScroll: true });
      });
    }
    watch(() => state.open, (open) => { if (open) focus(); });
    onMounted(() => { grow(); if (state.open) focus(); });

    async function send() {
      const value = text.value;
      if (!value.trim()) return;
      text.value = '';
      nextTick(grow);
      await sendText(value);
    }
    function keydown(event) {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      send();
    }
    function input() {
      grow();
      if (text.value.trim()) typingInput();
      else stopTyping();
    }
    function choose() {
      if (picker.value) picker.value.click();
    }
    function picked(event) {
      const files = Array.from(event.target.files || []);
      event.target.value = '';
      files.forEach((file) => sendFile(file));
    }
    function paste(event) {
      const files = Array.from((event.clipboardData && event.clipboardData.files) || []);
      if (!files.length) return;
      event.preventDefault();
      files.forEach((file) => sendFile(file));
    }
    const accept = computed(() => ((state.channel && state.channel.uploadExtensions) || []).join(','));
    return { state, text, field, picker, accept, send, keydown, input, choose, picked, paste, t };
  },
  template: `
    <form class="pw-composer" @submit.prevent="send">
      <label class="pw-sr" for="composer">{{ t('widget.composer.label') }}</label>
      <textarea id="composer" ref="field" v-model="text" rows="1" maxlength="4000" :placeholder="t('widget.composer.placeholder')"
                :disabled="state.phase !== 'ready'" @keydown="keydown" @input="input" @paste="paste"></textarea>
      <EmojiPicker for="composer" :disabled="state.phase !== 'ready'" />
      <input id="attach-input" ref="picker" type="file" class="pw-hidden-input" tabindex="-1" aria-hidden="true"
             :accept="accept || null" @change="picked">
      <button id="attach" type="button" class="pw-icon-button pw-attach" :disabled="state.phase !== 'ready'"
              :title="t('widget.attach')" :aria-label="t('widget.attach')" @click="choose">${ICONS.clip}</button>
      <button id="send" type="submit" class="pw-send" :disabled="state.phase !== 'ready' || !text.trim()"
              :title="t('widget.send')" :aria-label="t('widget.send')">${ICONS.send}</button>
    </form>`,
};
