// The notes that mentioned me, newest first: who wrote, in which conversation, what, when;
// unread ones stand out. Opening one marks it read and shows its conversation in the inbox;
// "Mark all read" clears the count. A mention arriving meanwhile appears at once.
import { ref, computed, watch, onMounted } from 'vue';
import { useRouter } from 'vue-router';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { mentionState, loadMentions, markMentionRead, markAllMentionsRead } from './mentionsStore.js';

export default {
  name: 'MentionsView',
  components: { ProblemMessage },
  setup() {
    const router = useRouter();
    const items = ref([]);
    const nextCursor = ref(null);
    const loading = ref(false);
    const loaded = ref(false);
    const problem = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    let generation = 0;

    async function load(append) {
      const mine = ++generation;
      loading.value = true;
      problem.value = null;
      try {
        const page = await loadMentions(append ? nextCursor.value : null);
        if (mine !== generation) return;
        items.value = append ? items.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
        loaded.value = true;
      } catch (failure) {
        if (mine === generation) problem.value = failure;
      } finally {
        if (mine === generation) loading.value = false;
      }
    }

    async function open(mention) {
      try {
        await markMentionRead(mention);
      } catch (failure) {
        problem.value = failure;
      }
      router.push({ name: 'inbox', query: { conversation: String(mention.conversationId) } });
    }

    async function markAll() {
      try {
        await markAllMentionsRead();
        items.value.forEach((mention) => { mention.read = true; });
      } catch (failure) {
        problem.value = failure;
      }
    }

    onMounted(() => load(false));
    // a new mention (or a reconnect): the first page again
    watch(() => mentionState.changes, () => load(false));

    return { items, nextCursor, loading, loaded, problem, timeZone, mentionState, load, open, markAll,
      formatInstant, t };
  },
  template: `
    <div>
      <div class="page-head">
        <h1>{{ t('mentions.title') }}</h1>
        <button id="mentions-read-all" type="button" :disabled="!mentionState.unread" @click="markAll">{{ t('mentions.readAll') }}</button>
      </div>
      <p class="muted">{{ t('mentions.intro') }}</p>
      <ProblemMessage :problem="problem" />
      <ul id="mentions" class="mention-list card" v-if="items.length">
        <li v-for="mention in items" :key="mention.id" :data-mention="mention.id" :class="{ unread: !mention.read }"
          :data-read="mention.read ? 'true' : 'false'">
          <button type="button" class="mention-row" @click="open(mention)">
            <span class="mention-line">
              <strong>{{ t('mentions.by', { name: mention.author.displayName }) }}</strong>
              <span class="muted small">{{ t('inbox.conversationNo', { id: mention.conversationId }) }}</span>
              <span v-if="!mention.read" class="badge ok">{{ t('mentions.unread') }}</span>
              <time class="muted small" :datetime="mention.createdAt">{{ formatInstant(mention.createdAt, timeZone) }}</time>
            </span>
            <span v-if="mention.available" class="mention-excerpt wrap">{{ mention.excerpt }}</span>
            <span v-else class="mention-excerpt muted" data-unavailable>{{ t('mentions.unavailable', { name: mention.author.displayName }) }}</span>
          </button>
        </li>
      </ul>
      <div class="empty" v-if="loaded && !items.length">{{ t('mentions.none') }}</div>
      <div class="more" v-if="nextCursor">
        <button type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button>
      </div>
    </div>`,
};
