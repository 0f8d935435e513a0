// The inbox's visitor panel, customer part: who the visitor is as a customer (name, level,
// tags, conversations), "open customer" in one click, his earlier conversations on every
// channel, and blocking him (customer.block). Shown to holders of customer.view.
import { ref, watch } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import { can } from '../session.js';
import BlockDialog from './BlockDialog.js';

export default {
  name: 'VisitorCustomer',
  components: { BlockDialog },
  props: { conversation: Object },
  emits: ['open'],
  setup(props) {
    const customer = ref(null);
    const earlier = ref([]);
    const blocking = ref(false);
    let generation = 0;
    async function load() {
      const mine = ++generation;
      customer.value = null;
      earlier.value = [];
      if (!props.conversation || !can('customer.view')) return;
      try {
        const found = await get('/api/v1/conversations/' + props.conversation.id + '/customer');
        if (mine !== generation) return;
        customer.value = found;
        const page = await get('/api/v1/customers/' + found.id + '/conversations', { limit: 10 });
        if (mine !== generation) return;
        earlier.value = page.items.filter((c) => c.id !== props.conversation.id);
      } catch {
        if (mine === generation) customer.value = null;
      }
    }
    watch(() => props.conversation && props.conversation.id, load, { immediate: true });
    function blocked(c) {
      blocking.value = false;
      customer.value = Object.assign({}, customer.value, { blocked: c.blocked });
    }
    return { customer, earlier, blocking, blocked, can, t };
  },
  template: `
    <section v-if="customer" id="visitor-customer" class="visitor-customer" :data-customer-id="customer.id">
      <h3>{{ t('customer.title') }}</h3>
      <div><strong>{{ customer.name || t('customer.unnamed', { id: customer.id }) }}</strong>
        <span v-if="customer.level" class="badge ok">{{ customer.level.name }}</span>
        <span v-if="customer.blocked" class="badge off">{{ t('customer.blocked') }}</span></div>
      <div class="small" v-if="customer.tags.length"><span v-for="tag in customer.tags" :key="tag" class="badge">{{ tag }}</span></div>
      <div class="muted small">{{ t('customer.conversationTotal', { count: customer.conversationCount }) }}</div>
      <div class="actions">
        <router-link id="open-customer" :to="{ name: 'customer', params: { id: String(customer.id) } }">{{ t('customer.open') }}</router-link>
        <button v-if="can('customer.block') && !customer.blocked" id="inbox-block" type="button" class="small danger" @click="blocking = true">{{ t('customer.block.action') }}</button>
      </div>
      <template v-if="earlier.length">
        <h3>{{ t('customer.earlier') }}</h3>
        <ul id="customer-earlier" class="history">
          <li v-for="c in earlier" :key="c.id" :data-conversation-id="c.id" tabindex="0" role="button"
            @click="$emit('open', c.id)" @keydown.enter="$emit('open', c.id)">
            <div class="line"><span>{{ t('inbox.conversationNo', { id: c.id }) }}</span><span class="muted small">{{ c.channelName || '' }}</span></div>
            <div class="muted small preview">{{ c.question || '' }}</div>
            <div class="small"><span class="badge">{{ t('inbox.status.' + c.status) }}</span>
              <span v-if="c.rating" class="stars"> {{ '★'.repeat(c.rating) }}</span></div>
          </li>
        </ul>
      </template>
      <BlockDialog v-if="blocking" :path="'/api/v1/conversations/' + conversation.id + '/block-customer'"
        @close="blocking = false" @blocked="blocked" />
    </section>`,
};
