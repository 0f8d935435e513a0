// The catalogue of backups, newest first: take one now (choosing its kind), verify,
// download, restore or delete one. While a backup or a verification runs, its row is
// polled until it ends.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session } from '../session.js';
import RestoreDialog from './RestoreDialog.js';
import { KINDS, STATUS_BADGES, VERIFICATION_BADGES, humanSize, humanDuration, startedBy, verificationDetail, rows }
  from './format.js';

const PAGE = 50;
const POLL_MILLIS = 1500;

export default {
  name: 'CatalogueTab',
  components: { ProblemMessage, ModalDialog, RestoreDialog },
  setup() {
    const items = ref([]);
    const nextCursor = ref(null);
    const loaded = ref(false);
    const loading = ref(false);
    const problem = ref(null);
    const notice = ref(null);
    const kind = ref('LOGICAL');
    const starting = ref(false);
    const deleting = ref(null);
    const restoring = ref(null);
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    let timer = null;

    const running = (run) => run.status === 'RUNNING' || run.verification === 'RUNNING';

    function replace(updated) {
      items.value = items.value.map((item) => (item.id === updated.id ? updated : item));
    }

    async function load(append) {
      loading.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/operations/backups', { before: append ? nextCursor.value : null, limit: PAGE });
        items.value = append ? items.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
        loaded.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
        schedule();
      }
    }

    /** Polls the rows still running, one request each, until none is. */
    function schedule() {
      if (timer || !items.value.some(running)) return;
      timer = setTimeout(async () => {
        timer = null;
        for (const run of items.value.filter(running)) {
          try {
            replace(await get('/api/v1/operations/backups/' + run.id));
          } catch {
            // the next round tries again
          }
        }
        schedule();
      }, POLL_MILLIS);
    }

    onMounted(() => load(false));
    onBeforeUnmount(() => {
      if (timer) clearTimeout(timer);
      timer = null;
    });

    async function start() {
      starting.value = true;
      problem.value = null;
      notice.value = null;
      try {
        const run = await post('/api/v1/operations/backups', { kind: kind.value });
        items.value = [run].concat(items.value.filter((item) => item.id !== run.id));
        notice.value = { key: 'backups.started', params: { kind: t('backups.kind.' + run.kind) } };
        schedule();
      } catch (failure) {
        problem.value = failure;
      } finally {
        starting.value = false;
      }
    }

    async function verify(run) {
      problem.value = null;
      notice.value = null;
      try {
        replace(await post('/api/v1/operations/backups/' + run.id + '/verify'));
        schedule();
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function remove() {
      const run = deleting.value;
      problem.value = null;
      notice.value = null;
      try {
        replace(await del('/api/v1/operations/backups/' + run.id));
        notice.value = { key: 'backups.deleted', params: { file: run.fileName } };
      } catch (failure) {
        problem.value = failure;
      } finally {
        deleting.value = null;
      }
    }

    function restoreClosed() {
      restoring.value = null;
      load(false);
    }

    const usable = (run) => run.status === 'SUCCEEDED';
    const when = (iso) => formatInstant(iso, timeZone.value);
    return { items, nextCursor, loaded, loading, problem, notice, kind, starting, deleting, restoring, timeZone,
      kinds: KINDS, statusBadges: STATUS_BADGES, verificationBadges: VERIFICATION_BADGES, load, start, verify, remove,
      restoreClosed, usable, when, humanSize, humanDuration, startedBy, verificationDetail, rows, t };
  },
  template: `
    <div class="backup-catalogue">
      <form class="card" @submit.prevent="start">
        <h2>{{ t('backups.now') }}</h2>
        <fieldset class="backup-kinds">
          <legend class="visually-hidden">{{ t('backups.kind') }}</legend>
          <label v-for="name in kinds" :key="name" class="check backup-kind">
            <input type="radio" name="backup-kind" :id="'backup-kind-' + name" :value="name" v-model="kind">
            <span><strong>{{ t('backups.kind.' + name) }}</strong>
              <span class="muted small"> — {{ t('backups.kind.' + name + '.hint') }}</span></span>
          </label>
        </fieldset>
        <div class="actions">
          <button id="backup-start" class="primary" type="submit" :disabled="starting">{{ t('backups.start') }}</button>
        </div>
      </form>
      <p class="muted small">{{ t('backups.zone', { zone: timeZone }) }}</p>
      <ProblemMessage :problem="problem" />
      <div class="notice" v-if="notice" role="status">{{ t(notice.key, notice.params) }}</div>
      <div class="card table-wrap" style="padding:0">
        <table class="backup-table stack-table">
          <thead>
            <tr>
              <th>{{ t('backups.time') }}</th><th>{{ t('backups.kind') }}</th><th>{{ t('backups.status') }}</th>
              <th>{{ t('backups.who') }}</th><th>{{ t('backups.size') }}</th>
              <th>{{ t('backups.duration') }}</th><th>{{ t('backups.rows') }}</th><th>{{ t('backups.encrypted') }}</th>
              <th>{{ t('backups.verification') }}</th><th></th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="run in items" :key="run.id" :data-backup="run.id" :data-status="run.status"
              :data-verification="run.verification">
              <td :data-label="t('backups.time')" class="small"><div class="cell">{{ when(run.startedAt) }}
                <div class="muted wrap backup-file">{{ run.fileName }}</div></div></td>
              <td :data-label="t('backups.kind')"><div class="cell">{{ t('backups.kind.' + run.kind) }}
                <div class="muted small" :title="t('backups.engine')">{{ run.engine }}</div></div></td>
              <td :data-label="t('backups.status')"><div class="cell"><span class="badge" :class="statusBadges[run.status]"
                data-status-badge>{{ t('backups.status.' + run.status) }}</span>
                <div v-if="run.error" class="small backup-error" data-error>{{ run.error }}</div>
                <div v-if="run.deletedAt" class="muted small backup-deleted">{{ t('backups.deletedBy', { who: run.deletedBy || '', time: when(run.deletedAt) }) }}</div></div></td>
              <td :data-label="t('backups.who')"><div class="cell">{{ startedBy(run) }}</div></td>
              <td :data-label="t('backups.size')" class="nowrap"><div class="cell">{{ humanSize(run.sizeBytes) }}</div></td>
              <td :data-label="t('backups.duration')" class="nowrap"><div class="cell">{{ humanDuration(run.durationMillis) }}</div></td>
              <td :data-label="t('backups.rows')" class="nowrap"><div class="cell">{{ rows(run.rowCount) }}</div></td>
              <td :data-label="t('backups.encrypted')"><div class="cell">
                <span v-if="run.encrypted" class="badge ok">{{ t('backups.encrypted.yes') }}</span>
                <span v-else-if="run.status !== 'FAILED'" class="badge warn">{{ t('backups.encrypted.no') }}</span></div></td>
              <td :data-label="t('backups.verification')" class="verification-cell"><div class="cell"><span class="badge"
                :class="verificationBadges[run.verification]" data-verification-badge>{{ t('backups.verification.' + run.verification) }}</span>
                <div v-if="run.verifiedAt" class="muted small">{{ when(run.verifiedAt) }}</div>
                <div v-if="run.verificationDetail" class="small wrap" data-verification-detail>{{ verificationDetail(run) }}</div></div></td>
              <td class="delivery-actions backup-actions">
                <template v-if="usable(run)">
                  <button type="button" :data-verify="run.id" :disabled="run.verification === 'RUNNING'"
                    @click="verify(run)">{{ t('backups.verify') }}</button>
                  <a class="button-like" :data-download="run.id" :href="'/api/v1/operations/backups/' + run.id + '/file'"
                    download>{{ t('backups.download') }}</a>
                  <button type="button" :data-restore="run.id" @click="restoring = run">{{ t('backups.restore') }}</button>
                  <button type="button" class="danger" :data-delete="run.id" @click="deleting = run">{{ t('action.delete') }}</button>
                </template>
              </td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="loaded && !loading && !items.length">{{ t('backups.none') }}</div>
        <div class="more" v-if="nextCursor">
          <button id="backups-more" type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button>
        </div>
      </div>

      <ModalDialog v-if="deleting" :title="t('backups.deleteTitle')" title-id="backup-delete-title"
        initial-focus="#backup-delete-cancel" @close="deleting = null">
        <p>{{ t('backups.deleteConfirm', { file: deleting.fileName }) }}</p>
        <div class="actions">
          <button id="backup-delete-cancel" type="button" @click="deleting = null">{{ t('action.cancel') }}</button>
          <button id="backup-delete-confirm" type="button" class="danger" @click="remove">{{ t('action.delete') }}</button>
        </div>
      </ModalDialog>
      <RestoreDialog v-if="restoring" :backup="restoring" @close="restoreClosed" />
    </div>`,
};
