// "2 / 5" with a small bar: open conversations against capacity (full turns the bar amber,
// beyond capacity red: a hand-over may exceed it).
import { computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';

export default {
  name: 'LoadBar',
  props: { load: Number, capacity: Number },
  setup(props) {
    const load = computed(() => Math.max(0, Number(props.load) || 0));
    const capacity = computed(() => Math.max(0, Number(props.capacity) || 0));
    const percent = computed(() => (capacity.value ? Math.min(100, Math.round((load.value / capacity.value) * 100)) : 0));
    const level = computed(() => {
      if (capacity.value && load.value > capacity.value) return 'over';
      if (capacity.value && load.value >= capacity.value) return 'full';
      return 'ok';
    });
    return { shownLoad: load, shownCapacity: capacity, percent, level, t };
  },
  template: `
    <span class="load" :class="level" :title="t('team.loadTitle', { load: shownLoad, capacity: shownCapacity })">
      <span class="load-text">{{ shownLoad }} / {{ shownCapacity }}</span>
      <span class="load-bar" aria-hidden="true"><span :style="{ width: percent + '%' }"></span></span>
    </span>`,
};
