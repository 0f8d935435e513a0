// Who the agent is talking to: channel, contact details, where they came from, device,
// language, IP (the conversation's `details`), the rating, its quality evaluations, and all the visitor's
// conversations, newest first, the open one marked (click opens another; "more" pages on).
import { ref, computed, watch } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import { session } from '../session.js';
import { visitorName, describeDevice, safeUrl, relativeTime } from './format.js';
import VisitorCustomer from '../customers/VisitorCustomer.js';
import ConversationEvaluations from '../evaluations/ConversationEvaluations.js';

function pick(...values) {
  for (const value of values) {
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return null;
}

export default {
  name: 'VisitorPanel',
  components: { VisitorCustomer, ConversationEvaluations },
  props: { conversation: Object },
  emits: ['open', 'close'],
  setup(props) {
    const history = ref([]);
    const historyLoaded = ref(false);
    const historyCursor = ref(null);
    const historyLoading = ref(false);
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const details = computed(() => {
      const c = props.conversation || {};
      const v = c.visitor || {};
      const d = c.details || {};
      const page = pick(d.pageUrl, c.pageUrl, v.pageUrl);
      const referrer = pick(d.referrer, c.referrer, v.referrer);
      const userAgent = pick(d.userAgent, c.userAgent, v.userAgent);
      return {
        name: visitorName(c),
        email: pick(v.email),
        phone: pick(v.phone),
        verified: !!v.verified,
        channel: c.channel ? c.channel.name : null,
        page,
        pageLink: safeUrl(page),
        referrer,
        device: describeDevice(userAgent),
        userAgent,
        language: pick(d.language, c.language, v.language),
        ip: pick(d.ip, c.ip, v.ip),
        customerId: pick(d.customerId),
        created: formatInstant(c.createdAt, timeZone.value),
        visitorSince: v.createdAt ? formatInstant(v.createdAt, timeZone.value) : null,
        rating: Number(c.rating) || null,
        ratingComment: pick(c.ratingComment),
      };
    });

    let generation = 0;
    async function loadHistory(visitorId, more) {
      const mine = more ? generation : ++generation;
      if (!more) {
        historyLoaded.value = false;
        history.value = [];
        historyCursor.value = null;
      }
      if (!visitorId) return;
      historyLoading.value = true;
      try {
        const page = await get('/api/v1/visitors/' + visitorId + '/conversations',
          { after: more ? historyCursor.value : null, limit: 20 });
        if (mine !== generation) return;
        const known = new Set(history.value.map((item) => item.id));
        history.value = history.value.concat((page.items || []).filter((item) => !known.has(item.id)));
        historyCursor.value = page.nextCursor || null;
      } catch {
        if (mine === generation && !more) history.value = [];
      } finally {
        if (mine === generation) {
          historyLoaded.value = true;
          historyLoading.value = false;
        }
      }
    }
    const visitorId = () => props.conversation && props.conversation.visitor && props.conversation.visitor.id;
    watch(visitorId, (id) => loadHistory(id, false), { immediate: true });
    const moreHistory = () => loadHistory(visitorId(), true);
    const others = computed(() => history.value.filter((item) => item.id !== props.conversation.id));

    const stars = (score) => '★'.repeat(score) + '☆'.repeat(Math.max(0, 5 - score));
    const when = (item) => relativeTime(item.lastMessageAt || item.createdAt, Date.now(), timeZone.value);

    return { details, history, others, historyLoaded, historyCursor, historyLoading, moreHistory, stars, when, t };
  },
  template: `
    <aside id="visitor-panel" class="visitor-panel">
      <header class="panel-head">
        <h2>{{ t('inbox.visitor') }}</h2>
        <button type="button" class="link panel-close" @click="$emit('close')" :aria-label="t('action.close')">✕</button>
      </header>
      <dl class="facts">
        <dt>{{ t('inbox.field.name') }}</dt>
        <dd data-field="name">{{ details.name }}
          <span v-if="details.verified" class="badge ok" data-field="verified">{{ t('inbox.verified') }}</span>
          <span v-else class="badge" data-field="verified">{{ t('inbox.unverified') }}</span></dd>
        <template v-if="details.email"><dt>{{ t('inbox.field.email') }}</dt><dd data-field="email" class="wrap">{{ details.email }}</dd></template>
        <template v-if="details.phone"><dt>{{ t('inbox.field.phone') }}</dt><dd data-field="phone">{{ details.phone }}</dd></template>
        <template v-if="details.customerId"><dt>{{ t('inbox.field.customerId') }}</dt><dd data-field="customer-id" class="wrap">{{ details.customerId }}</dd></template>
        <dt>{{ t('inbox.field.channel') }}</dt><dd data-field="channel">{{ details.channel || '—' }}</dd>
        <dt>{{ t('inbox.field.page') }}</dt>
        <dd data-field="page" class="wrap"><template v-if="details.page">{{ details.page }}
          <a v-if="details.pageLink" :href="details.pageLink" target="_blank" rel="noopener noreferrer nofollow" class="small">{{ t('inbox.openPage') }}</a></template>
          <span v-else class="muted">—</span></dd>
        <dt>{{ t('inbox.field.referrer') }}</dt>
        <dd data-field="referrer" class="wrap"><template v-if="details.referrer">{{ details.referrer }}</template><span v-else class="muted">—</span></dd>
        <dt>{{ t('inbox.field.device') }}</dt>
        <dd data-field="device" :title="details.userAgent || ''">{{ details.device || '—' }}</dd>
        <dt>{{ t('inbox.field.language') }}</dt><dd data-field="language">{{ details.language || '—' }}</dd>
        <dt>{{ t('inbox.field.ip') }}</dt><dd data-field="ip">{{ details.ip || '—' }}</dd>
        <dt>{{ t('inbox.field.created') }}</dt><dd data-field="created">{{ details.created || '—' }}</dd>
        <template v-if="details.visitorSince"><dt>{{ t('inbox.field.visitorSince') }}</dt><dd data-field="visitor-since">{{ details.visitorSince }}</dd></template>
      </dl>
      <VisitorCustomer :conversation="conversation" @open="$emit('open', $event)" />
      <div v-if="details.rating" id="visitor-rating" class="rating" :data-rating="details.rating">
        <h3>{{ t('inbox.rating') }}</h3>
        <div class="stars" :aria-label="t('inbox.ratingOf', { score: details.rating })">{{ stars(details.rating) }}</div>
        <p v-if="details.ratingComment" class="wrap">{{ details.ratingComment }}</p>
      </div>
      <ConversationEvaluations v-if="conversation.status === 'closed'" :conversation-id="conversation.id" />
      <h3>{{ t('inbox.history') }}</h3>
      <ul id="visitor-history" class="history">
        <li v-for="item in history" :key="item.id" :data-conversation-id="item.id"
          :class="{ current: item.id === conversation.id }" :aria-current="item.id === conversation.id ? 'true' : null"
          :tabindex="item.id === conversation.id ? null : 0" :role="item.id === conversation.id ? null : 'button'"
          @click="item.id !== conversation.id && $emit('open', item.id)"
          @keydown.enter="item.id !== conversation.id && $emit('open', item.id)">
          <div class="line"><span>{{ t('inbox.conversationNo', { id: item.id }) }}
            <span v-if="item.id === conversation.id" class="badge ok" data-current>{{ t('inbox.historyCurrent') }}</span></span>
            <span class="muted small">{{ when(item) }}</span></div>
          <div class="muted small preview">{{ item.lastMessagePreview || item.question || '' }}</div>
          <div class="small"><span class="badge">{{ t('inbox.status.' + item.status) }}</span>
            <span v-if="item.rating" class="stars"> {{ stars(item.rating) }}</span></div>
        </li>
      </ul>
      <div class="more" v-if="historyCursor">
        <button type="button" id="visitor-history-more" :disabled="historyLoading" @click="moreHistory">{{ t('action.more') }}</button>
      </div>
      <p v-if="historyLoaded && !others.length && !historyCursor" class="muted small">{{ t('inbox.noHistory') }}</p>
    </aside>`,
};
