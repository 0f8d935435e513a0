// Notifications: the e-mail account (SMTP out, IMAP for customers' replies), the templates
// of every notification per language, and the delivery log. The tab lives in the address
// (?tab=templates).
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import MailAccountTab from './MailAccountTab.js';
import TemplatesTab from './TemplatesTab.js';
import DeliveryLogTab from './DeliveryLogTab.js';

const TABS = ['account', 'templates', 'log'];

export default {
  name: 'NotificationsView',
  components: { MailAccountTab, TemplatesTab, DeliveryLogTab },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const tab = computed(() => (TABS.includes(route.query.tab) ? route.query.tab : 'account'));

    function choose(name) {
      if (name === tab.value) return;
      router.replace({ name: 'notifications', query: name === 'account' ? {} : { tab: name } });
    }

    return { tab, tabs: TABS, choose, t };
  },
  template: `
    <div class="notifications">
      <h1>{{ t('notifications.title') }}</h1>
      <p class="muted">{{ t('notifications.intro') }}</p>
      <div class="tabs" role="tablist">
        <button v-for="name in tabs" :key="name" type="button" role="tab" :data-tab="name"
          :class="{ active: tab === name }" :aria-selected="tab === name" @click="choose(name)">{{ t('notifications.tab.' + name) }}</button>
      </div>
      <MailAccountTab v-if="tab === 'account'" />
      <TemplatesTab v-else-if="tab === 'templates'" />
      <DeliveryLogTab v-else />
    </div>`,
};
