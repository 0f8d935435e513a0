// A customer's conversations on every channel (each opens its transcript, read-only) and
// his timeline, both paged.
import { ref, computed, watch } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import { session } from '../session.js';
import TranscriptDialog from './TranscriptDialog.js';

export default {
  name: 'CustomerActivity',
  components: { TranscriptDialog },
  props: { customerId: Number, version: Number },
  setup(props) {
    const conversations = ref([]);
    const conversationCursor = ref(null);
    const timeline = ref([]);
    const timelineCursor = ref(null);
    const open = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const base = () => '/api/v1/customers/' + props.customerId;
    async function loadConversations(more) {
      const page = await get(base() + '/conversations', { after: more ? conversationCursor.value : null, limit: 20 })
        .catch(() => ({ items: [], nextCursor: null }));
      conversations.value = more ? conversations.value.concat(page.items) : page.items;
      conversationCursor.value = page.nextCursor;
    }
    async function loadTimeline(more) {
      const page = await get(base() + '/timeline', { after: more ? timelineCursor.value : null, limit: 30 })
        .catch(() => ({ items: [], nextCursor: null }));
      timeline.value = more ? timeline.value.concat(page.items) : page.items;
      timelineCursor.value = page.nextCursor;
    }
    watch(() => [props.customerId, props.version], () => {
      loadConversations(false);
      loadTimeline(false);
    }, { immediate: true });
    const when = (iso) => (iso ? formatInstant(iso, timeZone.value) : '');
    // The server keeps a few details as codes or English: profile field names, a contact's
    // kind, a block's end (an ISO instant), what a merge moved; they are shown in the
    // reader's language and time zone.
    const known = (key, fallback) => (t(key) === key ? fallback : t(key));
    function detail(entry) {
      const text = entry.detail;
      if (entry.kind === 'PROFILE_CHANGED') {
        return text.split(', ').map((field) => known('customer.field.' + field, field)).join(', ');
      }
      const contact = /^(EMAIL|PHONE) (.*)$/.exec(text);
      if (contact && entry.kind.startsWith('CONTACT_')) return t('customer.kind.' + contact[1]) + ' ' + contact[2];
      const merged = /^(.*): (\d+) conversation\(s\), (\d+) contact\(s\), (\d+) tag\(s\), (\d+) note\(s\)$/.exec(text);
      if (merged && entry.kind === 'MERGED') {
        return merged[1] + ': ' + t('customer.mergeSummary',
          { conversations: merged[2], contacts: merged[3], tags: merged[4], notes: merged[5] });
      }
      const until = /^(.*) \(until (\S+)\)$/.exec(text);
      if (until && entry.kind === 'BLOCKED') return until[1] + ' · ' + t('customer.blockedUntil', { until: when(until[2]) });
      return text;
    }
    const line = (entry) => {
      const parts = [];
      if (entry.detail) parts.push(detail(entry));
      if (entry.rating) parts.push('★'.repeat(entry.rating));
      return parts.join(' · ');
    };
    return { conversations, conversationCursor, timeline, timelineCursor, open, loadConversations, loadTimeline,
      when, line, t };
  },
  template: `
    <div class="customer-grid">
      <section class="card">
        <h2>{{ t('customer.conversations') }}</h2>
        <ul id="customer-conversations" class="plain-list">
          <li v-for="c in conversations" :key="c.id" :data-conversation-id="c.id">
            <button type="button" class="link" @click="open = c.id">{{ t('inbox.conversationNo', { id: c.id }) }}</button>
            <span class="badge">{{ t('inbox.status.' + c.status) }}</span>
            <span class="muted small"> {{ c.channelName || '' }} · {{ when(c.startedAt) }}<template v-if="c.agentName"> · {{ c.agentName }}</template></span>
            <span v-if="c.rating"> {{ '★'.repeat(c.rating) }}</span>
            <div class="muted small wrap" v-if="c.question">{{ c.question }}</div>
          </li>
        </ul>
        <p v-if="!conversations.length" class="muted small">{{ t('customer.noConversations') }}</p>
        <div class="more" v-if="conversationCursor"><button type="button" @click="loadConversations(true)">{{ t('action.more') }}</button></div>
      </section>
      <section class="card">
        <h2>{{ t('customer.timeline') }}</h2>
        <ol id="customer-timeline" class="plain-list">
          <li v-for="(e, i) in timeline" :key="i" :data-kind="e.kind">
            <div><strong>{{ t('customer.event.' + e.kind) }}</strong>
              <span class="muted small"> · {{ when(e.at) }}<template v-if="e.actor"> · {{ e.actor }}</template></span></div>
            <div class="small wrap" v-if="line(e)">{{ line(e) }}</div>
          </li>
        </ol>
        <div class="more" v-if="timelineCursor"><button type="button" @click="loadTimeline(true)">{{ t('action.more') }}</button></div>
      </section>
      <TranscriptDialog v-if="open" :customer-id="customerId" :conversation-id="open" @close="open = null" />
    </div>`,
};
