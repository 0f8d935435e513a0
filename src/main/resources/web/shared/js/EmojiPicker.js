// A button that opens a small panel of common emoji, grouped in a few categories, for the
// text field whose id is given in `for` (the widget's composer, the console's reply box). A
// pick goes in at the caret (replacing a selection) as if typed, so v-model and the field's
// own input handlers see it. Keyboard: the arrow keys move through the grid, Home/End to its
// ends, Enter or Space picks, Tab reaches the category tabs, Escape closes and gives the focus
// back to the button; a click outside closes it too. The page's CSS styles .emoji-picker.
import { ref, computed, nextTick, onBeforeUnmount } from 'vue';
import { t } from './i18n.js';

/** Curated, not complete: what people use in a support chat, in a few groups. */
export const EMOJI = {
  smileys: ['😀', '😃', '😄', '😁', '😆', '😅', '😂', '🙂', '😉', '😊', '😇', '😍', '🤩', '😘', '😋', '😎',
    '🤔', '🤗', '😐', '😶', '🙄', '😏', '😌', '😴', '😮', '😲', '🥺', '😢', '😭', '😤', '😡', '🤯'],
  gestures: ['👍', '👎', '👌', '✌️', '🤞', '👏', '🙌', '👋', '🤝', '🙏', '💪', '👀', '🙋', '🤷', '🤦', '👉'],
  symbols: ['❤️', '🧡', '💛', '💚', '💙', '💜', '💔', '💯', '✅', '❌', '⚠️', '❓', '❗', '⭐', '✨', '🔥',
    '🎉', '🎁', '🎂', '☕', '🍵', '🌹', '☀️', '🌙'],
  objects: ['📦', '🚚', '✈️', '🛒', '💳', '💰', '🧾', '📄', '📎', '📷', '💻', '📱', '🔑', '🔒', '⏰', '📅'],
};

const CATEGORIES = Object.keys(EMOJI);
const COLUMNS = 8;

let instances = 0;

export default {
  name: 'EmojiPicker',
  props: {
    for: { type: String, required: true }, // the id of the textarea or input
    disabled: Boolean,
  },
  emits: ['picked'],
  setup(props, { emit }) {
    const open = ref(false);
    const category = ref(CATEGORIES[0]);
    const active = ref(0);
    const root = ref(null);
    const toggle = ref(null);
    const grid = ref(null);
    const panelId = 'emoji-panel-' + (instances += 1);
    const items = computed(() => EMOJI[category.value]);

    function field() {
      return document.getElementById(props.for);
    }

    function focusActive() {
      nextTick(() => {
        const buttons = grid.value ? grid.value.querySelectorAll('button') : [];
        if (buttons[active.value]) buttons[active.value].focus();
      });
    }

    function outside(event) {
      if (root.value && !root.value.contains(event.target)) close(false);
    }

    function show() {
      if (props.disabled) return;
      open.value = true;
      active.value = 0;
      document.addEventListener('pointerdown', outside, true);
      focusActive();
    }

    function close(giveFocusBack) {
      if (!open.value) return;
      open.value = false;
      document.removeEventListener('pointerdown', outside, true);
      if (giveFocusBack && toggle.value) toggle.value.focus();
    }

    function choose(category_) {
      category.value = category_;
      active.value = 0;
    }

    /** Puts the emoji in at the caret, as typing would, and keeps the panel open for more. */
    function pick(emoji) {
      const element = field();
      if (!element) return;
      const start = element.selectionStart ?? element.value.length;
      const end = element.selectionEnd ?? start;
      const max = element.maxLength > 0 ? element.maxLength : Infinity;
      if (element.value.length - (end - start) + emoji.length > max) return;
      element.setRangeText(emoji, start, end, 'end');
      element.dispatchEvent(new Event('input', { bubbles: true }));
      emit('picked', emoji);
    }

    function onGridKeydown(event) {
      const count = items.value.length;
      const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };
      if (event.key in moves) {
        event.preventDefault();
        active.value = Math.min(count - 1, Math.max(0, active.value + moves[event.key]));
        focusActive();
      } else if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault();
        active.value = event.key === 'Home' ? 0 : count - 1;
        focusActive();
      }
    }

    function onKeydown(event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close(true);
      }
    }

    onBeforeUnmount(() => document.removeEventListener('pointerdown', outside, true));

    return { open, category, active, root, toggle, grid, panelId, items, categories: CATEGORIES, show, close, choose,
      pick, onGridKeydown, onKeydown, t };
  },
  template: `
    <div class="emoji-picker" ref="root" @keydown="onKeydown">
      <button ref="toggle" type="button" class="emoji-toggle" :disabled="disabled" :title="t('emoji.open')"
        :aria-label="t('emoji.open')" aria-haspopup="dialog" :aria-expanded="open ? 'true' : 'false'"
        :aria-controls="open ? panelId : null" @click="open ? close(true) : show()"><span aria-hidden="true">🙂</span></button>
      <div v-if="open" :id="panelId" class="emoji-panel" role="dialog" :aria-label="t('emoji.label')">
        <div class="emoji-tabs" role="tablist" :aria-label="t('emoji.categories')">
          <button v-for="name in categories" :key="name" type="button" role="tab" class="emoji-tab"
            :aria-selected="name === category ? 'true' : 'false'" :data-emoji-category="name"
            :title="t('emoji.category.' + name)" @click="choose(name)">
            <span aria-hidden="true">{{ name === 'smileys' ? '😀' : name === 'gestures' ? '👍' : name === 'symbols' ? '❤️' : '📦' }}</span>
            <span class="emoji-sr">{{ t('emoji.category.' + name) }}</span>
          </button>
        </div>
        <div ref="grid" class="emoji-grid" role="group" :aria-label="t('emoji.category.' + category)" @keydown="onGridKeydown">
          <button v-for="(emoji, index) in items" :key="emoji" type="button" class="emoji-item" :data-emoji="emoji"
            :tabindex="index === active ? 0 : -1" @focus="active = index" @click="pick(emoji)">{{ emoji }}</button>
        </div>
      </div>
    </div>`,
};
