// The customer list (customer.view): search, filters, saved segments, order, "load more"
// pages and the export. The server checks every filter and answers a bad one naming it.
import { ref, reactive, computed, onMounted, watch } from 'vue';
import { useRoute } from 'vue-router';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can, canAny } from '../session.js';
import SegmentBar from './SegmentBar.js';
import { emptyFilter, filterFields, queryString } from './customerQuery.js';

const PRESETS = ['today', 'this-week', 'this-month', '-7d', '-30d'];

export default {
  name: 'CustomersView',
  components: { ProblemMessage, SegmentBar },
  setup() {
    const route = useRoute();
    const form = reactive(emptyFilter());
    const order = reactive({ sort: 'lastSeen', order: 'desc' });
    const options = ref({ levels: [], attributes: [] });
    const channels = ref([]);
    const results = ref([]);
    const nextCursor = ref(null);
    const loading = ref(false);
    const searched = ref(false);
    const problem = ref(null);
    const segment = ref('');
    const timeZone = computed(() => session.me.organisation.timeZone);
    const attribute = computed(() => options.value.attributes.find((a) => a.key === form.attribute));
    const presets = computed(() => (form.lastConversationFrom && !PRESETS.includes(form.lastConversationFrom)
      ? PRESETS.concat([form.lastConversationFrom]) : PRESETS));
    const fields = () => filterFields(form, options.value.attributes);

    onMounted(async () => {
      options.value = await get('/api/v1/customers/filters').catch(() => ({ levels: [], attributes: [] }));
      if (canAny(['conversation.reply', 'conversation.view_all', 'conversation.view'])) {
        channels.value = await get('/api/v1/conversations/channels').catch(() => []);
      }
      if (route.query.q) form.q = String(route.query.q);
      if (route.query.tag) form.tags = String(route.query.tag);
      search(false);
    });

    async function search(append) {
      loading.value = true;
      problem.value = null;
      try {
        const query = queryString(fields(), { segment: segment.value, sort: order.sort, order: order.order,
          limit: 50, cursor: append ? nextCursor.value : null });
        const page = await get('/api/v1/customers?' + query);
        results.value = append ? results.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
        searched.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    // the top bar's search box on this screen: "all customers" for new words
    watch(() => route.query.q, (q) => {
      if (q === undefined) return;
      Object.assign(form, emptyFilter(), { q: String(q) });
      search(false);
    });

    function reset() {
      Object.assign(form, emptyFilter());
      segment.value = '';
      search(false);
    }

    // A segment narrows the list on the server; the form's fields narrow it further.
    function applySegment(chosen) {
      Object.assign(form, emptyFilter());
      segment.value = chosen ? String(chosen.id) : '';
      search(false);
    }

    function exportUrl(format) {
      return '/api/v1/customers/export?' + queryString(fields(), { segment: segment.value, sort: order.sort,
        order: order.order, format });
    }

    function presetLabel(value) {
      return PRESETS.includes(value) ? t('customers.since.' + value) : value;
    }

    return { form, order, options, channels, results, nextCursor, loading, searched, problem, timeZone, attribute,
      presets, segment, search, reset, applySegment, exportUrl, presetLabel, fields, formatInstant, t, can };
  },
  template: `
    <div class="customers">
      <h1>{{ t('customers.title') }}</h1>
      <form class="card customer-filters" @submit.prevent="search(false)">
        <div class="toolbar">
          <div class="grow">
            <label for="customer-q">{{ t('customers.search') }}</label>
            <input id="customer-q" type="search" v-model="form.q" maxlength="200" :placeholder="t('customers.searchHint')">
          </div>
          <div>
            <label for="customer-tags">{{ t('customers.tags') }}</label>
            <input id="customer-tags" type="text" v-model="form.tags" :placeholder="t('customers.tagsHint')">
          </div>
          <div v-if="options.levels.length">
            <label for="customer-level">{{ t('customers.level') }}</label>
            <select id="customer-level" v-model="form.level">
              <option value="">{{ t('transcripts.any') }}</option>
              <option v-for="level in options.levels" :key="level.id" :value="String(level.id)">{{ level.name }}</option>
            </select>
          </div>
          <div v-if="channels.length">
            <label for="customer-channel">{{ t('transcripts.channel') }}</label>
            <select id="customer-channel" v-model="form.channel">
              <option value="">{{ t('transcripts.any') }}</option>
              <option v-for="channel in channels" :key="channel.id" :value="String(channel.id)">{{ channel.name }}</option>
            </select>
          </div>
        </div>
        <div class="toolbar">
          <div>
            <label for="customer-last-conversation">{{ t('customers.lastConversationSince') }}</label>
            <select id="customer-last-conversation" v-model="form.lastConversationFrom">
              <option value="">{{ t('transcripts.any') }}</option>
              <option v-for="preset in presets" :key="preset" :value="preset">{{ presetLabel(preset) }}</option>
            </select>
          </div>
          <div>
            <label for="customer-seen-from">{{ t('customers.lastSeenFrom') }}</label>
            <input id="customer-seen-from" type="date" v-model="form.lastSeenFrom">
          </div>
          <div>
            <label for="customer-seen-to">{{ t('customers.lastSeenTo') }}</label>
            <input id="customer-seen-to" type="date" v-model="form.lastSeenTo">
          </div>
          <div>
            <label for="customer-blocked">{{ t('customers.blocked') }}</label>
            <select id="customer-blocked" v-model="form.blocked">
              <option value="">{{ t('transcripts.any') }}</option>
              <option value="true">{{ t('customers.blockedYes') }}</option>
              <option value="false">{{ t('customers.blockedNo') }}</option>
            </select>
          </div>
          <div v-if="options.attributes.length">
            <label for="customer-attribute">{{ t('customers.attribute') }}</label>
            <select id="customer-attribute" v-model="form.attribute">
              <option value="">{{ t('customers.noAttribute') }}</option>
              <option v-for="a in options.attributes" :key="a.key" :value="a.key">{{ a.label }}</option>
            </select>
          </div>
          <template v-if="attribute">
            <div v-if="attribute.type === 'CHOICE'">
              <label for="customer-attr-value">{{ t('customers.attributeValue') }}</label>
              <select id="customer-attr-value" v-model="form.attrValue">
                <option value="">{{ t('transcripts.any') }}</option>
                <option v-for="choice in attribute.choices" :key="choice" :value="choice">{{ choice }}</option>
              </select>
            </div>
            <template v-else-if="attribute.type === 'NUMBER' || attribute.type === 'DATE'">
              <div>
                <label for="customer-attr-from">{{ t('customers.attributeFrom') }}</label>
                <input id="customer-attr-from" :type="attribute.type === 'DATE' ? 'date' : 'number'" v-model="form.attrFrom">
              </div>
              <div>
                <label for="customer-attr-to">{{ t('customers.attributeTo') }}</label>
                <input id="customer-attr-to" :type="attribute.type === 'DATE' ? 'date' : 'number'" v-model="form.attrTo">
              </div>
            </template>
            <div v-else>
              <label for="customer-attr-value">{{ t('customers.attributeValue') }}</label>
              <input id="customer-attr-value" type="text" v-model="form.attrValue">
            </div>
          </template>
        </div>
        <div class="toolbar customer-order">
          <div>
            <label for="customer-sort">{{ t('customers.sort') }}</label>
            <select id="customer-sort" v-model="order.sort" @change="search(false)">
              <option v-for="sort in ['lastSeen', 'lastConversation', 'name', 'created', 'conversations']" :key="sort"
                :value="sort">{{ t('customers.sort.' + sort) }}</option>
            </select>
          </div>
          <div>
            <label for="customer-order">{{ t('customers.order') }}</label>
            <select id="customer-order" v-model="order.order" @change="search(false)">
              <option value="desc">{{ t('customers.order.desc') }}</option>
              <option value="asc">{{ t('customers.order.asc') }}</option>
            </select>
          </div>
          <button id="customer-search" class="primary" type="submit" :disabled="loading">{{ t('transcripts.search') }}</button>
          <button id="customer-reset" type="button" @click="reset">{{ t('action.reset') }}</button>
          <span class="grow"></span>
          <template v-if="can('customer.export')">
            <a id="customer-export-csv" class="button" :href="exportUrl('csv')" download>{{ t('customers.exportCsv') }}</a>
            <a id="customer-export-xlsx" class="button" :href="exportUrl('xlsx')" download>{{ t('customers.exportXlsx') }}</a>
          </template>
        </div>
      </form>
      <SegmentBar :fields="fields" :active="segment" @apply="applySegment" />
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap customer-results" style="padding:0" v-if="searched">
        <table>
          <thead>
            <tr>
              <th>{{ t('customers.name') }}</th><th>{{ t('customers.company') }}</th>
              <th>{{ t('customers.level') }}</th><th>{{ t('customers.tags') }}</th>
              <th>{{ t('customers.contacts') }}</th><th>{{ t('customers.lastSeen') }}</th>
              <th>{{ t('customers.lastConversation') }}</th><th>{{ t('customers.conversations') }}</th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="customer in results" :key="customer.id" :data-customer="customer.id">
              <td class="wrap"><router-link :to="'/customers/' + customer.id">{{ customer.name || t('customers.unnamed') }}</router-link>
                <span v-if="customer.blocked" class="badge off">{{ t('customers.blockedYes') }}</span></td>
              <td class="wrap">{{ customer.company }}</td>
              <td>{{ customer.level ? customer.level.name : '' }}</td>
              <td class="wrap"><span v-for="tag in customer.tags" :key="tag" class="badge customer-tag">{{ tag }}</span></td>
              <td class="wrap small">{{ customer.emails.concat(customer.phones).join(', ') }}</td>
              <td class="small">{{ formatInstant(customer.lastSeenAt, timeZone) }}</td>
              <td class="small">{{ formatInstant(customer.lastConversationAt, timeZone) }}</td>
              <td>{{ customer.conversationCount }}</td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!loading && !results.length">{{ t('customers.none') }}</div>
        <div class="more" v-if="nextCursor">
          <button id="customer-more" type="button" :disabled="loading" @click="search(true)">{{ t('action.more') }}</button>
        </div>
      </div>
    </div>`,
};
