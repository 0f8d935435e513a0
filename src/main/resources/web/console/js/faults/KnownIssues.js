// The known issues: reviewed faults as symptom, cause, fix (and how to prevent it), found
// by their words.
import { ref, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { FAULTS } from './format.js';

export default {
  name: 'KnownIssues',
  components: { ProblemMessage },
  setup() {
    const q = ref('');
    const items = ref([]);
    const nextCursor = ref(null);
    const loading = ref(false);
    const loaded = ref(false);
    const problem = ref(null);

    async function load(append) {
      loading.value = true;
      problem.value = null;
      try {
        const page = await get(FAULTS + '/known-issues', { q: q.value.trim(),
          before: append ? nextCursor.value : null, limit: 50 });
        items.value = append ? items.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
        loaded.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    onMounted(() => load(false));
    return { q, items, nextCursor, loading, loaded, problem, load, t };
  },
  template: `
    <div class="known-issues">
      <form class="toolbar card" @submit.prevent="load(false)">
        <div class="grow">
          <label for="known-q">{{ t('faults.search') }}</label>
          <input id="known-q" type="search" v-model="q" maxlength="200">
        </div>
        <button id="known-search" class="primary" type="submit">{{ t('action.filter') }}</button>
      </form>
      <ProblemMessage :problem="problem" />
      <ul class="known-list">
        <li v-for="issue in items" :key="issue.id" class="card" :data-known="issue.id">
          <h2><router-link :to="{ name: 'fault', params: { id: issue.id } }">{{ issue.title }}</router-link></h2>
          <dl class="fault-facts">
            <dt>{{ t('faults.symptom') }}</dt><dd class="wrap">{{ issue.symptom }}</dd>
            <dt>{{ t('faults.cause') }}</dt><dd class="wrap">{{ issue.cause }}</dd>
            <dt>{{ t('faults.fix') }}</dt><dd class="wrap">{{ issue.fix || '—' }}</dd>
            <dt>{{ t('faults.prevention') }}</dt><dd class="wrap">{{ issue.prevention }}</dd>
          </dl>
        </li>
      </ul>
      <div class="empty card" v-if="loaded && !loading && !items.length">{{ t('faults.noKnown') }}</div>
      <div class="more" v-if="nextCursor">
        <button type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button>
      </div>
    </div>`,
};
