// The internal-note box: staff-only text on a conversation (the visitor never sees it). Enter
// posts, Shift+Enter starts a new line. Typing "@" offers colleagues and inserts "@username"
// (mentions/useMentionPicker.js, shared with the ticket composer); the server works out who
// was mentioned, whatever the case.
import { ref, computed, nextTick, onBeforeUnmount } from 'vue';
import { t, tOr } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { useMentionPicker } from '../mentions/useMentionPicker.js';
import PickList from './PickList.js';

const MAX_LENGTH = 2000;

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
    const { mention, pickItems, closeMentions, updateMentions, choose, mentionKey, onCaretMove, dispose } =
      useMentionPicker(text, box);

    const specific = computed(() => (problem.value ? tOr('notes.error.' + problem.value.code, null) : null));

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
      if (mentionKey(event)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (event.key !== 'Enter' || event.shiftKey) return;
      event.preventDefault();
      submit();
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
      dispose();
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
