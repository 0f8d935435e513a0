// An image shown large over the chat, with a download button: a modal (focus kept inside,
// Escape closes it, focus goes back to the image that opened it).
import { ref, watch, onMounted, onBeforeUnmount } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { trapFocus } from '../../shared/js/focusTrap.js';
import { objectUrl, dataUrl } from './visitorApi.js';
import { state } from './chat.js';
import { download } from './AttachmentView.js';
import { ICONS } from './icons.js';

export default {
  name: 'ImageViewer',
  setup() {
    const src = ref(null);
    const failed = ref(false);
    let fellBack = false;

    async function show(box) {
      src.value = null;
      failed.value = false;
      fellBack = false;
      if (!box) return;
      try {
        src.value = await objectUrl(box.url);
      } catch {
        failed.value = true;
      }
    }
    watch(() => state.lightbox, show);
    onMounted(() => show(state.lightbox));

    async function imageError() {
      if (fellBack || !state.lightbox) {
        failed.value = true;
        return;
      }
      fellBack = true;
      try {
        src.value = await dataUrl(state.lightbox.url);
      } catch {
        failed.value = true;
      }
    }

    function close() {
      state.lightbox = null;
    }
    const box = ref(null);
    let release = null;
    onMounted(() => {
      release = trapFocus(box.value, { onEscape: close, initial: '#viewer-close' });
    });
    onBeforeUnmount(() => release && release());

    return { state, box, src, failed, imageError, close, save: () => download(state.lightbox.attachment), t };
  },
  template: `
    <div ref="box" class="pw-viewer" role="dialog" aria-modal="true" :aria-label="state.lightbox.name" tabindex="-1"
         @click.self="close">
      <div class="pw-viewer-bar">
        <span class="pw-viewer-name">{{ state.lightbox.name }}</span>
        <button type="button" class="pw-icon-button" @click="save" :aria-label="t('widget.attachment.download')"
                :title="t('widget.attachment.download')">${ICONS.download}</button>
        <button type="button" class="pw-icon-button" id="viewer-close" @click="close" :aria-label="t('widget.close')"
                :title="t('widget.close')">${ICONS.close}</button>
      </div>
      <img v-if="src && !failed" :src="src" :alt="state.lightbox.name" @error="imageError" @click="close">
      <p v-else-if="failed" class="pw-viewer-failed">{{ t('widget.error.network') }}</p>
      <span v-else class="pw-spinner" aria-hidden="true"></span>
    </div>`,
};
