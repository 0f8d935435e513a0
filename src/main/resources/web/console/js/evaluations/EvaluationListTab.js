// The evaluations list: newest conversation first, by agent (supervisors) and by the days
// the conversations started on, with the count and average of what is shown; an evaluator
// changes his own from here.
import { ref, reactive, computed, onMounted, watch } from 'vue';
import { t, tCount } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import EvaluationCard from './EvaluationCard.js';
import EvaluationDialog from './EvaluationDialog.js';
import { evaluationsChanged, formatTotal } from './evaluationFormat.js';

export default {
  name: 'EvaluationListTab',
  components: { ProblemMessage, EvaluationCard, EvaluationDialog },
  setup() {
    const supervisor = can('team.evaluate') || can('statistics.view') || can('statistics.view_all');
    const filter = reactive({ agentId: '', from: '', to: '' });
    const agents = ref([]);
    const items = ref([]);
    const next = ref(null);
    const loading = ref(false);
    const problem = ref(null);
    const editing = ref(null);
    const me = session.me.user.id;

    async function load(append) {
      loading.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/evaluations', { agentId: filter.agentId, from: filter.from, to: filter.to,
          cursor: append ? next.value : null, limit: 50 });
        items.value = append ? items.value.concat(page.items) : page.items;
        next.value = page.next;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    onMounted(async () => {
      if (supervisor && can('user.view')) {
        const page = await get('/api/v1/users', { limit: 100 }).catch(() => ({ items: [] }));
        agents.value = page.items;
      }
      load(false);
    });
    watch(evaluationsChanged, () => load(false));

    const average = computed(() => {
      if (!items.value.length) return null;
      return items.value.reduce((sum, e) => sum + e.total, 0) / items.value.length;
    });
    const summary = computed(() => tCount('evaluation.summary', items.value.length,
      { average: formatTotal(average.value === null ? null : Math.round(average.value * 10) / 10) }));
    const editable = (evaluation) => evaluation.mine && can('team.evaluate');

    return { supervisor, filter, agents, items, next, loading, problem, editing, me, summary, editable, load, t };
  },
  template: `
    <div>
      <p class="muted" id="evaluations-scope">{{ supervisor ? t('evaluation.scopeHint') : t('evaluation.mineHint') }}</p>
      <form class="toolbar card" @submit.prevent="load(false)">
        <div v-if="agents.length">
          <label for="evaluations-agent">{{ t('evaluation.agent') }}</label>
          <select id="evaluations-agent" v-model="filter.agentId">
            <option value="">{{ t('evaluation.anyAgent') }}</option>
            <option v-for="agent in agents" :key="agent.id" :value="agent.id">{{ agent.displayName }}</option>
          </select>
        </div>
        <div>
          <label for="evaluations-from">{{ t('audit.from') }}</label>
          <input id="evaluations-from" type="date" v-model="filter.from">
        </div>
        <div>
          <label for="evaluations-to">{{ t('audit.to') }}</label>
          <input id="evaluations-to" type="date" v-model="filter.to">
        </div>
        <button id="evaluations-show" class="primary" type="submit" :disabled="loading">{{ t('evaluation.show') }}</button>
      </form>
      <ProblemMessage :problem="problem" />
      <p v-if="items.length" id="evaluations-summary" class="small">{{ summary }}</p>
      <div id="evaluation-list" class="evaluation-list">
        <EvaluationCard v-for="evaluation in items" :key="evaluation.id" class="card" :evaluation="evaluation"
          :show-agent="supervisor" :editable="editable(evaluation)" @edit="editing = $event" />
      </div>
      <div class="card empty" v-if="!loading && !items.length && !problem">{{ t('evaluation.none') }}</div>
      <div class="more" v-if="next">
        <button type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button>
      </div>
      <EvaluationDialog v-if="editing" :conversation-id="editing.conversationId" @saved="editing = null"
        @close="editing = null" />
    </div>`,
};
