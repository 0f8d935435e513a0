// While a conversation waits for an agent: the visitor's place in the queue, the expected wait
// from measured waits ("unknown" without a basis) and whether anyone can answer now, refreshed
// every 15 seconds. When nobody can (nobody online, or outside business hours) it says so at
// once and offers the leave-a-message form; the visitor may still write and wait.
import { ref, computed, watch, onBeforeUnmount } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { vget } from './visitorApi.js';
import { state, offerLeaving, channelText } from './chat.js';

const REFRESH_MILLIS = 15_000;

export default {
  name: 'QueueInfo',
  setup() {
    const place = ref(null);
    let timer = null;
    const waiting = computed(() => !!state.conversation && state.conversation.status === 'waiting');

    watch(place, (value) => { state.answering = (value && value.answering) || null; });

    async function refresh() {
      if (!waiting.value) {
        place.value = null;
        return;
      }
      try {
        place.value = await vget('/api/v1/widget/conversations/' + state.conversation.id + '/queue');
      } catch {
        place.value = null;
      }
    }

    function schedule() {
      clearInterval(timer);
      timer = null;
      if (waiting.value) {
        refresh();
        timer = setInterval(refresh, REFRESH_MILLIS);
      } else {
        place.value = null;
      }
    }

    watch(waiting, schedule, { immediate: true });
    onBeforeUnmount(() => clearInterval(timer));

    const nobodyCanAnswer = computed(() => !!place.value
      && (place.value.answering === 'nobody' || place.value.answering === 'closed'));
    const minutes = computed(() => (place.value && place.value.estimatedWaitSeconds)
      ? Math.max(1, Math.round(place.value.estimatedWaitSeconds / 60)) : null);
    const situation = computed(() => {
      const answering = place.value && place.value.answering;
      if (answering === 'nobody' || answering === 'closed') return channelText('awayMessage') || t('widget.queue.' + answering);
      return answering === 'nobody' || answering === 'closed' || answering === 'busy'
        ? t('widget.queue.' + answering) : '';
    });
    return { place, minutes, waiting, nobodyCanAnswer, situation, offerLeaving, state, t };
  },
  template: `
    <div v-if="waiting && place && place.position" id="queue-position" class="pw-queue" role="status"
         :data-answering="place.answering">
      <p v-if="situation" id="queue-situation" class="pw-queue-situation">{{ situation }}</p>
      <template v-if="!nobodyCanAnswer">
        <span>{{ t('widget.queue.position', { position: place.position }) }}</span>
        <span id="queue-wait"> · {{ minutes ? t('widget.queue.wait', { minutes }) : t('widget.queue.waitUnknown') }}</span>
      </template>
      <div v-if="place.offerMessage && !state.leaving" class="pw-queue-offer">
        <template v-if="!nobodyCanAnswer">{{ t('widget.queue.tooLong') }}</template>
        <button id="queue-leave-message" type="button" class="pw-link-button" @click="offerLeaving(null)">{{ t('widget.queue.leaveMessage') }}</button>
      </div>
    </div>
    <div v-else-if="state.conversation && state.conversation.leftMessageAt && state.conversation.status === 'waiting'"
         id="message-left" class="pw-queue" role="status">{{ state.left && (state.left.email || state.left.phone)
           ? t('widget.leave.thanksTo', { to: state.left.email || state.left.phone }) : t('widget.leave.thanks') }}</div>`,
};
