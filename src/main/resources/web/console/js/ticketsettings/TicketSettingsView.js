// Ticket settings (ticket.manage): three tabs, the SLA policies (SlaPoliciesTab.js), the
// categories (CategoriesTab.js) and the custom fields (CustomFieldsTab.js).
import { ref } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import SlaPoliciesTab from './SlaPoliciesTab.js';
import CategoriesTab from './CategoriesTab.js';
import CustomFieldsTab from './CustomFieldsTab.js';

const TABS = ['sla', 'categories', 'fields'];

export default {
  name: 'TicketSettingsView',
  components: { SlaPoliciesTab, CategoriesTab, CustomFieldsTab },
  setup() {
    const tab = ref('sla');
    return { tab, tabs: TABS, t };
  },
  template: `
    <div class="ticket-settings">
      <h1>{{ t('nav.ticket-settings') }}</h1>
      <div class="tabs" role="tablist">
        <button v-for="name in tabs" :key="name" type="button" role="tab" :id="'ticket-settings-tab-' + name"
          :class="{ active: tab === name }" :aria-selected="tab === name" @click="tab = name">{{ t('ticketSettings.tab.' + name) }}</button>
      </div>
      <SlaPoliciesTab v-if="tab === 'sla'" />
      <CategoriesTab v-else-if="tab === 'categories'" />
      <CustomFieldsTab v-else />
    </div>`,
};
