// A small translated line above the composer: maintenance mode (the composer keeps its text;
// the connection comes back by itself when it is over), the last error (never a stack trace)
// or that the connection is being re-established.
import { computed, ref, watch, onBeforeUnmount } from 'vue';
import { t, tOr, tCount } from '../../shared/js/i18n.js';
import { state, dismissNotice } from './chat.js';
import { ICONS } from './icons.js';
import { fileSize } from './format.js';
import {
  maintenanceState, onMaintenanceChange, checkMaintenance, maintenanceSentence,
} from '../../shared/js/maintenance.js';

export function errorText(code, params) {
  const key = 'widget.error.' + code;
  const seconds = params && params.retryAfterSeconds;
  if (seconds && tOr(key + '.wait', null) !== null) {
    return tCount(key + '.wait', seconds, { seconds });
  }
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
    const maintenance = ref(maintenanceState());
    const stopMaintenance = onMaintenanceChange((changed) => { maintenance.value = changed; });
    checkMaintenance();
    const maintenanceText = computed(() => (maintenance.value.active
      ? [t('maintenance.banner'), maintenanceSentence(t, maintenance.value.reason), maintenance.value.message]
        .filter(Boolean).join(' ')
      : null));
    onBeforeUnmount(() => {
      clearTimeout(timer);
      stopMaintenance();
    });
    const message = computed(() => (state.notice ? errorText(state.notice.code, state.notice.params) : null));
    const showOffline = computed(() => offline.value && state.phase === 'ready' && !!state.conversation);
    return { state, message, showOffline, maintenance, maintenanceText, dismissNotice, t };
  },
  template: `
    <div class="pw-notices" aria-live="assertive">
      <div v-if="maintenanceText" id="maintenance-notice" class="pw-notice pw-offline" role="status"
           :data-reason="maintenance.reason">
        <span>{{ maintenanceText }}</span>
      </div>
      <div v-else-if="message" id="notice" class="pw-notice" role="alert" :data-code="state.notice.code">
        <span>{{ message }}</span>
        <button type="button" class="pw-icon-button" @click="dismissNotice" :aria-label="t('widget.dismiss')"
                :title="t('widget.dismiss')">${ICONS.close}</button>
      </div>
      <div v-else-if="showOffline" id="reconnecting" class="pw-notice pw-offline" role="status">
        <span class="pw-spinner small" aria-hidden="true"></span><span>{{ t('widget.reconnecting') }}</span>
      </div>
    </div>`,
};
