// Loads a report for the current filters, again whenever they change.
import { ref, watch } from 'vue';
import { get } from '../../../shared/js/api.js';

export function useReport(path, params, extra) {
  const report = ref(null);
  const problem = ref(null);
  const loading = ref(false);
  let asked = 0;

  async function load() {
    const mine = ++asked;
    loading.value = true;
    problem.value = null;
    try {
      const result = await get(path, { ...params.value, ...(extra ? extra() : {}) });
      if (mine === asked) report.value = result;
    } catch (failure) {
      if (mine === asked) problem.value = failure;
    } finally {
      if (mine === asked) loading.value = false;
    }
  }

  watch(params, load, { immediate: true, deep: true });
  return { report, problem, loading, load };
}
