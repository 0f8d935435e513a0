// Notices for notes that mention me ("Li Na mentioned you in a conversation"), with a link to
// the conversation; they stay until opened or closed (and count in the menu meanwhile).
import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { inbox, dismissMention, clearMentions } from './inboxStore.js';
import { visitorName } from './format.js';

const SHOWN = 3;

export default {
  name: 'MentionToasts',
  setup() {
    const route = useRoute();
    const shown = computed(() => inbox.mentions.slice(-SHOWN).reverse());
    const hidden = computed(() => Math.max(0, inbox.mentions.length - SHOWN));

    function who(entry) {
      return (entry.note.author && entry.note.author.displayName) || t('inbox.anAgent');
    }

    /** The conversation's name if one of the lists has it, else its number. */
    function where(entry) {
      for (const view of Object.values(inbox.views)) {
        const item = view.items.find((candidate) => candidate.id === entry.conversationId);
        if (item) return visitorName(item);
      }
      return t('inbox.conversationNo', { id: entry.conversationId });
    }

    function target(entry) {
      const query = route.name === 'inbox' ? { ...route.query } : {};
      query.conversation = String(entry.conversationId);
      return { name: 'inbox', query };
    }

    return { shown, hidden, who, where, target, dismissMention, clearMentions, t };
  },
  template: `
    <div id="mention-toasts" class="mention-toasts" aria-live="polite" v-if="shown.length">
      <div v-for="entry in shown" :key="entry.key" class="mention-toast" role="status" :data-conversation-id="entry.conversationId">
        <div class="mention-toast-text">
          <strong>{{ t('notes.mentionedYou', { name: who(entry) }) }}</strong>
          <div class="small muted">{{ where(entry) }}</div>
        </div>
        <router-link :to="target(entry)" class="mention-open small" @click="clearMentions(entry.conversationId)">{{ t('notes.openConversation') }}</router-link>
        <button type="button" class="link mention-dismiss" :aria-label="t('action.close')" @click="dismissMention(entry.key)">✕</button>
      </div>
      <div v-if="hidden" class="mention-more small muted">{{ t('notes.moreMentions', { count: hidden }) }}</div>
    </div>`,
};
