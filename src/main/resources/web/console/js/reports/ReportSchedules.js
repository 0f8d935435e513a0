// Scheduled reports (statistics.export): a report e-mailed daily or weekly to chosen staff,
// each recipient getting what he may see. Listed with when each goes next; made and changed
// in a dialog; removed after a question.
import { ref, reactive, computed, onMounted } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session, can } from '../session.js';

const REPORTS = ['overview', 'groups', 'topics', 'channels', 'agents', 'csat', 'conversations', 'tickets'];
const PERIODS = ['yesterday', 'last7Days', 'lastWeek', 'monthToDate'];
const EMPTY = { name: '', report: 'overview', groupId: '', hours: 'calendar', frequency: 'daily', weekday: 1, hour: 8,
  period: 'yesterday', format: 'xlsx', recipients: [], enabled: true };

export default {
  name: 'ReportSchedules',
  components: { ProblemMessage, ModalDialog },
  props: { groups: { type: Array, default: () => [] } },
  setup() {
    const schedules = ref([]);
    const problem = ref(null);
    const people = ref([]);
    const editing = ref(null);
    const form = reactive({ ...EMPTY });
    const formProblem = ref(null);
    const busy = ref(false);
    const removing = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const me = computed(() => session.me.user);

    async function load() {
      schedules.value = await get('/api/v1/report-schedules');
    }

    async function loadPeople() {
      const [agents, users] = await Promise.all([
        can('team.view') ? get('/api/v1/agents').catch(() => []) : [],
        can('user.view') ? get('/api/v1/users', { limit: 100 }).then((p) => p.items || []).catch(() => []) : [],
      ]);
      const byId = new Map([[me.value.id, { id: me.value.id, name: me.value.displayName }]]);
      users.filter((u) => u.enabled).forEach((u) => byId.set(u.id, { id: u.id, name: u.displayName }));
      agents.forEach((a) => { if (!byId.has(a.userId)) byId.set(a.userId, { id: a.userId, name: a.displayName }); });
      people.value = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    }

    onMounted(() => {
      load().catch((failure) => { problem.value = failure; });
      loadPeople();
    });

    function open(schedule) {
      editing.value = schedule || {};
      formProblem.value = null;
      Object.assign(form, schedule ? { ...EMPTY, ...schedule, groupId: schedule.groupId ? String(schedule.groupId) : '',
        weekday: schedule.weekday || 1, recipients: schedule.recipients.map((r) => r.id) }
        : { ...EMPTY, recipients: [me.value.id] });
    }

    async function save() {
      busy.value = true;
      formProblem.value = null;
      const body = { name: form.name.trim(), report: form.report, groupId: form.groupId ? Number(form.groupId) : null,
        hours: form.hours, frequency: form.frequency, weekday: form.frequency === 'weekly' ? Number(form.weekday) : null,
        hour: Number(form.hour), period: form.period, format: form.format, recipients: form.recipients,
        enabled: form.enabled };
      try {
        if (editing.value.id) await put('/api/v1/report-schedules/' + editing.value.id, body);
        else await post('/api/v1/report-schedules', body);
        editing.value = null;
        await load();
      } catch (failure) {
        formProblem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function remove() {
      const schedule = removing.value;
      removing.value = null;
      problem.value = null;
      try {
        await del('/api/v1/report-schedules/' + schedule.id);
        await load();
      } catch (failure) {
        problem.value = failure;
      }
    }

    const when = (s) => (s.frequency === 'weekly'
      ? t('reports.schedule.weeklyAt', { day: t('reports.weekday.' + s.weekday), hour: String(s.hour).padStart(2, '0') })
      : t('reports.schedule.dailyAt', { hour: String(s.hour).padStart(2, '0') }));
    return { t, schedules, problem, people, editing, form, formProblem, busy, removing, timeZone, REPORTS, PERIODS,
      open, save, remove, when, formatInstant };
  },
  template: `
    <section class="card" id="report-schedules">
      <p class="muted small">{{ t('reports.schedule.hint') }}</p>
      <ProblemMessage :problem="problem" />
      <div class="table-wrap" v-if="schedules.length">
        <table id="report-schedule-list">
          <thead><tr><th>{{ t('reports.schedule.name') }}</th><th>{{ t('reports.schedule.report') }}</th>
            <th>{{ t('reports.schedule.when') }}</th><th>{{ t('reports.schedule.recipients') }}</th>
            <th>{{ t('reports.schedule.next') }}</th><th></th></tr></thead>
          <tbody><tr v-for="s in schedules" :key="s.id" :data-schedule="s.id">
            <td>{{ s.name }} <span v-if="!s.enabled" class="badge warn">{{ t('reports.schedule.off') }}</span></td>
            <td>{{ t('reports.tab.' + s.report) }} · {{ t('reports.schedule.period.' + s.period) }} · {{ s.format.toUpperCase() }}</td>
            <td>{{ when(s) }}</td>
            <td class="wrap">{{ s.recipients.map((r) => r.name).join(', ') }}</td>
            <td class="small">{{ s.nextRunAt ? formatInstant(s.nextRunAt, timeZone) : '—' }}</td>
            <td class="nowrap"><button type="button" class="link small" data-edit @click="open(s)">{{ t('action.edit') }}</button>
              <button type="button" class="link small" data-remove @click="removing = s">{{ t('reports.schedule.remove') }}</button></td>
          </tr></tbody>
        </table>
      </div>
      <p v-else class="muted">{{ t('reports.schedule.none') }}</p>
      <button type="button" id="report-schedule-add" class="primary" @click="open(null)">{{ t('reports.schedule.add') }}</button>

      <ModalDialog v-if="editing" id="report-schedule-dialog" title-id="report-schedule-title"
        :title="editing.id ? t('reports.schedule.editTitle') : t('reports.schedule.addTitle')"
        initial-focus="#schedule-name" @close="editing = null">
        <form @submit.prevent="save" novalidate>
          <div class="field"><label for="schedule-name">{{ t('reports.schedule.name') }}</label>
            <input id="schedule-name" type="text" v-model="form.name" maxlength="100" required></div>
          <div class="row">
            <div class="field"><label for="schedule-report">{{ t('reports.schedule.report') }}</label>
              <select id="schedule-report" v-model="form.report">
                <option v-for="r in REPORTS" :key="r" :value="r">{{ t('reports.tab.' + r) }}</option></select></div>
            <div class="field"><label for="schedule-period">{{ t('reports.schedule.periodLabel') }}</label>
              <select id="schedule-period" v-model="form.period">
                <option v-for="p in PERIODS" :key="p" :value="p">{{ t('reports.schedule.period.' + p) }}</option></select></div>
          </div>
          <div class="row">
            <div class="field" v-if="groups.length"><label for="schedule-group">{{ t('reports.group') }}</label>
              <select id="schedule-group" v-model="form.groupId"><option value="">{{ t('reports.all') }}</option>
                <option v-for="g in groups" :key="g.id" :value="String(g.id)">{{ g.name }}</option></select></div>
            <div class="field"><label for="schedule-hours">{{ t('reports.hours') }}</label>
              <select id="schedule-hours" v-model="form.hours">
                <option value="calendar">{{ t('reports.hours.calendar') }}</option>
                <option value="business">{{ t('reports.hours.business') }}</option></select></div>
          </div>
          <div class="row">
            <div class="field"><label for="schedule-frequency">{{ t('reports.schedule.frequency') }}</label>
              <select id="schedule-frequency" v-model="form.frequency">
                <option value="daily">{{ t('reports.schedule.daily') }}</option>
                <option value="weekly">{{ t('reports.schedule.weekly') }}</option></select></div>
            <div class="field" v-if="form.frequency === 'weekly'"><label for="schedule-weekday">{{ t('reports.schedule.weekday') }}</label>
              <select id="schedule-weekday" v-model="form.weekday">
                <option v-for="d in 7" :key="d" :value="d">{{ t('reports.weekday.' + d) }}</option></select></div>
            <div class="field"><label for="schedule-hour">{{ t('reports.schedule.hour', { zone: timeZone }) }}</label>
              <select id="schedule-hour" v-model="form.hour">
                <option v-for="h in 24" :key="h" :value="h - 1">{{ String(h - 1).padStart(2, '0') }}:00</option></select></div>
            <div class="field"><label for="schedule-format">{{ t('reports.schedule.format') }}</label>
              <select id="schedule-format" v-model="form.format"><option value="xlsx">Excel</option>
                <option value="csv">CSV</option></select></div>
          </div>
          <fieldset class="field"><legend>{{ t('reports.schedule.recipients') }}</legend>
            <div class="schedule-people">
              <label v-for="p in people" :key="p.id" class="check"><input type="checkbox" :value="p.id" v-model="form.recipients"> {{ p.name }}</label>
            </div>
            <p class="muted small">{{ t('reports.schedule.recipientsHint') }}</p>
          </fieldset>
          <label class="check"><input type="checkbox" v-model="form.enabled"> {{ t('reports.schedule.enabled') }}</label>
          <ProblemMessage :problem="formProblem" />
          <div class="actions">
            <button type="submit" class="primary" id="schedule-save" :disabled="busy">{{ t('action.save') }}</button>
            <button type="button" @click="editing = null">{{ t('action.cancel') }}</button>
          </div>
        </form>
      </ModalDialog>
      <ModalDialog v-if="removing" id="report-schedule-remove" title-id="report-schedule-remove-title"
        :title="t('reports.schedule.removeTitle', { name: removing.name })" @close="removing = null">
        <p>{{ t('reports.schedule.removeText') }}</p>
        <div class="actions">
          <button type="button" class="danger" id="schedule-remove-confirm" @click="remove">{{ t('reports.schedule.remove') }}</button>
          <button type="button" @click="removing = null">{{ t('action.cancel') }}</button>
        </div>
      </ModalDialog>
    </section>`,
};
