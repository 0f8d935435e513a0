// Restoring a backup: the warning (everything is replaced, Parley is in maintenance
// meanwhile), the installation's name typed to confirm, then the progress table by table
// and, at the end, the integrity report.
import { ref, computed, onBeforeUnmount } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session } from '../session.js';
import IntegrityReport from './IntegrityReport.js';
import { progressOf } from './format.js';

const POLL_MILLIS = 1000;

export default {
  name: 'RestoreDialog',
  components: { ProblemMessage, ModalDialog, IntegrityReport },
  props: { backup: { type: Object, required: true } },
  emits: ['close'],
  setup(props) {
    const organisation = computed(() => (session.me ? session.me.organisation.name : ''));
    const typed = ref('');
    const problem = ref(null);
    const busy = ref(false);
    const restore = ref(null);
    let timer = null;

    const matches = computed(() => typed.value === organisation.value && organisation.value !== '');
    const progress = computed(() => restore.value && progressOf(restore.value.progress));
    const percent = computed(() => (progress.value && progress.value.total
      ? Math.round((100 * progress.value.done) / progress.value.total) : 0));

    function poll() {
      timer = setTimeout(async () => {
        timer = null;
        try {
          restore.value = await get('/api/v1/operations/restores/' + restore.value.id);
        } catch {
          // during the switch-over a request may fail; the next round asks again
        }
        if (restore.value.status === 'RUNNING') poll();
      }, POLL_MILLIS);
    }

    async function start() {
      if (!matches.value) return;
      busy.value = true;
      problem.value = null;
      try {
        restore.value = await post('/api/v1/operations/backups/' + props.backup.id + '/restore',
          { confirmation: typed.value });
        if (restore.value.status === 'RUNNING') poll();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    onBeforeUnmount(() => {
      if (timer) clearTimeout(timer);
    });

    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const when = (iso) => formatInstant(iso, timeZone.value);
    return { organisation, typed, problem, busy, restore, matches, progress, percent, start, when, t };
  },
  template: `
    <ModalDialog class="restore-dialog" :title="t('backups.restoreTitle')" title-id="restore-title"
      initial-focus="#restore-confirmation" @close="$emit('close')">
      <p class="muted small">{{ t('backups.restoreOf', { file: backup.fileName, time: when(backup.startedAt) }) }}</p>
      <template v-if="!restore">
        <div class="warning" role="note">
          <p><strong>{{ t('backups.restoreWarning') }}</strong></p>
          <p>{{ t('backups.restoreMaintenance') }}</p>
        </div>
        <form @submit.prevent="start" novalidate>
          <div class="field">
            <label for="restore-confirmation">{{ t('backups.restoreType', { name: organisation }) }}</label>
            <input id="restore-confirmation" type="text" v-model="typed" autocomplete="off" spellcheck="false"
              maxlength="200" :aria-invalid="problem && problem.code === 'validation_failed' ? 'true' : 'false'">
          </div>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
            <button id="restore-start" type="submit" class="danger" :disabled="!matches || busy">{{ t('backups.restoreStart') }}</button>
          </div>
        </form>
      </template>
      <template v-else>
        <div v-if="restore.status === 'RUNNING'" role="status" data-restore-running>
          <p>{{ t('backups.restoreRunning') }}</p>
          <progress max="100" :value="percent" class="restore-progress"></progress>
          <p class="muted small" v-if="progress">{{ t('backups.restoreProgress', { done: progress.done, total: progress.total, table: progress.table }) }}</p>
        </div>
        <div v-else-if="restore.status === 'SUCCEEDED'" data-restore-done>
          <p class="notice" role="status">{{ t('backups.restoreSucceeded', { time: when(restore.finishedAt) }) }}</p>
          <IntegrityReport :report="restore.report" />
        </div>
        <div v-else data-restore-failed>
          <div class="problem" role="alert"><strong>{{ t('backups.restoreFailed') }}</strong>
            <div class="small">{{ restore.error }}</div></div>
        </div>
        <div class="actions">
          <button id="restore-close" type="button" :disabled="restore.status === 'RUNNING'" @click="$emit('close')">{{ t('action.close') }}</button>
        </div>
      </template>
    </ModalDialog>`,
};
