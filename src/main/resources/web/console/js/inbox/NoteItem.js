// One internal note in the conversation timeline: staff only, set apart from the chat
// (label, author, time); @mentions highlighted, links clickable, everything else plain text.
import { computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { session } from '../session.js';
import { noteParts, clockTime } from './format.js';

export default {
  name: 'NoteItem',
  props: { note: Object, timeZone: String },
  setup(props) {
    const parts = computed(() => noteParts(props.note.text, props.note.mentions));
    const time = computed(() => clockTime(props.note.createdAt, props.timeZone));
    const author = computed(() => (props.note.author && props.note.author.displayName) || t('inbox.anAgent'));
    const myId = session.me ? session.me.user.id : null;
    const isMe = (person) => !!person && person.id !== undefined && person.id === myId;
    return { parts, time, author, isMe, t };
  },
  template: `
    <div class="note" :data-note-id="note.id">
      <div class="note-head small">
        <span class="note-label">{{ t('notes.internal') }}</span>
        <span class="note-author">{{ author }}</span>
        <time class="note-time muted" :datetime="note.createdAt">{{ time }}</time>
      </div>
      <div class="note-text"><template v-for="(part, index) in parts" :key="index"><span v-if="part.mention"
        class="mention" :class="{ me: isMe(part.mention) }" :title="part.mention.displayName || null"
        :data-mention="part.mention.username">{{ part.text }}</span><a v-else-if="part.href" :href="part.href" target="_blank"
        rel="noopener noreferrer nofollow">{{ part.text }}</a><template v-else>{{ part.text }}</template></template></div>
    </div>`,
};
