// Desktop notifications on or off, under the conversation lists. The browser is asked for
// permission only from this button (never on page load); a refusal is shown, not asked again.
import { t } from '../../../shared/js/i18n.js';
import { desktop, enableDesktopNotifications, disableDesktopNotifications } from './attention.js';

export default {
  name: 'NotificationSwitch',
  setup() {
    return { desktop, enable: enableDesktopNotifications, disable: disableDesktopNotifications, t };
  },
  template: `
    <div v-if="desktop.permission !== 'unsupported'" class="notify-switch small" id="desktop-notifications"
      :data-permission="desktop.permission" :data-on="desktop.on && desktop.permission === 'granted'">
      <span v-if="desktop.permission === 'denied'" class="muted">{{ t('inbox.notify.blocked') }}</span>
      <template v-else-if="desktop.on && desktop.permission === 'granted'">
        <span class="muted">{{ t('inbox.notify.isOn') }}</span>
        <button type="button" class="link" id="notify-off" @click="disable">{{ t('inbox.notify.turnOff') }}</button>
      </template>
      <button v-else type="button" class="link" id="notify-on" @click="enable">{{ t('inbox.notify.turnOn') }}</button>
    </div>`,
};
