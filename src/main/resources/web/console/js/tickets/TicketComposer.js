// Writing on a ticket: a public reply (to the customer by e-mail, "also by text message"
// where chosen, and into the portal) or an internal note (staff only, @mentions offered as
// in the inbox's note box). A reply may "submit as" open, pending or solved. Canned
// responses work as in the inbox's reply box ("/" or the button; canned/useCannedPicker.js).
// Ctrl+Enter (or Cmd+Enter) sends; Enter starts a new line. Each article keeps one clientId
// until it is stored, so a retry after a failure cannot write it twice.
import { ref, computed, watch, nextTick, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import EmojiPicker from '../../../shared/js/EmojiPicker.js';
import PickList from '../inbox/PickList.js';
import { newClientId } from '../inbox/format.js';
import { useCannedPicker } from '../canned/useCannedPicker.js';
import { useMentionPicker } from '../mentions/useMentionPicker.js';

const MAX_LENGTH = 50000;

export default {
  name: 'TicketComposer',
  components: { ProblemMessage, EmojiPicker, PickList },
  props: { ticket: Object },
  emits: ['written', 'stale'],
  setup(props, { emit }) {
    const mode = ref('REPLY');
    const text = ref('');
    const box = ref(null);
    const filter = ref(null);
    const sms = ref(false);
    const submitAs = ref('');
    const busy = ref(false);
    const problem = ref(null);
    let clientId = null;

    const canned = useCannedPicker(text, box, filter, { customerName: () => props.ticket.customer.name });
    const mentions = useMentionPicker(text, box);
    const note = computed(() => mode.value === 'NOTE');
    // "submit as": the statuses a reply may leave the ticket in that this person may reach
    const submitChoices = computed(() => {
      const from = props.ticket.status === 'NEW' ? 'OPEN' : props.ticket.status;
      const allowed = new Set(props.ticket.allowedStatuses || []);
      return ['OPEN', 'PENDING', 'SOLVED'].filter((s) => s === from || allowed.has(s)
        || (props.ticket.status === 'NEW' && s === 'OPEN'));
    });

    watch(mode, () => {
      canned.closePicker();
      mentions.closeMentions();
      problem.value = null;
      nextTick(() => box.value && box.value.focus());
    });
    watch(text, () => { clientId = null; });

    function onInput() {
      if (note.value) mentions.updateMentions();
      canned.updatePicker();
    }

    function onCaretMove(event) {
      if (note.value) mentions.onCaretMove(event);
      canned.onCaretMove(event);
    }

    function onKeydown(event) {
      if ((note.value && mentions.mentionKey(event)) || canned.pickerKey(event)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    }

    let blurTimer = null;
    function onBlur() {
      clearTimeout(blurTimer);
      blurTimer = setTimeout(() => {
        canned.closeUnlessFocused();
        if (mentions.mention.open && document.activeElement !== box.value) mentions.closeMentions();
      }, 150);
    }

    async function submit() {
      const body = text.value.trim();
      if (!body || busy.value) return;
      busy.value = true;
      problem.value = null;
      canned.closePicker();
      mentions.closeMentions();
      if (!clientId) clientId = newClientId();
      const form = { kind: mode.value, body, clientId };
      if (!note.value) {
        if (sms.value) form.sms = true;
        if (submitAs.value) form.status = submitAs.value;
      }
      try {
        const answer = await post('/api/v1/tickets/' + props.ticket.id + '/articles', form);
        text.value = '';
        clientId = null;
        sms.value = false;
        submitAs.value = '';
        emit('written', answer);
      } catch (failure) {
        if (failure.code === 'stale_version') emit('stale');
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    onBeforeUnmount(() => {
      clearTimeout(blurTimer);
      mentions.dispose();
    });

    return { mode, text, box, filter, sms, submitAs, busy, problem, note, submitChoices, canned, mentions,
      onInput, onCaretMove, onKeydown, onBlur, submit, MAX_LENGTH, t };
  },
  template: `
    <div class="ticket-composer card" id="ticket-composer" :data-mode="mode">
      <div class="compose-tabs" role="tablist" :aria-label="t('notes.composeLabel')">
        <button type="button" role="tab" id="compose-reply" data-compose="reply" :class="{ active: mode === 'REPLY' }"
          :aria-selected="mode === 'REPLY'" @click="mode = 'REPLY'">{{ t('ticket.compose.reply') }}</button>
        <button type="button" role="tab" id="compose-note" data-compose="note" :class="{ active: mode === 'NOTE' }"
          :aria-selected="mode === 'NOTE'" @click="mode = 'NOTE'">{{ t('ticket.compose.note') }}</button>
      </div>
      <form class="reply" :class="{ 'note-compose': note }" @submit.prevent="submit">
        <PickList v-if="canned.pick.open" id="ticket-canned-picker" class="canned-picker" attr="canned" :items="canned.pickItems.value"
          :active="canned.pick.active" :label="t('canned.pickerLabel')" :empty="canned.pickEmpty.value"
          @pick="canned.choosePicked" @hover="canned.pick.active = $event">
          <div class="suggest-head">
            <span class="small muted">{{ t('canned.pickerLabel') }}</span>
            <input v-if="canned.pick.mode === 'button'" id="ticket-canned-filter" ref="filter" type="search" autocomplete="off"
              :value="canned.pick.query" :placeholder="t('canned.filterHint')" :aria-label="t('canned.filterHint')"
              @input="canned.onFilterInput" @keydown="canned.onFilterKeydown" @blur="onBlur">
            <span v-else class="small muted">{{ t('canned.pickerKeys') }}</span>
          </div>
        </PickList>
        <PickList v-else-if="note && mentions.mention.open && (mentions.mention.items.length || !mentions.mention.loading)"
          id="ticket-mention-picker" class="mention-picker" attr="mention" :items="mentions.pickItems.value"
          :active="mentions.mention.active" :label="t('notes.mentionLabel')" :empty="t('notes.noColleague')"
          @pick="mentions.choose($event.index)" @hover="mentions.mention.active = $event" />
        <label for="ticket-reply-box" class="visually-hidden">{{ note ? t('ticket.compose.note') : t('ticket.compose.reply') }}</label>
        <textarea id="ticket-reply-box" ref="box" v-model="text" rows="5" :maxlength="MAX_LENGTH"
          :placeholder="note ? t('ticket.compose.noteHint') : t('ticket.compose.replyHint')"
          aria-autocomplete="list" @input="onInput" @keydown="onKeydown" @keyup="onCaretMove" @click="onCaretMove()"
          @blur="onBlur"></textarea>
        <ProblemMessage :problem="problem" />
        <div class="reply-actions composer-actions">
          <button id="ticket-canned-button" type="button" :title="t('canned.buttonHint')" @mousedown.prevent
            @click="canned.togglePicker">{{ t('canned.button') }}</button>
          <EmojiPicker for="ticket-reply-box" />
          <label v-if="!note" class="check small" for="ticket-also-sms"><input id="ticket-also-sms" type="checkbox" v-model="sms">
            {{ t('ticket.compose.alsoSms') }}</label>
          <span class="grow"></span>
          <label v-if="!note" class="small submit-as" for="ticket-submit-as">{{ t('ticket.compose.submitAs') }}
            <select id="ticket-submit-as" v-model="submitAs">
              <option value="">{{ t('ticket.compose.keepStatus') }}</option>
              <option v-for="s in submitChoices" :key="s" :value="s">{{ t('ticket.status.' + s) }}</option>
            </select></label>
          <button id="ticket-send" class="primary" type="submit" :disabled="busy || !text.trim()"
            :title="t('ticket.compose.keys')">{{ note ? t('ticket.compose.addNote') : t('ticket.compose.send') }}</button>
        </div>
      </form>
    </div>`,
};
