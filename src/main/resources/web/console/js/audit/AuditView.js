// The audit log: who did what, when, from where, with what result; filter by actor,
// action and time (times read and shown in the organisation's time zone). Other screens
// link here with a filter in the address (?action=login.failed&from=…&to=…, wall-clock
// times in the organisation's zone), e.g. the security screen's figures.
import { ref, reactive, computed, onMounted } from 'vue';
import { useRoute } from 'vue-router';
import { t, tOr, formatInstant, zonedInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';

export default {
  name: 'AuditView',
  components: { ProblemMessage },
  setup() {
    const route = useRoute();
    const given = (name) => (typeof route.query[name] === 'string' ? route.query[name] : '');
    const filter = reactive({ actor: given('actor'), action: given('action'), from: given('from'), to: given('to') });
    const actions = ref([]);
    const events = ref([]);
    const nextCursor = ref(null);
    const loading = ref(false);
    const problem = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);

    async function load(append) {
      loading.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/audit-events', {
          actor: filter.actor.trim(), action: filter.action,
          from: zonedInstant(filter.from, timeZone.value), to: zonedInstant(filter.to, timeZone.value),
          before: append ? nextCursor.value : null, limit: 50,
        });
        events.value = append ? events.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }

    onMounted(async () => {
      load(false);
      actions.value = await get('/api/v1/audit-events/actions').catch(() => []);
    });

    function reset() {
      Object.assign(filter, { actor: '', action: '', from: '', to: '' });
      load(false);
    }

    const actionName = (action) => tOr('audit.action.' + action, action);
    return { filter, actions, events, nextCursor, loading, problem, timeZone, load, reset, actionName,
      formatInstant, t };
  },
  template: `
    <div>
      <h1>{{ t('audit.title') }}</h1>
      <form class="toolbar card" @submit.prevent="load(false)">
        <div class="grow">
          <label for="audit-actor">{{ t('audit.actor') }}</label>
          <input id="audit-actor" type="text" v-model="filter.actor" maxlength="64">
        </div>
        <div class="grow">
          <label for="audit-action">{{ t('audit.action') }}</label>
          <select id="audit-action" v-model="filter.action">
            <option value="">{{ t('audit.anyAction') }}</option>
            <option v-for="action in actions" :key="action" :value="action">{{ actionName(action) }}</option>
          </select>
        </div>
        <div>
          <label for="audit-from">{{ t('audit.from') }}</label>
          <input id="audit-from" type="datetime-local" v-model="filter.from">
        </div>
        <div>
          <label for="audit-to">{{ t('audit.to') }}</label>
          <input id="audit-to" type="datetime-local" v-model="filter.to">
        </div>
        <div class="row">
          <button id="audit-filter" class="primary" type="submit">{{ t('action.filter') }}</button>
          <button type="button" @click="reset">{{ t('action.reset') }}</button>
        </div>
      </form>
      <p class="muted small">{{ t('audit.zone', { zone: timeZone }) }}</p>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table>
          <thead>
            <tr>
              <th>{{ t('audit.time') }}</th><th>{{ t('audit.actor') }}</th><th>{{ t('audit.action') }}</th>
              <th>{{ t('audit.target') }}</th><th>{{ t('audit.ip') }}</th><th>{{ t('audit.result') }}</th>
              <th>{{ t('audit.detail') }}</th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="event in events" :key="event.id" :data-action="event.action">
              <td class="small">{{ formatInstant(event.occurredAt, timeZone) }}</td>
              <td>{{ event.actor }}</td>
              <td>{{ actionName(event.action) }}</td>
              <td class="wrap">{{ event.target }}</td>
              <td class="small">{{ event.ip }}</td>
              <td><span class="badge" :class="event.result === 'success' ? 'ok' : 'off'">{{ t('audit.result.' + event.result) }}</span></td>
              <td class="wrap small">{{ event.detailText }}</td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!loading && !events.length">{{ t('audit.none') }}</div>
        <div class="more" v-if="nextCursor">
          <button type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button>
        </div>
      </div>
    </div>`,
};
