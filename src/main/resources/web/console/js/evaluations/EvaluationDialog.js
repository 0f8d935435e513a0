// Evaluating a conversation (team.evaluate): each enabled item of the checklist scored 0-5
// or N/A, a comment the agent reads, the weighted total shown as it will be stored. Opens
// on the evaluator's own evaluation of the conversation when there is one, to change it.
import { ref, reactive, computed, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post, put } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { evaluationsChanged, formatTotal, weightedTotal } from './evaluationFormat.js';

const CHOICES = [0, 1, 2, 3, 4, 5, 'na'];

export default {
  name: 'EvaluationDialog',
  components: { ModalDialog, ProblemMessage },
  props: { conversationId: { type: Number, required: true } },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const items = ref([]);
    const scores = reactive({});
    const comment = ref('');
    const existing = ref(null);
    const loaded = ref(false);
    const busy = ref(false);
    const problem = ref(null);

    onMounted(async () => {
      try {
        const [checklist, page] = await Promise.all([get('/api/v1/evaluation-items'),
          get('/api/v1/evaluations', { conversationId: props.conversationId })]);
        items.value = checklist.filter((item) => item.enabled);
        existing.value = page.items.find((evaluation) => evaluation.mine) || null;
        for (const item of items.value) {
          const before = existing.value && existing.value.scores.find((score) => score.itemId === item.id);
          scores[item.id] = before ? (before.score === null ? 'na' : before.score) : undefined;
        }
        comment.value = existing.value ? existing.value.comment || '' : '';
      } catch (failure) {
        problem.value = failure;
      } finally {
        loaded.value = true;
      }
    });

    const total = computed(() => weightedTotal(items.value, scores));
    const complete = computed(() => items.value.length > 0 && items.value.every((item) => scores[item.id] !== undefined)
      && total.value !== null);

    async function save() {
      busy.value = true;
      problem.value = null;
      const body = {
        conversationId: props.conversationId,
        scores: items.value.map((item) => ({ itemId: item.id, score: scores[item.id] === 'na' ? null : scores[item.id] })),
        comment: comment.value,
      };
      try {
        const saved = existing.value ? await put('/api/v1/evaluations/' + existing.value.id, body)
          : await post('/api/v1/evaluations', body);
        evaluationsChanged.value += 1;
        emit('saved', saved);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const choiceLabel = (choice) => (choice === 'na' ? t('evaluation.notApplicable') : String(choice));
    return { CHOICES, items, scores, comment, existing, loaded, busy, problem, total, complete, save, choiceLabel,
      formatTotal, t };
  },
  template: `
    <ModalDialog class="evaluation-dialog" id="evaluation-dialog" title-id="evaluation-title"
      :title="existing ? t('evaluation.titleEdit') : t('evaluation.title')" @close="$emit('close')">
      <p class="muted small">{{ t('evaluation.intro') }}</p>
      <p v-if="existing" class="small" id="evaluation-agent">{{ t('evaluation.agentEvaluated', { name: existing.agent }) }}</p>
      <form @submit.prevent="save" novalidate>
        <fieldset v-for="item in items" :key="item.id" class="evaluation-choice" :data-item="item.id">
          <legend>{{ item.name }} <span class="muted small">{{ t('evaluation.weightShort', { weight: item.weight }) }}</span></legend>
          <p v-if="item.description" class="hint">{{ item.description }}</p>
          <div class="score-choices" role="radiogroup" :aria-label="item.name">
            <label v-for="choice in CHOICES" :key="choice" :class="{ chosen: scores[item.id] === choice, na: choice === 'na' }">
              <input type="radio" class="visually-hidden" :name="'score-' + item.id" :value="choice"
                v-model="scores[item.id]" :data-score="choice">
              <span>{{ choiceLabel(choice) }}</span>
            </label>
          </div>
        </fieldset>
        <div class="field">
          <label for="evaluation-comment">{{ t('evaluation.comment') }}</label>
          <textarea id="evaluation-comment" v-model="comment" rows="4" maxlength="2000"></textarea>
          <div class="hint">{{ comment.length }} / 2000</div>
        </div>
        <p id="evaluation-total" class="evaluation-preview">
          <strong v-if="total !== null">{{ t('evaluation.totalPreview', { total: formatTotal(total) }) }}</strong>
          <span v-else class="muted">{{ t('evaluation.totalNone') }}</span>
        </p>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button type="submit" id="evaluation-save" class="primary" :disabled="busy || !complete">{{ t('evaluation.save') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
