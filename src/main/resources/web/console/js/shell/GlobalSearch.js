// The search box of the top bar: customers (customer.view) and transcripts (as the
// transcripts screen finds them) in one list, grouped, driven by the keyboard as a
// combobox: arrows move, Enter opens, Escape closes.
import { ref, computed, watch } from 'vue';
import { useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import { can, canAny } from '../session.js';
import { visitorName } from '../inbox/format.js';

const LIMIT = 5;

export default {
  name: 'GlobalSearch',
  setup() {
    const router = useRouter();
    const text = ref('');
    const open = ref(false);
    const customers = ref([]);
    const transcripts = ref([]);
    const active = ref(-1);
    const failed = ref(false);
    const searchesCustomers = computed(() => can('customer.view'));
    const searchesTranscripts = computed(() => canAny(['conversation.view_all', 'conversation.reply']));
    // every option in keyboard order: customers, "all customers", transcripts, "all transcripts"
    const options = computed(() => {
      const list = customers.value.map((c) => ({ kind: 'customer', item: c }));
      if (searchesCustomers.value && text.value.trim()) list.push({ kind: 'customers' });
      transcripts.value.forEach((c) => list.push({ kind: 'transcript', item: c }));
      if (searchesTranscripts.value && text.value.trim()) list.push({ kind: 'transcripts' });
      return list;
    });
    let timer = null;
    let round = 0;

    watch(text, (value) => {
      clearTimeout(timer);
      if (!value.trim()) {
        customers.value = [];
        transcripts.value = [];
        open.value = false;
        return;
      }
      timer = setTimeout(() => search(value.trim()), 250);
    });

    async function search(q) {
      const mine = ++round;
      failed.value = false;
      const [foundCustomers, foundTranscripts] = await Promise.all([
        searchesCustomers.value ? get('/api/v1/customers', { q, limit: LIMIT }).then((p) => p.items)
          .catch(() => { failed.value = true; return []; }) : [],
        searchesTranscripts.value ? get('/api/v1/conversations/search', { q, limit: LIMIT }).then((p) => p.items)
          .catch(() => { failed.value = true; return []; }) : [],
      ]);
      if (mine !== round) return;
      customers.value = foundCustomers;
      transcripts.value = foundTranscripts;
      active.value = -1;
      open.value = true;
    }

    function go(option) {
      if (!option) return;
      const q = text.value.trim();
      open.value = false;
      if (option.kind === 'customer') router.push('/customers/' + option.item.id);
      else if (option.kind === 'customers') router.push({ name: 'customers', query: { q } });
      else if (option.kind === 'transcripts') router.push({ name: 'transcripts', query: { q } });
      else {
        const c = option.item;
        const view = c.status === 'closed' ? 'closed' : c.status === 'waiting' ? 'waiting' : 'open';
        router.push({ name: 'inbox', query: { view, conversation: String(c.id) } });
      }
    }

    function key(event) {
      const count = options.value.length;
      if (event.key === 'ArrowDown' && count) {
        event.preventDefault();
        open.value = true;
        active.value = (active.value + 1) % count;
      } else if (event.key === 'ArrowUp' && count) {
        event.preventDefault();
        active.value = active.value <= 0 ? count - 1 : active.value - 1;
      } else if (event.key === 'Enter') {
        event.preventDefault();
        go(options.value[active.value >= 0 ? active.value : 0]);
      } else if (event.key === 'Escape') {
        open.value = false;
      }
    }

    const index = (option) => options.value.indexOf(option);
    const optionsOf = (kind, all) => options.value.filter((o) => o.kind === kind || o.kind === all);
    const label = (option) => (option.kind === 'customer' ? (option.item.name || t('customers.unnamed'))
      : option.kind === 'transcript' ? visitorName(option.item) : t('search.all.' + option.kind));
    const detail = (option) => (option.kind === 'customer'
      ? [option.item.company, option.item.tags.join(', ')].filter(Boolean).join(' · ')
      : option.kind === 'transcript' ? option.item.lastMessagePreview : '');

    return { text, open, active, failed, options, customers, transcripts, searchesCustomers, searchesTranscripts,
      key, go, index, optionsOf, label, detail, close: () => setTimeout(() => { open.value = false; }, 150), t };
  },
  template: `
    <div class="global-search">
      <input id="global-search" type="search" role="combobox" autocomplete="off" v-model="text"
        :placeholder="t('search.placeholder')" :aria-label="t('search.label')"
        :aria-expanded="open ? 'true' : 'false'" aria-controls="global-search-results" aria-autocomplete="list"
        :aria-activedescendant="open && active >= 0 ? 'global-search-option-' + active : undefined"
        @keydown="key" @focus="open = !!text.trim()" @blur="close">
      <div v-show="open" id="global-search-results" role="listbox" class="global-search-results" :aria-label="t('search.label')">
        <div v-if="searchesCustomers" role="group" aria-labelledby="global-search-customers">
          <div id="global-search-customers" class="global-search-group">{{ t('search.customers') }}</div>
          <div v-if="!customers.length" class="global-search-none">{{ t('search.noCustomers') }}</div>
          <div v-for="option in optionsOf('customer', 'customers')" :key="'c' + (option.item ? option.item.id : 'all')"
            :id="'global-search-option-' + index(option)" role="option" class="global-search-option"
            :class="{ active: index(option) === active, all: !option.item }" :aria-selected="index(option) === active ? 'true' : 'false'"
            :data-search-customer="option.item ? option.item.id : null" @mousedown.prevent="go(option)">
            <span class="global-search-label">{{ label(option) }}</span>
            <span class="global-search-detail small muted">{{ detail(option) }}</span>
          </div>
        </div>
        <div v-if="searchesTranscripts" role="group" aria-labelledby="global-search-transcripts">
          <div id="global-search-transcripts" class="global-search-group">{{ t('search.transcripts') }}</div>
          <div v-if="!transcripts.length" class="global-search-none">{{ t('search.noTranscripts') }}</div>
          <div v-for="option in optionsOf('transcript', 'transcripts')" :key="'t' + (option.item ? option.item.id : 'all')"
            :id="'global-search-option-' + index(option)" role="option" class="global-search-option"
            :class="{ active: index(option) === active, all: !option.item }" :aria-selected="index(option) === active ? 'true' : 'false'"
            :data-search-transcript="option.item ? option.item.id : null" @mousedown.prevent="go(option)">
            <span class="global-search-label">{{ label(option) }}</span>
            <span class="global-search-detail small muted">{{ detail(option) }}</span>
          </div>
        </div>
        <div v-if="failed" class="global-search-none">{{ t('search.failed') }}</div>
      </div>
    </div>`,
};
