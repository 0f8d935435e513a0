// The banner on every console page while an alert fires, for those who monitor the system:
// how many, the worst, and a link to the status screen. Acknowledged alerts leave it.
import { computed, onMounted, onBeforeUnmount } from 'vue';
import { t, tCount } from '../../../shared/js/i18n.js';
import { alertState, refreshAlerts } from '../status/alertState.js';
import { metricName } from '../status/units.js';

const CHECK_MILLIS = 30000;

export default {
  name: 'AlertBanner',
  setup() {
    let timer = null;
    const open = computed(() => alertState.firing.filter((alert) => !alert.acknowledgedAt));
    const worst = computed(() => open.value.find((alert) => alert.severity === 'CRITICAL') || open.value[0]);
    onMounted(() => {
      refreshAlerts();
      timer = setInterval(refreshAlerts, CHECK_MILLIS);
    });
    onBeforeUnmount(() => clearInterval(timer));
    return { t, tCount, open, worst, metricName };
  },
  template: `
    <div v-if="open.length" id="alert-banner" class="alert-banner" :class="worst.severity === 'CRITICAL' ? 'critical' : ''" role="alert">
      <strong>{{ tCount('status.banner', open.length, { count: open.length }) }}</strong>
      <span>{{ metricName(worst.metric) }} · {{ t('monitoring.severity.' + worst.severity) }}</span>
      <router-link :to="{ name: 'status', query: { tab: 'alerts' } }" id="alert-banner-link">{{ t('status.banner.open') }}</router-link>
    </div>`,
};
