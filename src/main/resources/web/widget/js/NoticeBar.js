// A small translated line above the composer: the last error (never a stack trace) or that
// the connection is being re-established.
import { computed, ref, watch, onBeforeUnmount } from 'vue';
import { t, tOr } from '../../shared/js/i18n.js';
import { state, dismissNotice } from './chat.js';
import { ICONS } from './icons.js';
import { fileSize } from './format.js';

export function errorText(code, params) {
  const key = 'widget.error.' + code;
  if (params && params.maxBytes && tOr(key + '.limit', null) !== null) {
    return t(key + '.limit', { size: fileSize(params.maxBytes) });
  }
  return tOr(key, t('widget.error.internal_error'));
}

export default {
  name: 'NoticeBar',
  setup() {
    // "Reconnecting" only after the connection has been away for a moment.
    const offline = ref(false);
    let timer = null;
    watch(() => state.connected, (connected) => {
      clearTimeout(timer);
      if (connected) offline.value = false;
      else timer = setTimeout(() => { offline.value = true; }, 4000);
    }, { immediate: true });
    onBeforeUnmount(() => clearTimeout(timer));
    const message = computed(() => (state.notice ? errorText(state.notice.code, state.notice.params) : null));
    const showOffline = computed(() => offline.value && state.phase === 'ready' && !!state.conversation);
    return { state, message, showOffline, dismissNotice, t };
  },
  template: `
    <div class="pw-notices" aria-live="assertive">
      <div v-if="message" id="notice" class="pw-notice" role="alert" :data-code="state.notice.code">
        <span>{{ message }}</span>
        <button type="button" class="pw-icon-button" @click="dismissNotice" :aria-label="t('widget.dismiss')"
                :title="t('widget.dismiss')">${ICONS.close}</button>
      </div>
      <div v-else-if="showOffline" id="reconnecting" class="pw-notice pw-offline" role="status">
        <span class="pw-spinner small" aria-hidden="true"></span><span>{{ t('widget.reconnecting') }}</span>
      </div>
    </div>`,
};
