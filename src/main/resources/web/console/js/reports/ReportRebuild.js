// Recomputing every figure from the transcripts (statistics.view_all): when the last
// rebuild ran and what it folded, and a button that starts one after a question. While
// one runs, its progress is read every two seconds.
import { ref, onMounted, onBeforeUnmount } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session } from '../session.js';

export default {
  name: 'ReportRebuild',
  components: { ProblemMessage, ModalDialog },
  setup() {
    const status = ref(null);
    const problem = ref(null);
    const asking = ref(false);
    let timer = null;

    async function read() {
      try {
        status.value = await get('/api/v1/reports/rebuild');
        problem.value = null;
      } catch (failure) {
        problem.value = failure;
      }
      clearTimeout(timer);
      if (status.value && status.value.state === 'RUNNING') timer = setTimeout(read, 2000);
    }

    async function start() {
      asking.value = false;
      try {
        status.value = await post('/api/v1/reports/rebuild', {});
        problem.value = null;
      } catch (failure) {
        problem.value = failure;
      }
      await read();
    }

    onMounted(read);
    onBeforeUnmount(() => clearTimeout(timer));
    const zone = () => session.me.organisation.timeZone;
    return { t, status, problem, asking, start, formatInstant, zone };
  },
  template: `
    <section class="card" id="report-rebuild">
      <h2>{{ t('reports.rebuild.title') }}</h2>
      <p class="muted small">{{ t('reports.rebuild.hint') }}</p>
      <p v-if="status" id="report-rebuild-status" :data-state="status.state">
        <template v-if="status.state === 'RUNNING'">{{ t('reports.rebuild.running', { count: status.folded, at: formatInstant(status.startedAt, zone()) }) }}</template>
        <template v-else-if="status.state === 'DONE'">{{ t('reports.rebuild.done', { count: status.folded, at: formatInstant(status.finishedAt, zone()), by: status.startedBy || t('reports.rebuild.system') }) }}</template>
        <template v-else-if="status.state === 'FAILED'">{{ t('reports.rebuild.failed', { at: formatInstant(status.finishedAt, zone()) }) }}</template>
        <template v-else>{{ t('reports.rebuild.never') }}</template>
      </p>
      <ProblemMessage :problem="problem" />
      <button type="button" id="report-rebuild-start" :disabled="status && status.state === 'RUNNING'" @click="asking = true">{{ t('reports.rebuild.start') }}</button>
      <ModalDialog v-if="asking" id="report-rebuild-confirm" title-id="report-rebuild-confirm-title"
        :title="t('reports.rebuild.confirmTitle')" @close="asking = false">
        <p>{{ t('reports.rebuild.confirmText') }}</p>
        <div class="actions">
          <button type="button" class="primary" id="report-rebuild-go" @click="start">{{ t('reports.rebuild.start') }}</button>
          <button type="button" @click="asking = false">{{ t('action.cancel') }}</button>
        </div>
      </ModalDialog>
    </section>`,
};
