// The internal-note box: staff-only text on a conversation (the visitor never sees it). Enter
// posts, Shift+Enter starts a new line. Typing "@" offers colleagues (/api/v1/colleagues: names
// and usernames of enabled staff, for whoever may write notes) and inserts "@username"; the
// server works out who was mentioned, whatever the case.
import { ref, reactive, computed, nextTick, onBeforeUnmount } from 'vue';
import { t, tOr } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { can } from '../session.js';
import PickList from './PickList.js';

const MAX_LENGTH = 2000;
const SUGGESTIONS = 8;
const AT = /(^|[^A-Za-z0-9._@-])@([A-Za-z0-9._-]{0,64})$/;

export default {
  name: 'NoteBox',
  components: { ProblemMessage, PickList },
  props: { conversationId: Number },
  emits: ['posted'],
  setup(props, { emit }) {
    const text = ref('');
    const box = ref(null);
    const busy = ref(false);
    const problem = ref(null);
    const mention = reactive({ open: false, start: 0, end: 0, query: '', active: 0, items: [], loading: false });
    let generation = 0;
    let searchTimer = null;
    let dismissedAt = -1;

    const specific = computed(() => (problem.value ? tOr('notes.error.' + problem.value.code, null) : null));
    const pickItems = computed(() => mention.items.map((person, index) => ({
      index, key: person.username, primary: person.displayName || person.username, secondary: '@' + person.username,
    })));

    function closeMentions() {
      mention.open = false;
      mention.items = [];
      mention.active = 0;
      generation += 1;
      clearTimeout(searchTimer);
    }

    async function suggest(query) {
      const mine = ++generation;
      let people = [];
      try {
        const list = await get('/api/v1/colleagues', { q: query, limit: SUGGESTIONS });
        people = Array.isArray(list) ? list : [];
      } catch {
        people = [];
      }
      if (mine !== generation || !mention.open) return;
      mention.items = people.slice(0, SUGGESTIONS);
      if (mention.active >= mention.items.length) mention.active = 0;
      mention.loading = false;
    }

    /** Suggestions for whoever may write notes (the server refuses anyone else). */
    const canSuggest = can('conversation.reply') || can('conversation.view_all');

    function updateMentions() {
      if (!canSuggest) return;
      const element = box.value;
      if (!element || element.selectionStart !== element.selectionEnd) {
        if (mention.open) closeMentions();
        return;
      }
      const caret = element.selectionStart;
      const match = AT.exec(text.value.slice(0, caret));
      const start = match ? caret - match[2].length - 1 : -1;
      if (!match || start === dismissedAt) {
        if (!match) dismissedAt = -1;
        if (mention.open) closeMentions();
        return;
      }
      const changed = !mention.open || mention.query !== match[2];
      mention.start = start;
      mention.end = caret;
      mention.query = match[2];
      if (!mention.open) {
        mention.open = true;
        mention.items = [];
      }
      if (changed) {
        mention.active = 0;
        mention.loading = true;
        clearTimeout(searchTimer);
        const query = match[2];
        searchTimer = setTimeout(() => suggest(query), 150);
      }
    }

    function choose(index) {
      const person = mention.items[index];
      if (!person) return;
      const inserted = '@' + person.username + ' ';
      const start = Math.min(mention.start, text.value.length);
      const end = Math.min(Math.max(mention.end, start), text.value.length);
      const after = text.value.slice(end).replace(/^\s/, '');
      text.value = text.value.slice(0, start) + inserted + after;
      const caret = start + inserted.length;
      closeMentions();
      nextTick(() => {
        if (!box.value) return;
        box.value.focus();
        box.value.setSelectionRange(caret, caret);
      });
    }

    async function submit() {
      const value = text.value.trim();
      if (!value || busy.value) return;
      busy.value = true;
      problem.value = null;
      closeMentions();
      try {
        const note = await post('/api/v1/conversations/' + props.conversationId + '/notes', { text: value });
        text.value = '';
        emit('posted', note);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
        nextTick(() => box.value && box.value.focus());
      }
    }

    function onKeydown(event) {
      if (event.isComposing || event.keyCode === 229) return;
      if (mention.open) {
        const count = mention.items.length;
        let used = true;
        if (event.key === 'ArrowDown' && count) mention.active = (mention.active + 1) % count;
        else if (event.key === 'ArrowUp' && count) mention.active = (mention.active - 1 + count) % count;
        else if ((event.key === 'Enter' || event.key === 'Tab') && count && !event.shiftKey) choose(mention.active);
        else if (event.key === 'Escape') {
          dismissedAt = mention.start;
          closeMentions();
        } else used = false;
        if (used) {
          event.preventDefault();
          event.stopPropagation();
          return;
        }
      }
      if (event.key !== 'Enter' || event.shiftKey) return;
      event.preventDefault();
      submit();
    }

    function onCaretMove(event) {
      if (event && ['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key)) return;
      updateMentions();
    }

    let blurTimer = null;
    function onBlur() {
      clearTimeout(blurTimer);
      blurTimer = setTimeout(() => {
        if (mention.open && document.activeElement !== box.value) closeMentions();
      }, 150);
    }

    function focus() {
      if (box.value) box.value.focus();
    }

    onBeforeUnmount(() => {
      clearTimeout(searchTimer);
      clearTimeout(blurTimer);
    });

    return { text, box, busy, problem, specific, mention, pickItems, submit, onKeydown, onCaretMove, onBlur, choose,
      updateMentions, focus, MAX_LENGTH, t };
  },
  template: `
    <form class="reply note-compose" @submit.prevent="submit">
      <PickList v-if="mention.open && (mention.items.length || !mention.loading)" id="mention-picker" class="mention-picker"
        attr="mention" :items="pickItems" :active="mention.active" :label="t('notes.mentionLabel')"
        :empty="t('notes.noColleague')" @pick="choose($event.index)" @hover="mention.active = $event" />
      <label for="note-box" class="visually-hidden">{{ t('notes.label') }}</label>
      <textarea id="note-box" ref="box" v-model="text" rows="3" :maxlength="MAX_LENGTH" :placeholder="t('notes.hint')"
        aria-autocomplete="list" :aria-expanded="mention.open ? 'true' : 'false'"
        @input="updateMentions" @keydown="onKeydown" @keyup="onCaretMove" @click="onCaretMove()" @blur="onBlur"></textarea>
      <div v-if="specific" class="problem" role="alert"><strong>{{ specific }}</strong></div>
      <ProblemMessage v-else :problem="problem" />
      <div class="reply-actions">
        <span class="muted small grow">{{ t('notes.keys') }}</span>
        <button id="note-send" class="primary" type="submit" :disabled="busy || !text.trim()">{{ t('notes.add') }}</button>
      </div>
    </form>`,
};
