// The one dialog of the console: a titled box over a dimmed page (role="dialog",
// aria-modal, labelled by its title) that keeps the keyboard inside while open, closes on
// Escape or its ✕, and gives the focus back to whatever opened it (focusTrap.js).
// Attributes (class, id) go to the box: <ModalDialog class="channel-dialog" :title="...">.
import { ref, onMounted, onBeforeUnmount } from 'vue';
import { t } from './i18n.js';
import { trapFocus } from './focusTrap.js';

let dialogs = 0;

export default {
  name: 'ModalDialog',
  inheritAttrs: false,
  props: {
    title: { type: String, required: true },
    /** id of the title element (kept stable for tests and links); generated when absent. */
    titleId: { type: String, default: null },
    /** a selector of the control to focus first. */
    initialFocus: { type: String, default: null },
  },
  emits: ['close'],
  setup(props, { emit }) {
    const box = ref(null);
    dialogs += 1;
    const headingId = props.titleId || 'dialog-title-' + dialogs;
    let release = null;
    onMounted(() => {
      release = trapFocus(box.value, { onEscape: () => emit('close'), initial: props.initialFocus });
    });
    onBeforeUnmount(() => {
      if (release) release();
    });
    return { box, headingId, t };
  },
  template: `
    <div class="overlay">
      <div ref="box" class="dialog" v-bind="$attrs" role="dialog" aria-modal="true" :aria-labelledby="headingId"
        tabindex="-1">
        <header>
          <h2 :id="headingId">{{ title }}</h2>
          <button class="link" type="button" data-dialog-close @click="$emit('close')" :aria-label="t('action.close')">✕</button>
        </header>
        <slot />
      </div>
    </div>`,
};
