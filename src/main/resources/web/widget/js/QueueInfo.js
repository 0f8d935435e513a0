// While a conversation waits for an agent: the visitor's place in the queue and a rough
// expected wait, refreshed every 15 seconds.
import { ref, computed, watch, onBeforeUnmount } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { vget } from './visitorApi.js';
import { state, offerLeaving } from './chat.js';

const REFRESH_MILLIS = 15_000;

export default {
  name: 'QueueInfo',
  setup() {
    const place = ref(null);
    let timer = null;
    const waiting = computed(() => !!state.conversation && state.conversation.status === 'waiting');

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

    const minutes = computed(() => (place.value && place.value.estimatedWaitSeconds)
      ? Math.max(1, Math.round(place.value.estimatedWaitSeconds / 60)) : null);
    return { place, minutes, waiting, offerLeaving, state, t };
  },
  template: `
    <div v-if="waiting && place && place.position" id="queue-position" class="pw-queue" role="status">
      <span>{{ t('widget.queue.position', { position: place.position }) }}</span>
      <span v-if="minutes"> · {{ t('widget.queue.wait', { minutes }) }}</span>
      <div v-if="place.offerMessage && !state.leaving" class="pw-queue-offer">
        {{ t('widget.queue.tooLong') }}
        <button id="queue-leave-message" type="button" class="pw-link-button" @click="offerLeaving(null)">{{ t('widget.queue.leaveMessage') }}</button>
      </div>
    </div>
    <div v-else-if="state.conversation && state.conversation.leftMessageAt && state.conversation.status === 'waiting'"
         id="message-left" class="pw-queue" role="status">{{ state.left && (state.left.email || state.left.phone)
           ? t('widget.leave.thanksTo', { to: state.left.email || state.left.phone }) : t('widget.leave.thanks') }}</div>`,
};
