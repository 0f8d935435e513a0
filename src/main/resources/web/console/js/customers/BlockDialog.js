// Blocks a customer (spam, abuse): a reason and, if wanted, an end; without one the block
// lasts until someone lifts it. Used on the customer page and from the inbox.
import { ref } from 'vue';
import { t, zonedInstant } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session } from '../session.js';

export default {
  name: 'BlockDialog',
  components: { ModalDialog, ProblemMessage },
  /** path: the block endpoint (a customer's, or a conversation's block-customer). */
  props: { path: String },
  emits: ['close', 'blocked'],
  setup(props, { emit }) {
    const reason = ref('');
    const until = ref('');
    const busy = ref(false);
    const problem = ref(null);
    async function submit() {
      busy.value = true;
      problem.value = null;
      try {
        const customer = await post(props.path, {
          reason: reason.value.trim(),
          until: until.value ? zonedInstant(until.value, session.me.organisation.timeZone) : null,
        });
        emit('blocked', customer);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }
    return { reason, until, busy, problem, submit, t };
  },
  template: `
    <ModalDialog class="block-dialog" title-id="block-title" :title="t('customer.block.title')" @close="$emit('close')">
      <form @submit.prevent="submit">
        <p class="muted small">{{ t('customer.block.hint') }}</p>
        <label for="block-reason">{{ t('customer.block.reason') }}</label>
        <textarea id="block-reason" v-model="reason" maxlength="500" rows="3" required></textarea>
        <label for="block-until">{{ t('customer.block.until') }}</label>
        <input id="block-until" type="datetime-local" v-model="until">
        <p class="muted small">{{ t('customer.block.untilHint') }}</p>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
          <button id="block-confirm" type="submit" class="danger" :disabled="busy || !reason.trim()">{{ t('customer.block.confirm') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
