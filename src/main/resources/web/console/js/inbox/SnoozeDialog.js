// Snoozes a conversation: out of the agent's active list until a time (an hour, tomorrow 9:00,
// next Monday 9:00 in the organisation's time zone, or a time of his own) or until the customer
// writes. The server works the preset times out; a time of his own is read in the
// organisation's time zone too.
import { ref, onMounted, nextTick } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session } from '../session.js';

const PRESETS = [
  { preset: 'hour', label: 'snooze.hour' },
  { preset: 'tomorrow', label: 'snooze.tomorrow' },
  { preset: 'next_week', label: 'snooze.nextWeek' },
  { preset: 'customer_reply', label: 'snooze.customerReply' },
];

export default {
  name: 'SnoozeDialog',
  components: { ModalDialog, ProblemMessage },
  props: { conversation: Object },
  emits: ['snoozed', 'close'],
  setup(props, { emit }) {
    const busy = ref(false);
    const problem = ref(null);
    const custom = ref('');
    const first = ref(null);
    const zone = (session.me && session.me.organisation.timeZone) || 'UTC';

    async function snooze(body) {
      busy.value = true;
      problem.value = null;
      try {
        emit('snoozed', await post('/api/v1/conversations/' + props.conversation.id + '/snooze', body));
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    function submitCustom() {
      if (custom.value) snooze({ until: custom.value });
    }

    onMounted(() => nextTick(() => first.value && first.value[0] && first.value[0].focus()));

    return { PRESETS, busy, problem, custom, first, zone, snooze, submitCustom, t };
  },
  template: `
    <ModalDialog class="snooze-dialog" title-id="snooze-title" :title="t('snooze.title')" @close="$emit('close')">
      <p class="muted small">{{ t('snooze.intro') }}</p>
      <div class="snooze-presets">
        <button v-for="choice in PRESETS" :key="choice.preset" ref="first" type="button" :data-preset="choice.preset"
          :disabled="busy" @click="snooze({ preset: choice.preset })">{{ t(choice.label) }}</button>
      </div>
      <form class="snooze-custom" @submit.prevent="submitCustom" novalidate>
        <div class="field">
          <label for="snooze-until">{{ t('snooze.custom') }}</label>
          <input id="snooze-until" type="datetime-local" v-model="custom" />
          <div class="hint">{{ t('snooze.customHint', { zone }) }}</div>
        </div>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="snooze-submit" class="primary" type="submit" :disabled="busy || !custom">{{ t('snooze.submit') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
