// The banner on every console page while maintenance mode is on: why, and the operators'
// message. Learned at start, from the server every 30 s, from any 503 "maintenance" problem
// and from the chat socket's frame (shared/js/maintenance.js); gone when it is over.
import { ref, onMounted, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import {
  maintenanceState, onMaintenanceChange, checkMaintenance, maintenanceSentence,
} from '../../../shared/js/maintenance.js';

const CHECK_MILLIS = 30000;

export default {
  name: 'MaintenanceBanner',
  setup() {
    const state = ref(maintenanceState());
    let stop = null;
    let timer = null;
    onMounted(() => {
      stop = onMaintenanceChange((changed) => { state.value = changed; });
      checkMaintenance();
      timer = setInterval(() => { if (!state.value.active) checkMaintenance(); }, CHECK_MILLIS);
    });
    onBeforeUnmount(() => {
      if (stop) stop();
      clearInterval(timer);
    });
    return { state, t, sentence: () => maintenanceSentence(t, state.value.reason) };
  },
  template: `
    <div v-if="state.active" id="maintenance-banner" class="maintenance-banner" role="status" aria-live="polite"
      :data-reason="state.reason">
      <strong>{{ t('maintenance.banner') }}</strong>
      <span>{{ sentence() }}</span>
      <span v-if="state.message" class="maintenance-message">{{ t('maintenance.operatorMessage', { message: state.message }) }}</span>
    </div>`,
};
