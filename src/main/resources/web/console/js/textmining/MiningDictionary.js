// The administrators' words (statistics.view_all): product names and other terms the
// segmenter keeps whole (products are also found as entities), and stop words it ignores.
// New words apply from now on; a re-run over a period applies them to the past.
import { ref, reactive, onMounted, onBeforeUnmount } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { presetRange } from '../reports/format.js';

const KINDS = ['PRODUCT', 'PLACE', 'ORGANISATION', 'TERM', 'STOP'];
const POLL = 2000;

export default {
  name: 'MiningDictionary',
  components: { ProblemMessage },
  setup() {
    const words = ref([]);
    const problem = ref(null);
    const form = reactive({ word: '', kind: 'PRODUCT' });
    const formProblem = ref(null);
    const busy = ref(false);
    const filter = ref('');
    const timeZone = session.me.organisation.timeZone;
    const run = reactive({ ...presetRange('last30', timeZone) });
    const status = ref(null);
    const runProblem = ref(null);
    let timer = null;

    async function load() {
      words.value = await get('/api/v1/text-mining/dictionary');
    }

    async function refresh() {
      status.value = await get('/api/v1/text-mining/runs');
      clearTimeout(timer);
      if (status.value.state === 'RUNNING') timer = setTimeout(() => refresh().catch(() => {}), POLL);
    }

    onMounted(() => {
      load().catch((failure) => { problem.value = failure; });
      refresh().catch((failure) => { runProblem.value = failure; });
    });
    onBeforeUnmount(() => clearTimeout(timer));

    async function add() {
      busy.value = true;
      formProblem.value = null;
      try {
        await post('/api/v1/text-mining/dictionary', { word: form.word.trim(), kind: form.kind });
        form.word = '';
        await load();
      } catch (failure) {
        formProblem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function change(word, kind) {
      problem.value = null;
      try {
        await put('/api/v1/text-mining/dictionary/' + word.id, { word: word.word, kind });
        await load();
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function remove(word) {
      problem.value = null;
      try {
        await del('/api/v1/text-mining/dictionary/' + word.id);
        await load();
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function rerun() {
      runProblem.value = null;
      try {
        status.value = await post('/api/v1/text-mining/runs', { from: run.from, to: run.to });
        await refresh();
      } catch (failure) {
        runProblem.value = failure;
      }
    }

    const shown = () => words.value.filter((w) => !filter.value.trim()
      || w.word.toLowerCase().includes(filter.value.trim().toLowerCase()));
    return { t, words, problem, form, formProblem, busy, filter, run, status, runProblem, timeZone, KINDS, add, change,
      remove, rerun, shown, formatInstant };
  },
  template: `
    <div>
      <section class="card" id="mining-dictionary">
        <h2>{{ t('mining.dictionary') }}</h2>
        <p class="muted small">{{ t('mining.dictionary.hint') }}</p>
        <form class="toolbar" @submit.prevent="add" novalidate>
          <div>
            <label for="mining-word">{{ t('mining.dictionary.word') }}</label>
            <input id="mining-word" type="text" v-model="form.word" maxlength="40" required>
          </div>
          <div>
            <label for="mining-kind">{{ t('mining.dictionary.kind') }}</label>
            <select id="mining-kind" v-model="form.kind">
              <option v-for="k in KINDS" :key="k" :value="k">{{ t('mining.kind.' + k) }}</option>
            </select>
          </div>
          <div><button type="submit" class="primary" id="mining-word-add" :disabled="busy || !form.word.trim()">{{ t('mining.add') }}</button></div>
        </form>
        <ProblemMessage :problem="formProblem" />
        <ProblemMessage :problem="problem" />
        <div v-if="words.length > 10" class="field">
          <label for="mining-word-filter" class="visually-hidden">{{ t('mining.dictionary.filter') }}</label>
          <input id="mining-word-filter" type="search" v-model="filter" :placeholder="t('mining.dictionary.filter')">
        </div>
        <table v-if="words.length" id="mining-words">
          <thead><tr><th>{{ t('mining.dictionary.word') }}</th><th>{{ t('mining.dictionary.kind') }}</th><th></th></tr></thead>
          <tbody><tr v-for="word in shown()" :key="word.id" :data-word="word.word">
            <td>{{ word.word }}</td>
            <td><select :value="word.kind" :aria-label="t('mining.dictionary.kindOf', { word: word.word })"
              @change="change(word, $event.target.value)">
              <option v-for="k in KINDS" :key="k" :value="k">{{ t('mining.kind.' + k) }}</option></select></td>
            <td><button type="button" class="link small" data-remove @click="remove(word)">{{ t('mining.dictionary.remove') }}</button></td>
          </tr></tbody>
        </table>
        <p v-else class="empty">{{ t('mining.dictionary.none') }}</p>
      </section>
      <section class="card" id="mining-runs">
        <h2>{{ t('mining.rerun') }}</h2>
        <p class="muted small">{{ t('mining.rerun.hint') }}</p>
        <form class="toolbar" @submit.prevent="rerun">
          <div><label for="mining-run-from">{{ t('reports.from') }}</label>
            <input id="mining-run-from" type="date" v-model="run.from" required></div>
          <div><label for="mining-run-to">{{ t('reports.to') }}</label>
            <input id="mining-run-to" type="date" v-model="run.to" required></div>
          <div><button type="submit" id="mining-run-start" :disabled="status && status.state === 'RUNNING'">{{ t('mining.rerun.start') }}</button></div>
        </form>
        <ProblemMessage :problem="runProblem" />
        <p v-if="status && status.state !== 'IDLE'" id="mining-run-status" :data-state="status.state">
          <span class="badge" :class="{ ok: status.state === 'DONE', off: status.state === 'FAILED' }">{{ t('mining.run.' + status.state) }}</span>
          {{ t('mining.run.detail', { from: status.from, to: status.to, n: status.analysed, by: status.startedBy || '—',
            at: formatInstant(status.startedAt, timeZone) }) }}
        </p>
      </section>
    </div>`,
};
