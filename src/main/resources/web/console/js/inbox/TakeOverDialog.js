// Asks a supervisor to confirm taking a colleague's conversation for himself, says what
// happens (the colleague can no longer reply, the transcript and audit log record it),
// and takes it over. Emits `taken` with the conversation's new state, or `gone` when it can
// no longer be read.
import { ref } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';

export default {
  name: 'TakeOverDialog',
  components: { ModalDialog, ProblemMessage },
  props: { conversation: Object },
  emits: ['taken', 'gone', 'close'],
  setup(props, { emit }) {
    const busy = ref(false);
    const problem = ref(null);

    async function confirm() {
      busy.value = true;
      problem.value = null;
      try {
        emit('taken', await post('/api/v1/conversations/' + props.conversation.id + '/take-over', {}));
      } catch (failure) {
        if (failure.status === 404) emit('gone');
        else problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const agent = () => (props.conversation.assignee ? props.conversation.assignee.displayName : t('inbox.anAgent'));
    return { busy, problem, confirm, agent, t };
  },
  template: `
    <ModalDialog class="take-over-dialog" title-id="take-over-title" :title="t('takeOver.title')"
      initial-focus="#take-over-confirm" @close="$emit('close')">
      <p id="take-over-text">{{ t('takeOver.text', { agent: agent() }) }}</p>
      <ProblemMessage :problem="problem" />
      <div class="actions">
        <button id="take-over-confirm" class="primary" type="button" :disabled="busy" @click="confirm">{{ t('inbox.takeOver') }}</button>
        <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
      </div>
    </ModalDialog>`,
};
