// One schedule: a cron expression of six fields (second minute hour day month weekday)
// typed or chosen from presets, with the next runs the server plans for it, in the
// organisation's time zone. Empty means off.
import { ref, computed, watch, onBeforeUnmount } from 'vue';
import { t, language, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import { fieldErrors } from '../notifications/fieldErrors.js';

export const PRESETS = [
  { name: 'off', cron: '' },
  { name: 'daily', cron: '0 0 2 * * *' },
  { name: 'sixHours', cron: '0 0 */6 * * *' },
  { name: 'weekly', cron: '0 0 3 * * SUN' },
  { name: 'dailyLate', cron: '0 30 4 * * *' },
];

const DEBOUNCE_MILLIS = 350;

export default {
  name: 'SchedulePicker',
  props: {
    id: { type: String, required: true },
    label: { type: String, required: true },
    modelValue: { type: String, default: '' },
    /** the server's complaint about this field when the form was saved */
    error: { type: String, default: '' },
    /** presets offered besides "off" (names of PRESETS) */
    presets: { type: Array, default: () => ['off', 'daily', 'sixHours', 'weekly'] },
  },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const preview = ref(null);
    const previewError = ref('');
    let timer = null;
    let asked = 0;

    const offered = computed(() => PRESETS.filter((preset) => props.presets.includes(preset.name)));
    const chosen = computed(() => {
      const value = (props.modelValue || '').trim();
      const preset = offered.value.find((candidate) => candidate.cron === value);
      return preset ? preset.name : 'custom';
    });

    function choose(event) {
      const preset = PRESETS.find((candidate) => candidate.name === event.target.value);
      if (preset) emit('update:modelValue', preset.cron);
    }

    async function ask(cron) {
      const mine = ++asked;
      if (!cron.trim()) {
        preview.value = null;
        previewError.value = '';
        return;
      }
      try {
        const answer = await get('/api/v1/operations/backup-strategy/preview', { cron: cron.trim() });
        if (mine !== asked) return;
        preview.value = answer;
        previewError.value = '';
      } catch (failure) {
        if (mine !== asked) return;
        preview.value = null;
        const errors = fieldErrors(failure);
        previewError.value = errors.cron || failure.message;
      }
    }

    watch(() => props.modelValue, (value) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => ask(value || ''), DEBOUNCE_MILLIS);
    }, { immediate: true });
    onBeforeUnmount(() => {
      if (timer) clearTimeout(timer);
    });

    const shown = computed(() => props.error || previewError.value);
    /** A planned run, short: the weekday, the date and the minute (seconds are always 0 here). */
    function when(iso) {
      try {
        return new Intl.DateTimeFormat(language() || 'en', {
          weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
          hourCycle: 'h23', timeZone: preview.value.timeZone,
        }).format(new Date(iso));
      } catch {
        return formatInstant(iso);
      }
    }
    return { offered, chosen, choose, preview, shown, when, t };
  },
  template: `
    <div class="field schedule-picker">
      <label :for="id">{{ label }}</label>
      <div class="row schedule-row">
        <select :id="id + '-preset'" :value="chosen" @change="choose" :aria-label="label + ' · ' + t('backups.schedule.preset')">
          <option v-for="preset in offered" :key="preset.name" :value="preset.name">{{ t('backups.schedule.' + preset.name) }}</option>
          <option value="custom" disabled>{{ t('backups.schedule.custom') }}</option>
        </select>
        <input :id="id" type="text" class="grow" :value="modelValue" maxlength="100" spellcheck="false"
          :placeholder="t('backups.schedule.off')" :aria-invalid="shown ? 'true' : 'false'" :aria-describedby="id + '-preview'"
          @input="$emit('update:modelValue', $event.target.value)">
      </div>
      <div v-if="shown" class="field-error" :data-error-for="id">{{ shown }}</div>
      <div :id="id + '-preview'" class="hint schedule-preview" :data-preview-for="id">
        <template v-if="preview && preview.next.length">
          {{ t('backups.schedule.next', { zone: preview.timeZone }) }}
          <ul><li v-for="time in preview.next" :key="time">{{ when(time) }}</li></ul>
        </template>
        <template v-else-if="!modelValue || !modelValue.trim()">{{ t('backups.schedule.offHint') }}</template>
      </div>
    </div>`,
};
