// The chat frame: header, transcript (with greeting, pre-chat form, rating), notices and the
// composer; or a short line when the channel is unavailable or the start failed.
import { computed, watch } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, showPrechat, showLeaveMessage, restart } from './chat.js';
import ChatHeader from './ChatHeader.js';
import MessageList from './MessageList.js';
import Composer from './Composer.js';
import NoticeBar, { errorText } from './NoticeBar.js';
import ImageViewer from './ImageViewer.js';

export default {
  name: 'WidgetApp',
  components: { ChatHeader, MessageList, Composer, NoticeBar, ImageViewer },
  setup() {
    const brand = computed(() => {
      const color = state.channel && state.channel.color;
      return /^#[0-9a-fA-F]{6}$/.test(color || '') ? color : null;
    });
    const brandStyle = computed(() => (brand.value ? { '--brand': brand.value, '--brand-text': contrastText(brand.value) } : {}));
    watch(() => state.channel && state.channel.title, (name) => {
      document.title = name ? name + ' \u00b7 ' + t('widget.title') : t('widget.title');
    });
    const failureText = computed(() => errorText(state.failure || 'network', state.failureParams));
    return { state, showPrechat, showLeaveMessage, brandStyle, failureText, restart, t };
  },
  template: `
    <div class="pw-app" :style="brandStyle" :data-phase="state.phase">
      <template v-if="state.phase === 'unavailable'">
        <ChatHeader />
        <div id="unavailable" class="pw-center">
          <p>{{ t('widget.unavailable') }}</p>
        </div>
      </template>
      <template v-else-if="state.phase === 'failed'">
        <ChatHeader />
        <div id="failed" class="pw-center">
          <p>{{ t('widget.failed') }}</p>
          <p class="pw-muted">{{ failureText }}</p>
          <button id="retry" type="button" class="pw-primary" @click="restart">{{ t('widget.retry') }}</button>
        </div>
      </template>
      <template v-else-if="state.blocked">
        <ChatHeader />
        <div id="blocked" class="pw-center" role="status">
          <p>{{ t('widget.blocked') }}</p>
        </div>
      </template>
      <template v-else-if="state.phase === 'loading' && !state.channel">
        <div class="pw-center" :aria-label="t('widget.loading')"><span class="pw-spinner" aria-hidden="true"></span></div>
      </template>
      <template v-else>
        <ChatHeader />
        <MessageList />
        <NoticeBar />
        <Composer v-if="!showPrechat && !showLeaveMessage" />
      </template>
      <ImageViewer v-if="state.lightbox" />
    </div>`,
};

/** Black or white text, whichever reads better on the brand colour. */
function contrastText(hex) {
  const channel = (index) => {
    const value = parseInt(hex.substring(index, index + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.45 ? '#111827' : '#ffffff';
}
