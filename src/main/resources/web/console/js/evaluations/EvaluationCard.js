// One evaluation as the agent and his supervisors read it: who was evaluated and by whom,
// the total, each item's score (dots out of five, or N/A) and the comment for the agent.
import { computed } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { session } from '../session.js';
import { formatTotal, totalBand } from './evaluationFormat.js';

export default {
  name: 'EvaluationCard',
  props: {
    evaluation: { type: Object, required: true },
    /** show the agent's name (lists of several agents) */
    showAgent: { type: Boolean, default: true },
    /** link to the conversation */
    showConversation: { type: Boolean, default: true },
    editable: { type: Boolean, default: false },
  },
  emits: ['edit'],
  setup(props) {
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const dots = (score) => '●'.repeat(score) + '○'.repeat(5 - score);
    const link = computed(() => ({ name: 'inbox',
      query: { view: 'closed', conversation: String(props.evaluation.conversationId) } }));
    return { timeZone, dots, link, formatTotal, totalBand, formatInstant, t };
  },
  template: `
    <article class="evaluation-card" :data-evaluation="evaluation.id">
      <header class="evaluation-head">
        <div>
          <strong v-if="showAgent" class="evaluation-agent">{{ evaluation.agent }}</strong>
          <div class="small muted">
            <span>{{ t('evaluation.by', { name: evaluation.evaluator }) }}</span>
            <span> · {{ formatInstant(evaluation.updatedAt, timeZone) }}</span>
          </div>
          <div v-if="showConversation" class="small">
            <router-link :to="link">{{ t('evaluation.conversation', { id: evaluation.conversationId }) }}</router-link>
            <span class="muted"> · {{ t('evaluation.started', { time: formatInstant(evaluation.conversationStartedAt, timeZone) }) }}</span>
          </div>
        </div>
        <div class="evaluation-total">
          <span class="badge" :class="totalBand(evaluation.total)" data-total
            :title="t('evaluation.total')">{{ t('evaluation.outOf', { total: formatTotal(evaluation.total) }) }}</span>
          <button v-if="editable" type="button" class="link small" data-edit-evaluation
            @click="$emit('edit', evaluation)">{{ t('action.edit') }}</button>
        </div>
      </header>
      <ul class="evaluation-scores">
        <li v-for="score in evaluation.scores" :key="score.itemId" :data-item="score.itemId">
          <span class="evaluation-item">{{ score.name }} <span class="muted small">{{ t('evaluation.weightShort', { weight: score.weight }) }}</span></span>
          <span v-if="score.score === null" class="muted small">{{ t('evaluation.notApplicable') }}</span>
          <span v-else class="evaluation-dots" :aria-label="t('evaluation.scoreOf', { score: score.score })"
            :title="t('evaluation.scoreOf', { score: score.score })">{{ dots(score.score) }}</span>
        </li>
      </ul>
      <p v-if="evaluation.comment" class="evaluation-comment wrap">{{ evaluation.comment }}</p>
    </article>`,
};
