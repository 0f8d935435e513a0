// The delivery log: every e-mail and text message, newest first, filtered by status,
// channel, template and recipient, paged with the server's cursor; a failed or suppressed
// one can be sent again. On a phone each row is a card of labelled lines.
import { ref, reactive, computed, onMounted } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { templateName } from './TemplatesTab.js';

const STATUSES = ['pending', 'sending', 'sent', 'failed', 'suppressed'];
const CHANNELS = ['email', 'sms'];
const BADGES = { sent: 'ok', failed: 'off', pending: 'warn', sending: 'warn', suppressed: '' };
const PAGE = 50;

export default {
  name: 'DeliveryLogTab',
  components: { ProblemMessage },
  setup() {
    const filter = reactive({ status: '', channel: '', template: '', recipient: '' });
    const templates = ref([]);
    const items = ref([]);
    const nextCursor = ref(null);
    const loading = ref(false);
    const loaded = ref(false);
    const problem = ref(null);
    const notice = ref(null);
    const resending = ref(null);
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);

    async function load(append) {
      loading.value = true;
      problem.value = null;
      if (!append) notice.value = null;
      try {
        const page = await get('/api/v1/notifications', {
          status: filter.status, channel: filter.channel, template: filter.template,
          recipient: filter.recipient.trim(), cursor: append ? nextCursor.value : null, limit: PAGE,
        });
        items.value = append ? items.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
        loaded.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    onMounted(async () => {
      load(false);
      templates.value = await get('/api/v1/notification-templates').catch(() => []);
    });

    function reset() {
      Object.assign(filter, { status: '', channel: '', template: '', recipient: '' });
      load(false);
    }

    async function resend(entry) {
      resending.value = entry.id;
      problem.value = null;
      notice.value = null;
      try {
        const updated = await post('/api/v1/notifications/' + entry.id + '/resend');
        items.value = items.value.map((item) => (item.id === updated.id ? updated : item));
        notice.value = { key: 'deliveries.resent', params: { recipient: updated.recipient } };
      } catch (failure) {
        problem.value = failure;
      } finally {
        resending.value = null;
      }
    }

    const resendable = (entry) => entry.status === 'failed' || entry.status === 'suppressed';
    const when = (iso) => formatInstant(iso, timeZone.value);
    return { filter, templates, items, nextCursor, loading, loaded, problem, notice, resending, statuses: STATUSES,
      channels: CHANNELS, badges: BADGES, timeZone, load, reset, resend, resendable, when, templateName, t };
  },
  template: `
    <div class="delivery-log">
      <form class="toolbar card" @submit.prevent="load(false)">
        <div>
          <label for="deliveries-status">{{ t('deliveries.status') }}</label>
          <select id="deliveries-status" v-model="filter.status">
            <option value="">{{ t('deliveries.any') }}</option>
            <option v-for="status in statuses" :key="status" :value="status">{{ t('deliveries.status.' + status) }}</option>
          </select>
        </div>
        <div>
          <label for="deliveries-channel">{{ t('deliveries.channel') }}</label>
          <select id="deliveries-channel" v-model="filter.channel">
            <option value="">{{ t('deliveries.any') }}</option>
            <option v-for="channel in channels" :key="channel" :value="channel">{{ t('deliveries.channel.' + channel) }}</option>
          </select>
        </div>
        <div>
          <label for="deliveries-template">{{ t('deliveries.template') }}</label>
          <select id="deliveries-template" v-model="filter.template">
            <option value="">{{ t('deliveries.any') }}</option>
            <option v-for="template in templates" :key="template.key" :value="template.key">{{ templateName(template.key) }}</option>
          </select>
        </div>
        <div class="grow">
          <label for="deliveries-recipient">{{ t('deliveries.recipient') }}</label>
          <input id="deliveries-recipient" type="search" v-model="filter.recipient" maxlength="254"
            :placeholder="t('deliveries.recipientHint')">
        </div>
        <div class="row">
          <button id="deliveries-filter" class="primary" type="submit">{{ t('action.filter') }}</button>
          <button type="button" @click="reset">{{ t('action.reset') }}</button>
        </div>
      </form>
      <p class="muted small">{{ t('deliveries.zone', { zone: timeZone }) }}</p>
      <ProblemMessage :problem="problem" />
      <div class="notice" v-if="notice" role="status">{{ t(notice.key, notice.params) }}</div>
      <div class="card table-wrap" style="padding:0">
        <table class="delivery-table stack-table">
          <thead>
            <tr>
              <th>{{ t('deliveries.time') }}</th><th>{{ t('deliveries.channel') }}</th>
              <th>{{ t('deliveries.recipient') }}</th><th>{{ t('deliveries.template') }}</th>
              <th>{{ t('deliveries.status') }}</th><th>{{ t('deliveries.attempts') }}</th>
              <th>{{ t('deliveries.lastError') }}</th><th>{{ t('deliveries.providerId') }}</th><th></th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="entry in items" :key="entry.id" :data-notification="entry.id" :data-status="entry.status">
              <td :data-label="t('deliveries.time')" class="small"><div class="cell">{{ when(entry.createdAt) }}
                <div v-if="entry.sentAt" class="muted">{{ t('deliveries.sentAt', { time: when(entry.sentAt) }) }}</div></div></td>
              <td :data-label="t('deliveries.channel')"><div class="cell">{{ t('deliveries.channel.' + entry.channel) }}</div></td>
              <td :data-label="t('deliveries.recipient')" class="wrap" data-recipient><div class="cell">{{ entry.recipient }}</div></td>
              <td :data-label="t('deliveries.template')"><div class="cell">{{ templateName(entry.template) }}
                <span class="muted small">· {{ t('language.' + entry.language) }}</span></div></td>
              <td :data-label="t('deliveries.status')"><div class="cell"><span class="badge" :class="badges[entry.status]"
                data-status-badge>{{ t('deliveries.status.' + entry.status) }}</span></div></td>
              <td :data-label="t('deliveries.attempts')"><div class="cell">{{ entry.attempts }}</div></td>
              <td :data-label="t('deliveries.lastError')" class="wrap small delivery-error"><div class="cell">{{ entry.lastError }}</div></td>
              <td :data-label="t('deliveries.providerId')" class="wrap small delivery-provider"><div class="cell">{{ entry.providerMessageId }}</div></td>
              <td class="delivery-actions">
                <button v-if="resendable(entry)" type="button" :data-resend="entry.id" :disabled="resending === entry.id"
                  @click="resend(entry)">{{ t('deliveries.resend') }}</button>
              </td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="loaded && !loading && !items.length">{{ t('deliveries.none') }}</div>
        <div class="more" v-if="nextCursor">
          <button id="deliveries-more" type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button>
        </div>
      </div>
    </div>`,
};
