// The home page's word on backups, for those who take them: the last good backup, and a
// warning when the newest backup or verification failed or none succeeded for two days.
import { ref, computed, onMounted } from 'vue';
import { get } from '../../../shared/js/api.js';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { session } from '../session.js';

const STALE_MILLIS = 2 * 24 * 60 * 60 * 1000;

/** What the card says about the newest backups (the catalogue's first page). */
export function backupHealth(items, now) {
  const finished = items.filter((run) => run.status !== 'RUNNING');
  const lastGood = items.find((run) => run.status === 'SUCCEEDED') || null;
  const verified = items.filter((run) => run.verifiedAt && run.verification !== 'RUNNING')
    .sort((a, b) => Date.parse(b.verifiedAt) - Date.parse(a.verifiedAt));
  const warnings = [];
  if (finished.length && finished[0].status === 'FAILED') warnings.push('backupFailed');
  if (verified.length && verified[0].verification === 'FAILED') warnings.push('verificationFailed');
  if (!lastGood) warnings.push('none');
  else if (now - Date.parse(lastGood.finishedAt || lastGood.startedAt) > STALE_MILLIS) warnings.push('stale');
  return { lastGood, warnings };
}

export default {
  name: 'BackupCard',
  setup() {
    const items = ref(null);
    const failed = ref(false);
    onMounted(async () => {
      try {
        items.value = (await get('/api/v1/operations/backups', { limit: 20 })).items;
      } catch {
        failed.value = true;
      }
    });
    const health = computed(() => (items.value ? backupHealth(items.value, Date.now()) : null));
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const when = (iso) => formatInstant(iso, timeZone.value);
    return { health, failed, when, t };
  },
  template: `
    <div class="card backup-card" id="home-backups" v-if="health">
      <h2>{{ t('home.backups.title') }}</h2>
      <p v-if="health.lastGood" data-last-backup>{{ t('home.backups.last', {
        time: when(health.lastGood.finishedAt || health.lastGood.startedAt),
        kind: t('backups.kind.' + health.lastGood.kind) }) }}</p>
      <div v-for="warning in health.warnings" :key="warning" class="warning" role="alert" :data-backup-warning="warning">
        {{ t('home.backups.' + warning) }}</div>
      <router-link :to="{ name: 'backups' }" class="small">{{ t('home.backups.open') }}</router-link>
    </div>`,
};
