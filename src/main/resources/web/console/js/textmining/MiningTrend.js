// Keyword trends: up to five chosen terms, each a line of the conversations per day that
// contain it, with the totals beside the chart. Terms are added here or by choosing one.
import { ref, computed, watch, nextTick, onBeforeUnmount } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { draw, COLOURS } from '../reports/charts.js';
import { formatNumber, formatRate } from '../reports/format.js';

const LINES = [COLOURS.accent, COLOURS.second, COLOURS.ok, COLOURS.danger, '#7c3aed'];
const MAX = 5;

export default {
  name: 'MiningTrend',
  components: { ProblemMessage },
  props: { params: { type: Object, required: true }, terms: { type: Array, required: true } },
  emits: ['terms'],
  setup(props, { emit }) {
    const trend = ref(null);
    const problem = ref(null);
    const adding = ref('');
    const canvas = ref(null);
    let chart = null;
    let asked = 0;

    async function load() {
      const mine = ++asked;
      problem.value = null;
      if (!props.terms.length) {
        trend.value = null;
        return;
      }
      try {
        const result = await get('/api/v1/text-mining/trend', { ...props.params, terms: props.terms.join(',') });
        if (mine === asked) trend.value = result;
      } catch (failure) {
        if (mine === asked) problem.value = failure;
      }
    }
    watch(() => [props.params, props.terms], load, { immediate: true, deep: true });

    watch(trend, async (result) => {
      await nextTick();
      if (!result) {
        if (chart) chart.destroy();
        chart = null;
        return;
      }
      chart = await draw(canvas.value, chart, {
        type: 'line',
        data: { labels: result.days, datasets: result.series.map((s, i) => ({ label: s.term, data: s.documents,
          borderColor: LINES[i % LINES.length], backgroundColor: LINES[i % LINES.length], tension: 0.2 })) },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    });
    onBeforeUnmount(() => { if (chart) chart.destroy(); });

    const totals = computed(() => {
      if (!trend.value) return [];
      const all = trend.value.documents.reduce((a, b) => a + b, 0);
      return trend.value.series.map((s) => {
        const n = s.documents.reduce((a, b) => a + b, 0);
        return { term: s.term, documents: n, share: all ? n / all : 0 };
      });
    });

    function add() {
      const term = adding.value.trim().toLowerCase();
      adding.value = '';
      if (!term || props.terms.includes(term)) return;
      emit('terms', [...props.terms, term].slice(-MAX));
    }
    const remove = (term) => emit('terms', props.terms.filter((x) => x !== term));

    return { t, trend, problem, adding, canvas, totals, add, remove, formatNumber, formatRate, MAX };
  },
  template: `
    <section class="card" id="mining-trend">
      <h2 :title="t('mining.help.trend')">{{ t('mining.trend') }}</h2>
      <form class="mining-terms" @submit.prevent="add">
        <span v-for="term in terms" :key="term" class="chip" :data-trend-term="term">{{ term }}
          <button type="button" class="link" :aria-label="t('mining.removeTerm', { term })" @click="remove(term)">×</button></span>
        <template v-if="terms.length < MAX">
          <label for="mining-add-term" class="visually-hidden">{{ t('mining.addTerm') }}</label>
          <input id="mining-add-term" type="text" v-model="adding" maxlength="40" :placeholder="t('mining.addTerm')">
          <button type="submit" :disabled="!adding.trim()">{{ t('mining.add') }}</button>
        </template>
      </form>
      <ProblemMessage :problem="problem" />
      <p v-if="!terms.length" class="muted small">{{ t('mining.trendHint') }}</p>
      <div v-show="trend" class="report-grid trend-grid">
        <div class="chart"><canvas ref="canvas" :aria-label="t('mining.trend')" role="img"></canvas></div>
        <table id="mining-trend-totals">
          <thead><tr><th>{{ t('mining.column.term') }}</th><th class="num">{{ t('mining.column.conversations') }}</th>
            <th class="num">{{ t('mining.column.share') }}</th></tr></thead>
          <tbody><tr v-for="row in totals" :key="row.term"><td>{{ row.term }}</td>
            <td class="num">{{ formatNumber(row.documents) }}</td><td class="num">{{ formatRate(row.share) }}</td></tr></tbody>
        </table>
      </div>
    </section>`,
};
