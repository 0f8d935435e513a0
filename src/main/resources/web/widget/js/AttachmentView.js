// A file in the conversation. Its URLs need the visitor header, so they are fetched here and
// shown through object URLs: images as thumbnails (a click opens them larger), other files as
// a download link with name and size.
import { ref, computed, onMounted } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { objectUrl, dataUrl } from './visitorApi.js';
import { fileSize } from './format.js';
import { state, showNotice } from './chat.js';
import { ICONS } from './icons.js';

const MAX_THUMB = 220;

/** Saves a protected file under its own name. */
export async function download(attachment) {
  try {
    const href = await objectUrl(attachment.url);
    const link = document.createElement('a');
    link.href = href;
    link.download = attachment.name || 'file';
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } catch (problem) {
    showNotice((problem && problem.code) || 'network');
  }
}

export default {
  name: 'AttachmentView',
  props: { attachment: { type: Object, required: true } },
  setup(props) {
    const src = ref(null);
    const failed = ref(false);
    const fellBack = ref(false);
    const isImage = computed(() => !!props.attachment.image && !!(props.attachment.thumbnailUrl || props.attachment.url));
    const box = computed(() => {
      const width = Number(props.attachment.width) || 0;
      const height = Number(props.attachment.height) || 0;
      if (!width || !height) return { width: MAX_THUMB + 'px', height: '140px' };
      const scale = Math.min(1, MAX_THUMB / width, MAX_THUMB / height);
      return { width: Math.max(48, Math.round(width * scale)) + 'px', height: Math.max(48, Math.round(height * scale)) + 'px' };
    });
    const size = computed(() => fileSize(props.attachment.size));
    const thumbUrl = () => props.attachment.thumbnailUrl || props.attachment.url;

    onMounted(async () => {
      if (!isImage.value) return;
      try {
        src.value = await objectUrl(thumbUrl());
      } catch {
        failed.value = true;
      }
    });

    async function imageError() {
      // A page whose CSP refuses blob: images still accepts data: ones.
      if (fellBack.value) {
        failed.value = true;
        return;
      }
      fellBack.value = true;
      try {
        src.value = await dataUrl(thumbUrl());
      } catch {
        failed.value = true;
      }
    }

    function enlarge() {
      state.lightbox = { url: props.attachment.url, name: props.attachment.name, attachment: props.attachment };
    }

    return { src, failed, isImage, box, size, imageError, enlarge, save: () => download(props.attachment), t };
  },
  template: `
    <div class="pw-attachment">
      <button v-if="isImage && !failed" type="button" class="pw-thumb" :style="box" @click="enlarge"
              :aria-label="t('widget.attachment.open', { name: attachment.name })">
        <img v-if="src" :src="src" :alt="attachment.name" @error="imageError">
        <span v-else class="pw-spinner" aria-hidden="true"></span>
      </button>
      <a v-else class="pw-file" href="#" @click.prevent="save" :title="t('widget.attachment.download')">
        <span class="pw-file-icon">${ICONS.file}</span>
        <span class="pw-file-meta">
          <span class="pw-file-name">{{ attachment.name }}</span>
          <span class="pw-file-size">{{ size }} · {{ t('widget.attachment.download') }}</span>
        </span>
      </a>
    </div>`,
};
