// The period of a report screen, kept in the URL: a preset (the last 7 days unless said
// otherwise) or a custom from/to, in the organisation's time zone; and the fields that
// choose it, shared by the reports and the text mining screens.
import { ref, computed, watch } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { PRESETS, presetRange } from './format.js';

export function usePeriod(query, timeZone) {
  const preset = computed(() => query.value.preset || (query.value.from ? '' : 'last7'));
  const range = computed(() => presetRange(preset.value, timeZone.value)
    || { from: query.value.from, to: query.value.to || query.value.from });
  const custom = ref({ from: '', to: '' });
  watch(range, (r) => { custom.value = { from: r.from, to: r.to }; }, { immediate: true });
  return { preset, range, custom };
}

/**
 * The period and place fields of a report's toolbar (inside its form): emits `go` with the
 * query changes. `prefix` names the fields' ids; channels and groups only for team figures.
 */
export const PeriodFields = {
  name: 'PeriodFields',
  props: {
    prefix: { type: String, required: true },
    period: { type: Object, required: true },
    channels: { type: Array, default: () => [] },
    groups: { type: Array, default: () => [] },
    place: { type: Boolean, default: false },
    channelId: { type: String, default: '' },
    groupId: { type: String, default: '' },
  },
  emits: ['go'],
  setup(props, { emit }) {
    function choosePreset(value) {
      if (value) emit('go', { preset: value, from: null, to: null });
    }
    function applyCustom() {
      const custom = props.period.custom.value;
      if (custom.from) emit('go', { preset: null, from: custom.from, to: custom.to || custom.from });
    }
    return { t, PRESETS, choosePreset, applyCustom };
  },
  template: `
    <div>
      <label :for="prefix + '-preset'">{{ t('reports.period') }}</label>
      <select :id="prefix + '-preset'" :value="period.preset.value" @change="choosePreset($event.target.value)">
        <option v-for="p in PRESETS" :key="p" :value="p">{{ t('reports.preset.' + p) }}</option>
        <option value="">{{ t('reports.preset.custom') }}</option>
      </select>
    </div>
    <div>
      <label :for="prefix + '-from'">{{ t('reports.from') }}</label>
      <input :id="prefix + '-from'" type="date" v-model="period.custom.value.from" @change="applyCustom">
    </div>
    <div>
      <label :for="prefix + '-to'">{{ t('reports.to') }}</label>
      <input :id="prefix + '-to'" type="date" v-model="period.custom.value.to" @change="applyCustom">
    </div>
    <slot></slot>
    <div v-if="place && channels.length">
      <label :for="prefix + '-channel'">{{ t('reports.channel') }}</label>
      <select :id="prefix + '-channel'" :value="channelId" @change="$emit('go', { channelId: $event.target.value })">
        <option value="">{{ t('reports.all') }}</option>
        <option v-for="c in channels" :key="c.id" :value="String(c.id)">{{ c.name }}</option>
      </select>
    </div>
    <div v-if="place && groups.length">
      <label :for="prefix + '-group'">{{ t('reports.group') }}</label>
      <select :id="prefix + '-group'" :value="groupId" @change="$emit('go', { groupId: $event.target.value })">
        <option value="">{{ t('reports.all') }}</option>
        <option v-for="g in groups" :key="g.id" :value="String(g.id)">{{ g.name }}</option>
      </select>
    </div>`,
};
