// Transcript search: everything with conversation.view_all; an agent (conversation.reply) his own
// conversations and his groups' (the server keeps to that scope). By text, channel, agent and date.
import { ref, reactive, computed, onMounted } from 'vue';
import { t, formatInstant, zonedInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { useRoute } from 'vue-router';
import { session, can } from '../session.js';
import { visitorName } from '../inbox/format.js';

export default {
  name: 'TranscriptsView',
  components: { ProblemMessage },
  setup() {
    const route = useRoute();
    const filter = reactive({ q: '', channelId: '', agentId: '', from: '', to: '' });
    const channels = ref([]);
    const agents = ref([]);
    const results = ref([]);
    const nextCursor = ref(null);
    const loading = ref(false);
    const searched = ref(false);
    const problem = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const seesAll = computed(() => can('conversation.view_all'));

    onMounted(async () => {
      channels.value = await get('/api/v1/conversations/channels').catch(() => []);
      if (can('user.view')) {
        const page = await get('/api/v1/users', { limit: 100 }).catch(() => ({ items: [] }));
        agents.value = page.items;
      }
      // from the top bar's search box: "all transcripts"
      if (route.query.q) {
        filter.q = String(route.query.q);
        search(false);
      }
    });

    async function search(append) {
      loading.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/conversations/search', {
          q: filter.q.trim(), channelId: filter.channelId, agentId: filter.agentId,
          from: zonedInstant(filter.from, timeZone.value), to: zonedInstant(filter.to, timeZone.value),
          after: append ? nextCursor.value : null, limit: 30,
        });
        results.value = append ? results.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
        searched.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    function link(conversation) {
      const view = conversation.status === 'closed' ? 'closed' : conversation.status === 'waiting' ? 'waiting' : 'open';
      return { name: 'inbox', query: { view, conversation: String(conversation.id) } };
    }

    return { filter, channels, agents, results, nextCursor, loading, searched, problem, timeZone, seesAll, search, link,
      visitorName, formatInstant, t };
  },
  template: `
    <div>
      <h1>{{ t('transcripts.title') }}</h1>
      <p v-if="!seesAll" id="transcript-scope" class="muted">{{ t('transcripts.scopeHint') }}</p>
      <form class="toolbar card" @submit.prevent="search(false)">
        <div class="grow">
          <label for="transcript-q">{{ t('transcripts.text') }}</label>
          <input id="transcript-q" type="search" v-model="filter.q" maxlength="200" :placeholder="t('transcripts.textHint')">
        </div>
        <div>
          <label for="transcript-channel">{{ t('transcripts.channel') }}</label>
          <select id="transcript-channel" v-model="filter.channelId">
            <option value="">{{ t('transcripts.any') }}</option>
            <option v-for="channel in channels" :key="channel.id" :value="channel.id">{{ channel.name }}</option>
          </select>
        </div>
        <div v-if="agents.length">
          <label for="transcript-agent">{{ t('transcripts.agent') }}</label>
          <select id="transcript-agent" v-model="filter.agentId">
            <option value="">{{ t('transcripts.any') }}</option>
            <option v-for="agent in agents" :key="agent.id" :value="agent.id">{{ agent.displayName }}</option>
          </select>
        </div>
        <div>
          <label for="transcript-from">{{ t('audit.from') }}</label>
          <input id="transcript-from" type="datetime-local" v-model="filter.from">
        </div>
        <div>
          <label for="transcript-to">{{ t('audit.to') }}</label>
          <input id="transcript-to" type="datetime-local" v-model="filter.to">
        </div>
        <button id="transcript-search" class="primary" type="submit" :disabled="loading">{{ t('transcripts.search') }}</button>
      </form>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0" v-if="searched">
        <table>
          <thead>
            <tr>
              <th>{{ t('transcripts.started') }}</th><th>{{ t('transcripts.visitor') }}</th>
              <th>{{ t('transcripts.channel') }}</th><th>{{ t('transcripts.agent') }}</th>
              <th>{{ t('transcripts.lastMessage') }}</th><th>{{ t('field.status') }}</th><th>{{ t('transcripts.rating') }}</th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="conversation in results" :key="conversation.id" :data-transcript="conversation.id">
              <td class="small">{{ formatInstant(conversation.createdAt, timeZone) }}</td>
              <td class="wrap"><router-link :to="link(conversation)">{{ visitorName(conversation) }}</router-link></td>
              <td>{{ conversation.channel ? conversation.channel.name : '' }}</td>
              <td>{{ conversation.assignee ? conversation.assignee.displayName : '' }}</td>
              <td class="wrap small">{{ conversation.lastMessagePreview }}</td>
              <td><span class="badge">{{ t('transcripts.status.' + conversation.status) }}</span></td>
              <td>{{ conversation.rating ? '★'.repeat(conversation.rating) : '' }}</td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!loading && !results.length">{{ t('transcripts.none') }}</div>
        <div class="more" v-if="nextCursor">
          <button type="button" :disabled="loading" @click="search(true)">{{ t('action.more') }}</button>
        </div>
      </div>
    </div>`,
};
