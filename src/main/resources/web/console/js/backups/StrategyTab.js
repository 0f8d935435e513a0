// The backup strategy: when each kind of backup runs, how many are kept, where they go,
// whether they are compressed and encrypted, and when kept backups are verified. The
// server checks every field and names the one it refuses, shown beside that field.
import { ref, reactive, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, put } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { fieldErrors } from '../notifications/fieldErrors.js';
import SchedulePicker from './SchedulePicker.js';
import { KINDS } from './format.js';

function number(value) {
  if (value === '' || value === null || value === undefined) return -1;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? Math.trunc(parsed) : -1;
}

export default {
  name: 'StrategyTab',
  components: { ProblemMessage, SchedulePicker },
  setup() {
    const strategy = ref(null);
    const form = reactive({ directory: '', schedules: { LOGICAL: '', HOT: '', COLD: '' }, compress: true,
      encrypt: false, keepDaily: 7, keepWeekly: 4, keepMonthly: 6, verifyCron: '' });
    const errors = ref({});
    const problem = ref(null);
    const notice = ref('');
    const busy = ref(false);

    function take(stored) {
      strategy.value = stored;
      Object.assign(form, {
        directory: stored.directory || '', compress: stored.compress, encrypt: stored.encrypt,
        keepDaily: stored.keepDaily, keepWeekly: stored.keepWeekly, keepMonthly: stored.keepMonthly,
        verifyCron: stored.verifyCron || '',
      });
      for (const kind of KINDS) form.schedules[kind] = (stored.schedules && stored.schedules[kind]) || '';
    }

    onMounted(async () => {
      try {
        take(await get('/api/v1/operations/backup-strategy'));
      } catch (failure) {
        problem.value = failure;
      }
    });

    async function save() {
      problem.value = null;
      notice.value = '';
      errors.value = {};
      busy.value = true;
      const schedules = {};
      for (const kind of KINDS) schedules[kind] = form.schedules[kind].trim() || null;
      try {
        // the whole shape as read (the server ignores the fields it alone sets)
        take(await put('/api/v1/operations/backup-strategy', {
          ...strategy.value, directory: form.directory.trim() || null, schedules, compress: form.compress, encrypt: form.encrypt,
          keepDaily: number(form.keepDaily), keepWeekly: number(form.keepWeekly), keepMonthly: number(form.keepMonthly),
          verifyCron: form.verifyCron.trim() || null,
        }));
        notice.value = 'backups.strategy.saved';
      } catch (failure) {
        problem.value = failure;
        errors.value = fieldErrors(failure);
      } finally {
        busy.value = false;
      }
    }

    return { strategy, form, errors, problem, notice, busy, kinds: KINDS, save, t };
  },
  template: `
    <form class="backup-strategy" v-if="strategy" @submit.prevent="save" novalidate>
      <div class="card">
        <h2>{{ t('backups.strategy.schedules') }}</h2>
        <p class="hint muted small">{{ t('backups.strategy.cronHint') }}</p>
        <SchedulePicker v-for="kind in kinds" :key="kind" :id="'schedule-' + kind"
          :label="t('backups.strategy.scheduleOf', { kind: t('backups.kind.' + kind) })"
          v-model="form.schedules[kind]" :error="errors['schedules.' + kind] || ''" />
        <SchedulePicker id="schedule-verify" :label="t('backups.strategy.verifySchedule')" v-model="form.verifyCron"
          :error="errors.verifyCron || ''" :presets="['off', 'dailyLate', 'weekly']" />
        <p class="hint muted small">{{ t('backups.strategy.verifyHint') }}</p>
      </div>

      <div class="card">
        <h2>{{ t('backups.strategy.retention') }}</h2>
        <p class="hint muted small">{{ t('backups.strategy.retentionHint') }}</p>
        <div class="row fields">
          <div class="field" v-for="field in ['keepDaily', 'keepWeekly', 'keepMonthly']" :key="field">
            <label :for="'strategy-' + field">{{ t('field.' + field) }}</label>
            <input :id="'strategy-' + field" type="number" min="0" step="1" v-model="form[field]"
              :aria-invalid="errors[field] ? 'true' : 'false'">
            <div v-if="errors[field]" class="field-error" :data-error-for="field">{{ errors[field] }}</div>
          </div>
        </div>
      </div>

      <div class="card">
        <h2>{{ t('backups.strategy.storage') }}</h2>
        <div class="field">
          <label for="strategy-directory">{{ t('field.directory') }}</label>
          <input id="strategy-directory" type="text" v-model="form.directory" maxlength="1000" spellcheck="false"
            :placeholder="strategy.defaultDirectory" :aria-invalid="errors.directory ? 'true' : 'false'">
          <div v-if="errors.directory" class="field-error" data-error-for="directory">{{ errors.directory }}</div>
          <div class="hint">{{ t('backups.strategy.directoryHint', { directory: strategy.defaultDirectory }) }}</div>
        </div>
        <label class="check"><input id="strategy-compress" type="checkbox" v-model="form.compress"> {{ t('field.compress') }}</label>
        <div class="hint muted small">{{ t('backups.strategy.compressHint') }}</div>
        <label class="check"><input id="strategy-encrypt" type="checkbox" v-model="form.encrypt"
          :disabled="!strategy.keyConfigured && !form.encrypt" :aria-invalid="errors.encrypt ? 'true' : 'false'"> {{ t('field.encrypt') }}</label>
        <div v-if="errors.encrypt" class="field-error" data-error-for="encrypt">{{ errors.encrypt }}</div>
        <div v-if="!strategy.keyConfigured" class="hint muted small" data-no-key>{{ t('backups.strategy.noKey') }}</div>
        <div v-if="!form.encrypt" class="warning small" data-unencrypted>{{ t('backups.strategy.unencrypted') }}</div>
      </div>

      <ProblemMessage :problem="problem" />
      <div class="notice" v-if="notice" role="status">{{ t(notice) }}</div>
      <div class="actions">
        <button id="strategy-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
      </div>
    </form>
    <ProblemMessage v-else :problem="problem" />`,
};
