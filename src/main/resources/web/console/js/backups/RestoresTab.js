// The recent restores, newest first: which backup, who, when, how it went, and each
// one's integrity report. Polled while one runs.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import IntegrityReport from './IntegrityReport.js';
import { STATUS_BADGES, progressOf } from './format.js';

const POLL_MILLIS = 2000;

export default {
  name: 'RestoresTab',
  components: { ProblemMessage, IntegrityReport },
  setup() {
    const items = ref([]);
    const loaded = ref(false);
    const problem = ref(null);
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    let timer = null;
    let gone = false;

    async function load() {
      try {
        items.value = await get('/api/v1/operations/restores');
        loaded.value = true;
        problem.value = null;
      } catch (failure) {
        problem.value = failure;
      }
      if (!gone && items.value.some((restore) => restore.status === 'RUNNING')) {
        timer = setTimeout(load, POLL_MILLIS);
      }
    }

    onMounted(load);
    onBeforeUnmount(() => {
      gone = true;
      if (timer) clearTimeout(timer);
    });

    const when = (iso) => formatInstant(iso, timeZone.value);
    return { items, loaded, problem, badges: STATUS_BADGES, when, progressOf, t };
  },
  template: `
    <div class="restore-list">
      <p class="muted">{{ t('backups.restores.intro') }}</p>
      <ProblemMessage :problem="problem" />
      <div v-for="restore in items" :key="restore.id" class="card" :data-restore="restore.id" :data-status="restore.status">
        <h3>{{ when(restore.startedAt) }}
          <span class="badge" :class="badges[restore.status]">{{ t('backups.status.' + restore.status) }}</span></h3>
        <p class="small">{{ t('backups.restores.line', { file: restore.fileName, who: restore.startedBy, node: restore.node }) }}</p>
        <p v-if="restore.status === 'RUNNING' && progressOf(restore.progress)" class="muted small">{{ t('backups.restoreProgress',
          progressOf(restore.progress)) }}</p>
        <p v-if="restore.finishedAt" class="muted small">{{ t('backups.restores.finished', { time: when(restore.finishedAt) }) }}</p>
        <div v-if="restore.error" class="problem small">{{ restore.error }}</div>
        <details v-if="restore.report">
          <summary>{{ t('backups.restores.report') }}</summary>
          <IntegrityReport :report="restore.report" />
        </details>
      </div>
      <div class="empty card" v-if="loaded && !items.length">{{ t('backups.restores.none') }}</div>
    </div>`,
};
