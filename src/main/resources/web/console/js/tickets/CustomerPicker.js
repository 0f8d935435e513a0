// Picks a customer for a new ticket: a search field (GET /api/v1/customers?q=) with the
// first matches below it; the choice shows as a chip that can be cleared.
import { ref, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';

export default {
  name: 'CustomerPicker',
  props: { modelValue: Object },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const q = ref('');
    const found = ref([]);
    const searching = ref(false);
    const searched = ref(false);
    let timer = null;
    let generation = 0;

    function search() {
      clearTimeout(timer);
      const query = q.value.trim();
      if (!query) {
        found.value = [];
        searched.value = false;
        return;
      }
      timer = setTimeout(async () => {
        const mine = ++generation;
        searching.value = true;
        try {
          const page = await get('/api/v1/customers', { q: query, limit: 8 });
          if (mine === generation) found.value = page.items || [];
        } catch {
          if (mine === generation) found.value = [];
        } finally {
          if (mine === generation) {
            searching.value = false;
            searched.value = true;
          }
        }
      }, 250);
    }

    function choose(customer) {
      emit('update:modelValue', { id: customer.id, name: customer.name,
        contact: (customer.emails || []).concat(customer.phones || []).join(', ') });
      q.value = '';
      found.value = [];
      searched.value = false;
    }

    onBeforeUnmount(() => clearTimeout(timer));
    return { q, found, searching, searched, search, choose, t };
  },
  template: `
    <div class="customer-picker" id="customer-picker">
      <div v-if="modelValue" class="picked" id="picked-customer" :data-customer-id="modelValue.id">
        <strong>{{ modelValue.name || t('customers.unnamed') }}</strong>
        <span class="small muted" v-if="modelValue.contact">{{ modelValue.contact }}</span>
        <button type="button" class="link small" id="customer-picker-clear" @click="$emit('update:modelValue', null)">{{ t('ticket.new.changeCustomer') }}</button>
      </div>
      <template v-else>
        <input id="new-ticket-customer" type="search" v-model="q" autocomplete="off" maxlength="200"
          :placeholder="t('ticket.new.customerHint')" @input="search">
        <ul class="pick-results" v-if="found.length" id="customer-picker-results">
          <li v-for="c in found" :key="c.id">
            <button type="button" class="link" :data-pick-customer="c.id" @click="choose(c)">{{ c.name || t('customers.unnamed') }}
              <span class="small muted">{{ (c.emails || []).concat(c.phones || []).join(', ') }}</span></button>
          </li>
        </ul>
        <p v-else-if="searched && !searching" class="small muted">{{ t('ticket.new.noCustomer') }}</p>
      </template>
    </div>`,
};
