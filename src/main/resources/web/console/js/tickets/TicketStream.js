// The articles of a ticket, oldest first: the customer's messages, public replies and
// internal notes set apart (colour, label), with the author's name, how it came or went
// and the time in the organisation's zone. Text only; links and @mentions marked.
import { computed } from 'vue';
import { t, tOr, formatInstant } from '../../../shared/js/i18n.js';
import { noteParts, textParts } from '../inbox/format.js';
import { staffName } from './ticketOptions.js';

export default {
  name: 'TicketStream',
  props: { articles: Array, ticket: Object, timeZone: String },
  setup(props) {
    const shown = computed(() => props.articles.map((a) => ({
      article: a,
      kind: 'article-' + String(a.kind || '').toLowerCase(),
      author: author(a),
      parts: a.kind === 'NOTE' ? noteParts(a.body) : textParts(a.body),
    })));

    function author(a) {
      if (a.authorName) return a.authorName;
      if (a.author && (a.author.name || a.author.displayName)) return a.author.name || a.author.displayName;
      if (a.kind === 'CUSTOMER') return (props.ticket.customer && props.ticket.customer.name) || t('ticket.article.customer');
      if (a.kind === 'SYSTEM') return t('ticket.article.system');
      return staffName(a.authorStaffId) || t('ticket.article.staff', { id: a.authorStaffId ?? '?' });
    }

    return { shown, formatInstant, tOr, t };
  },
  template: `
    <ol class="ticket-stream" id="ticket-articles">
      <li v-for="entry in shown" :key="entry.article.id" class="article" :class="entry.kind"
        :data-article-id="entry.article.id" :data-kind="entry.article.kind">
        <div class="article-head small">
          <span class="article-label">{{ t('ticket.article.kind.' + entry.article.kind) }}</span>
          <strong class="article-author">{{ entry.author }}</strong>
          <span class="muted" v-if="entry.article.via">· {{ tOr('ticket.article.via.' + entry.article.via, entry.article.via) }}</span>
          <span class="badge" v-if="entry.article.alsoSms">{{ t('ticket.article.alsoSms') }}</span>
          <time class="muted article-time" :datetime="entry.article.createdAt">{{ formatInstant(entry.article.createdAt, timeZone) }}</time>
        </div>
        <div class="article-body"><template v-for="(part, index) in entry.parts" :key="index"><span v-if="part.mention"
          class="mention" :data-mention="part.mention.username">{{ part.text }}</span><a v-else-if="part.href" :href="part.href"
          target="_blank" rel="noopener noreferrer nofollow">{{ part.text }}</a><template v-else>{{ part.text }}</template></template></div>
      </li>
      <li v-if="!shown.length" class="empty small" id="ticket-no-articles">{{ t('ticket.noArticles') }}</li>
    </ol>`,
};
