// The evaluations of one conversation in its side panel: what this staff member may read
// of them (the agent his own, supervisors their groups'), loaded again after one is saved.
import { ref, watch } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import EvaluationCard from './EvaluationCard.js';
import { evaluationsChanged } from './evaluationFormat.js';

export default {
  name: 'ConversationEvaluations',
  components: { EvaluationCard },
  props: { conversationId: { type: Number, required: true } },
  setup(props) {
    const evaluations = ref([]);
    async function load() {
      const page = await get('/api/v1/evaluations', { conversationId: props.conversationId }).catch(() => ({ items: [] }));
      evaluations.value = page.items;
    }
    watch(() => [props.conversationId, evaluationsChanged.value], load, { immediate: true });
    return { evaluations, t };
  },
  template: `
    <section v-if="evaluations.length" id="conversation-evaluations" class="conversation-evaluations">
      <h3>{{ t('evaluation.section') }}</h3>
      <EvaluationCard v-for="evaluation in evaluations" :key="evaluation.id" :evaluation="evaluation"
        :show-conversation="false" />
    </section>`,
};
