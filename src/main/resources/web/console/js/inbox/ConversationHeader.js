// The head of an open conversation: the visitor (and whether they are online), status and
// assignee, and what this person may do with it: take it from the queue, take it over from
// a colleague (supervisors, after confirming), transfer it, snooze it or take it back from a snooze, close it. Each action answers with the new state
// of the conversation (`changed`) or a problem; a 404 means it can no longer be read (`gone`).
// "Create ticket" (ticket.create) turns it into a ticket (transcript linked, customer carried
// over) and opens the ticket. "Evaluate" (team.evaluate, a closed conversation of someone else) scores it
// against the quality checklist.
import { ref, computed } from 'vue';
import { useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { get, post, del } from '../../../shared/js/api.js';
import { session, can } from '../session.js';
import TransferDialog from './TransferDialog.js';
import TakeOverDialog from './TakeOverDialog.js';
import SnoozeDialog from './SnoozeDialog.js';
import EvaluationDialog from '../evaluations/EvaluationDialog.js';
import { isSnoozed } from './inboxStore.js';
import { clockTime } from './format.js';

export default {
  name: 'ConversationHeader',
  components: { TransferDialog, TakeOverDialog, SnoozeDialog, EvaluationDialog },
  props: { conversation: Object, name: String, visitorOnline: { type: Boolean, default: null } },
  emits: ['back', 'toggle-panel', 'changed', 'problem', 'notice', 'transferred', 'gone'],
  setup(props, { emit }) {
    const me = session.me.user;
    const router = useRouter();
    const busy = ref(false);
    const transferring = ref(false);
    const confirmingTakeOver = ref(false);
    const snoozing = ref(false);
    const evaluating = ref(false);
    /** Supervisors score a closed conversation against the quality checklist. */
    const canEvaluate = computed(() => props.conversation.status === 'closed' && !!props.conversation.assignee
      && can('team.evaluate') && props.conversation.assignee.id !== me.id);
    const assignedToMe = computed(() => !!props.conversation.assignee && props.conversation.assignee.id === me.id);
    const mine = computed(() => assignedToMe.value && props.conversation.status === 'assigned');
    const canTake = computed(() => props.conversation.status === 'waiting' && can('conversation.reply'));
    /** A supervisor takes someone else's conversation for himself, once he confirms. */
    const canTakeOver = computed(() => props.conversation.status === 'assigned' && !assignedToMe.value
      && can('conversation.view_all') && can('conversation.reply'));
    const canTransfer = computed(() => props.conversation.status !== 'closed'
      && ((assignedToMe.value && can('conversation.transfer')) || can('conversation.view_all')));
    const snoozed = computed(() => isSnoozed(props.conversation));
    const canSnooze = computed(() => mine.value && can('conversation.reply'));
    const snoozeText = computed(() => (props.conversation.snoozedUntil
      ? t('inbox.snoozedUntil', { time: clockTime(props.conversation.snoozedUntil, session.me.organisation.timeZone) })
      : t('inbox.snoozedUntilReply')));
    const statusClass = computed(() => {
      const status = props.conversation.status;
      return status === 'waiting' ? 'warn' : status === 'assigned' ? 'ok' : '';
    });

    async function act(path, body, focusReply) {
      busy.value = true;
      emit('problem', null);
      emit('notice', '');
      try {
        emit('changed', await post('/api/v1/conversations/' + props.conversation.id + path, body), focusReply);
      } catch (failure) {
        if (failure.status === 404) {
          emit('gone');
        } else if (failure.status === 409 && path === '/assign') {
          emit('notice', t('inbox.takenByOther'));
          get('/api/v1/conversations/' + props.conversation.id).then((fresh) => emit('changed', fresh, false))
            .catch(() => null);
        } else {
          emit('problem', failure);
        }
      } finally {
        busy.value = false;
      }
    }

    const take = () => act('/assign', undefined, true);
    function takenOver(conversation) {
      confirmingTakeOver.value = false;
      emit('changed', conversation, true);
    }

    function takeOverGone() {
      confirmingTakeOver.value = false;
      emit('gone');
    }
    const close = () => act('/close', undefined, false);

    async function unsnooze() {
      busy.value = true;
      emit('problem', null);
      try {
        emit('changed', await del('/api/v1/conversations/' + props.conversation.id + '/snooze'), false);
      } catch (failure) {
        emit('problem', failure);
      } finally {
        busy.value = false;
      }
    }

    function snoozedNow(fresh) {
      snoozing.value = false;
      emit('changed', fresh, false);
    }

    async function createTicket() {
      busy.value = true;
      emit('problem', null);
      try {
        const ticket = await post('/api/v1/conversations/' + props.conversation.id + '/ticket', {});
        router.push({ name: 'ticket', params: { id: String(ticket.id) } });
      } catch (failure) {
        emit('problem', failure);
      } finally {
        busy.value = false;
      }
    }

    function transferred(result) {
      transferring.value = false;
      emit('transferred', result);
    }

    return { busy, transferring, confirmingTakeOver, snoozing, evaluating, canEvaluate, mine, canTake, canTakeOver, canTransfer, canSnooze,
      snoozed, snoozeText, statusClass, createTicket, can, take, takenOver, takeOverGone, close, unsnooze, snoozedNow, transferred, t };
  },
  template: `
    <header class="conv-head">
      <button type="button" class="link conv-back" @click="$emit('back')">← {{ t('inbox.back') }}</button>
      <div class="conv-title">
        <h2 id="conv-visitor">{{ name }}
          <span v-if="visitorOnline !== null" class="presence" :class="{ online: visitorOnline }"
            :title="visitorOnline ? t('inbox.online') : t('inbox.offline')"></span>
        </h2>
        <div class="conv-sub small muted">
          <span id="conv-status" class="badge" :class="statusClass" :data-status="conversation.status">{{ t('inbox.status.' + conversation.status) }}</span>
          <span v-if="conversation.assignee" id="conv-assignee">{{ t('inbox.assignedTo', { name: conversation.assignee.displayName }) }}</span>
          <span v-if="conversation.channel">· {{ conversation.channel.name }}</span>
          <span v-if="snoozed && conversation.status === 'assigned'" id="conv-snoozed" class="snoozed-until">· {{ snoozeText }}</span>
        </div>
      </div>
      <div class="conv-actions">
        <button v-if="canTake" id="conv-pick" class="primary" type="button" :disabled="busy" @click="take">{{ t('inbox.take') }}</button>
        <button v-if="canTakeOver" id="conv-take-over" type="button" :disabled="busy" @click="confirmingTakeOver = true">{{ t('inbox.takeOver') }}</button>
        <button v-if="canTransfer" id="conv-transfer" type="button" :disabled="busy" @click="transferring = true">{{ t('transfer.button') }}</button>
        <button v-if="canSnooze && !snoozed" id="conv-snooze" type="button" :disabled="busy" @click="snoozing = true">{{ t('inbox.snooze') }}</button>
        <button v-if="canSnooze && snoozed" id="conv-unsnooze" type="button" :disabled="busy" @click="unsnooze">{{ t('inbox.unsnooze') }}</button>
        <button v-if="mine" id="conv-close" type="button" :disabled="busy" @click="close">{{ t('inbox.close') }}</button>
        <button v-if="canEvaluate" id="conv-evaluate" type="button" @click="evaluating = true">{{ t('evaluation.evaluate') }}</button>
        <button v-if="can('ticket.create')" id="conv-create-ticket" type="button" :disabled="busy" @click="createTicket">{{ t('ticket.fromConversation') }}</button>
        <button type="button" class="conv-panel-toggle" @click="$emit('toggle-panel')">{{ t('inbox.details') }}</button>
      </div>
      <TransferDialog v-if="transferring" :conversation="conversation" @transferred="transferred"
        @close="transferring = false" />
      <TakeOverDialog v-if="confirmingTakeOver" :conversation="conversation" @taken="takenOver"
        @gone="takeOverGone" @close="confirmingTakeOver = false" />
      <EvaluationDialog v-if="evaluating" :conversation-id="conversation.id" @saved="evaluating = false"
        @close="evaluating = false" />
      <SnoozeDialog v-if="snoozing" :conversation="conversation" @snoozed="snoozedNow" @close="snoozing = false" />
    </header>`,
};
