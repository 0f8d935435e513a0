// The fault list, newest first: text (title, what was seen, cause, fix), status, class,
// severity and the period the fault began in (read in the organisation's time zone).
import { ref, reactive, computed, onMounted } from 'vue';
import { t, formatInstant, zonedInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import { FAULTS, STATUSES, CLASSES, SEVERITIES, SEVERITY_BADGES, STATUS_BADGES } from './format.js';

const EMPTY = { q: '', status: '', faultClass: '', severity: '', from: '', to: '' };

export default {
  name: 'FaultList',
  components: { ProblemMessage },
  setup() {
    const filter = reactive({ ...EMPTY });
    const items = ref([]);
    const nextCursor = ref(null);
    const loading = ref(false);
    const loaded = ref(false);
    const problem = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);

    async function load(append) {
      loading.value = true;
      problem.value = null;
      try {
        const page = await get(FAULTS, {
          q: filter.q.trim(), status: filter.status, class: filter.faultClass, severity: filter.severity,
          from: zonedInstant(filter.from, timeZone.value), to: zonedInstant(filter.to, timeZone.value),
          before: append ? nextCursor.value : null, limit: 50,
        });
        items.value = append ? items.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
        loaded.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    onMounted(() => load(false));

    function reset() {
      Object.assign(filter, EMPTY);
      load(false);
    }

    const when = (iso) => formatInstant(iso, timeZone.value);
    return { filter, items, nextCursor, loading, loaded, problem, timeZone, load, reset, when,
      statuses: STATUSES, classes: CLASSES, severities: SEVERITIES, severityBadges: SEVERITY_BADGES,
      statusBadges: STATUS_BADGES, t };
  },
  template: `
    <div class="fault-list">
      <form class="toolbar card" @submit.prevent="load(false)">
        <div class="grow">
          <label for="faults-q">{{ t('faults.search') }}</label>
          <input id="faults-q" type="search" v-model="filter.q" maxlength="200">
        </div>
        <div>
          <label for="faults-status">{{ t('faults.status') }}</label>
          <select id="faults-status" v-model="filter.status">
            <option value="">{{ t('faults.any') }}</option>
            <option v-for="name in statuses" :key="name" :value="name">{{ t('faults.status.' + name) }}</option>
          </select>
        </div>
        <div>
          <label for="faults-class">{{ t('faults.class') }}</label>
          <select id="faults-class" v-model="filter.faultClass">
            <option value="">{{ t('faults.any') }}</option>
            <option v-for="name in classes" :key="name" :value="name">{{ t('faults.class.' + name) }}</option>
          </select>
        </div>
        <div>
          <label for="faults-severity">{{ t('faults.severity') }}</label>
          <select id="faults-severity" v-model="filter.severity">
            <option value="">{{ t('faults.any') }}</option>
            <option v-for="name in severities" :key="name" :value="name">{{ t('faults.severity.' + name) }}</option>
          </select>
        </div>
        <div>
          <label for="faults-from">{{ t('faults.from') }}</label>
          <input id="faults-from" type="datetime-local" v-model="filter.from">
        </div>
        <div>
          <label for="faults-to">{{ t('faults.to') }}</label>
          <input id="faults-to" type="datetime-local" v-model="filter.to">
        </div>
        <div class="row">
          <button id="faults-filter" class="primary" type="submit">{{ t('action.filter') }}</button>
          <button type="button" @click="reset">{{ t('action.reset') }}</button>
        </div>
      </form>
      <p class="muted small">{{ t('faults.zone', { zone: timeZone }) }}</p>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table class="stack-table">
          <thead>
            <tr>
              <th>{{ t('faults.started') }}</th><th>{{ t('faults.faultTitle') }}</th><th>{{ t('faults.status') }}</th>
              <th>{{ t('faults.severity') }}</th><th>{{ t('faults.class') }}</th><th>{{ t('faults.reportedBy') }}</th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="fault in items" :key="fault.id" :data-fault="fault.id" :data-status="fault.status">
              <td :data-label="t('faults.started')" class="small">{{ when(fault.startedAt) }}</td>
              <td :data-label="t('faults.faultTitle')" class="wrap">
                <router-link :to="{ name: 'fault', params: { id: fault.id } }">{{ fault.title }}</router-link></td>
              <td :data-label="t('faults.status')"><span class="badge" :class="statusBadges[fault.status]">{{ t('faults.status.' + fault.status) }}</span></td>
              <td :data-label="t('faults.severity')"><span class="badge" :class="severityBadges[fault.severity]">{{ t('faults.severity.' + fault.severity) }}</span></td>
              <td :data-label="t('faults.class')">{{ t('faults.class.' + fault.faultClass) }}</td>
              <td :data-label="t('faults.reportedBy')">{{ fault.reportedBy || t('faults.byAlert', { id: fault.alertId }) }}</td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="loaded && !loading && !items.length">{{ t('faults.none') }}</div>
        <div class="more" v-if="nextCursor">
          <button type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button>
        </div>
      </div>
    </div>`,
};
