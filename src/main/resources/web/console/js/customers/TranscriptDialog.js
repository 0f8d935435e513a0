// One of a customer's conversations, read-only, through the customer page (a customer.view
// holder reads that customer's transcripts, whoever handled them).
import { ref, computed, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import MessageItem from '../inbox/MessageItem.js';
import { session } from '../session.js';

export default {
  name: 'TranscriptDialog',
  components: { ModalDialog, ProblemMessage, MessageItem },
  props: { customerId: Number, conversationId: Number },
  emits: ['close'],
  setup(props) {
    const messages = ref([]);
    const loaded = ref(false);
    const problem = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    onMounted(async () => {
      let after = 0;
      try {
        for (let pages = 0; pages < 20; pages++) {
          const page = await get('/api/v1/customers/' + props.customerId + '/conversations/'
            + props.conversationId + '/messages', { after, limit: 100 });
          messages.value = messages.value.concat(page.items);
          if (page.items.length < 100) break;
          after = page.items[page.items.length - 1].seq;
        }
      } catch (failure) {
        problem.value = failure;
      } finally {
        loaded.value = true;
      }
    });
    return { messages, loaded, problem, timeZone, t };
  },
  template: `
    <ModalDialog class="transcript-dialog" title-id="transcript-title"
      :title="t('customer.transcript', { id: conversationId })" @close="$emit('close')">
      <ProblemMessage :problem="problem" />
      <div id="customer-transcript" class="transcript readonly">
        <MessageItem v-for="m in messages" :key="m.id" :message="m" :time-zone="timeZone" />
        <p v-if="loaded && !messages.length && !problem" class="muted">{{ t('customer.transcriptEmpty') }}</p>
      </div>
    </ModalDialog>`,
};
