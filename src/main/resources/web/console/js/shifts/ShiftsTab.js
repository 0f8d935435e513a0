// The shift calendar: one week, Monday to Sunday, in the organisation's time zone. Rows are
// the groups' business hours and every agent's working time; days off and extra shifts sit in
// their day. Supervisors plan the groups they supervise and their members; administrators all.
import { ref, computed, onMounted, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { get, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { addDays, dateLabel, today, trackStyle, spanLabel } from './shifts.js';
import WeekEditor from './WeekEditor.js';
import ExceptionEditor from './ExceptionEditor.js';

export default {
  name: 'ShiftsTab',
  components: { ProblemMessage, WeekEditor, ExceptionEditor },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const week = ref(null);
    const agents = ref([]);
    const groups = ref([]);
    const problem = ref(null);
    const notice = ref('');
    const editing = ref(null);
    const adding = ref(null);

    const requested = computed(() => (/^\d{4}-\d{2}-\d{2}$/.test(route.query.week || '') ? route.query.week : null));

    async function load() {
      problem.value = null;
      try {
        const [data, agentList, groupList] = await Promise.all([
          get('/api/v1/shifts', requested.value ? { week: requested.value } : undefined),
          get('/api/v1/agents'), get('/api/v1/groups')]);
        week.value = data;
        agents.value = agentList;
        groups.value = groupList;
      } catch (failure) {
        problem.value = failure;
      }
    }

    onMounted(load);
    watch(requested, load);

    function go(days) {
      const start = week.value ? week.value.weekStart : today();
      router.replace({ name: 'team', query: { tab: 'shifts', week: days === 0 ? undefined : addDays(start, days) } });
    }

    const meId = computed(() => session.me.user.id);
    const isAdmin = computed(() => can('user.manage') && can('team.assign'));
    const supervised = computed(() => new Set(groups.value
      .filter((group) => group.members.some((m) => m.userId === meId.value && m.supervisor)).map((group) => group.id)));
    const groupById = computed(() => new Map(groups.value.map((group) => [group.id, group])));
    const agentName = computed(() => new Map(agents.value.map((agent) => [agent.userId, agent.displayName])));

    function mayPlanGroup(groupId) {
      return can('team.assign') && (isAdmin.value || supervised.value.has(groupId));
    }

    function mayPlanAgent(row) {
      return can('team.assign') && (isAdmin.value || row.groupIds.some((id) => supervised.value.has(id)));
    }

    const groupRows = computed(() => (week.value ? week.value.groups : [])
      .filter((row) => groupById.value.has(row.id))
      .map((row) => ({ ...row, name: groupById.value.get(row.id).name }))
      .sort((a, b) => a.name.localeCompare(b.name)));

    const agentRows = computed(() => (week.value ? week.value.agents : [])
      .map((row) => ({ ...row, name: agentName.value.get(row.userId) || '#' + row.userId }))
      .sort((a, b) => a.name.localeCompare(b.name)));

    function exceptionsOn(date, row) {
      if (!week.value) return [];
      return week.value.exceptions.filter((e) => e.date === date
        && (row.userId !== undefined ? (e.userId === row.userId || (e.groupId !== null && row.groupIds.includes(e.groupId)))
          : e.groupId === row.id));
    }

    function exceptionLabel(e) {
      const what = e.kind === 'off' ? t('shifts.exception.off') : t('shifts.exception.extra');
      const times = e.start ? ' ' + e.start + '–' + e.end : '';
      return what + times + (e.note ? ' · ' + e.note : '');
    }

    function mayDelete(e) {
      return e.groupId !== null ? mayPlanGroup(e.groupId)
        : mayPlanAgent(agentRows.value.find((row) => row.userId === e.userId) || { groupIds: [] });
    }

    async function removeException(e) {
      problem.value = null;
      try {
        await del('/api/v1/shifts/exceptions/' + e.id);
        notice.value = t('shifts.exception.deleted');
        load();
      } catch (failure) {
        problem.value = failure;
      }
    }

    function editAgent(row) {
      editing.value = { title: t('shifts.editAgent', { name: row.name }), hint: t('shifts.agentHint'),
        url: '/api/v1/shifts/agents/' + row.userId + '/weekly', slots: row.weekly, clearLabel: t('shifts.followGroups') };
    }

    function editGroup(row) {
      editing.value = { title: t('shifts.editGroup', { name: row.name }), hint: t('shifts.groupHint'),
        url: '/api/v1/shifts/groups/' + row.id + '/weekly', slots: row.weekly };
    }

    function editHours(row) {
      editing.value = { title: t('shifts.editHours', { name: row.name }), hint: t('shifts.hoursHint'),
        url: '/api/v1/groups/' + row.id + '/hours', slots: row.hours, clearLabel: t('shifts.hoursFromShifts') };
    }

    const owners = computed(() => [
      ...groupRows.value.filter((row) => mayPlanGroup(row.id)).map((row) => ({ key: 'group:' + row.id, label: t('shifts.wholeGroup', { name: row.name }) })),
      ...agentRows.value.filter(mayPlanAgent).map((row) => ({ key: 'user:' + row.userId, label: row.name })),
    ]);

    function addException(date, owner) {
      adding.value = { date: date || (week.value ? week.value.weekStart : today()), owner };
    }

    function saved() {
      editing.value = null;
      adding.value = null;
      notice.value = t('shifts.saved');
      load();
    }

    const todayDate = computed(() => (week.value ? today(week.value.zone) : ''));

    return { week, problem, notice, editing, adding, groupRows, agentRows, owners, todayDate, go, mayPlanGroup,
      mayPlanAgent, exceptionsOn, exceptionLabel, mayDelete, removeException, editAgent, editGroup, editHours,
      addException, saved, dateLabel, trackStyle, spanLabel, t };
  },
  template: `
    <div class="shifts">
      <div class="toolbar">
        <div class="week-nav">
          <button type="button" id="week-prev" @click="go(-7)" :aria-label="t('shifts.previous')">‹</button>
          <strong v-if="week" id="week-title">{{ dateLabel(week.days[0]) }} – {{ dateLabel(week.days[6]) }}</strong>
          <button type="button" id="week-next" @click="go(7)" :aria-label="t('shifts.next')">›</button>
          <button type="button" class="link" @click="go(0)">{{ t('shifts.thisWeek') }}</button>
        </div>
        <div class="grow muted small" v-if="week">{{ t('shifts.zone', { zone: week.zone }) }}</div>
        <button v-if="owners.length" id="exception-new" type="button" @click="addException(null)">{{ t('shifts.exception.add') }}</button>
      </div>
      <div class="notice" v-if="notice">{{ notice }}</div>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap calendar" style="padding:0" v-if="week">
        <table>
          <thead>
            <tr>
              <th class="who"></th>
              <th v-for="date in week.days" :key="date" :class="{ today: date === todayDate }">{{ dateLabel(date) }}</th>
            </tr>
          </thead>
          <tbody>
            <tr class="section"><th :colspan="8">{{ t('shifts.businessHours') }}</th></tr>
            <tr v-for="row in groupRows" :key="'g' + row.id" :data-group-hours="row.name">
              <td class="who">
                <div class="name">{{ row.name }}</div>
                <div class="muted small">{{ row.explicitHours ? t('shifts.hoursExplicit') : t('shifts.hoursDerived') }}</div>
                <div class="small" v-if="mayPlanGroup(row.id)">
                  <button class="link" type="button" :data-edit-hours="row.name" @click="editHours(row)">{{ t('shifts.hours') }}</button>
                  · <button class="link" type="button" :data-edit-group-week="row.name" @click="editGroup(row)">{{ t('shifts.groupWeek') }}</button>
                </div>
              </td>
              <td v-for="(spans, i) in row.open" :key="i" :class="{ today: week.days[i] === todayDate }">
                <div class="track"><span v-for="(span, j) in spans" :key="j" class="open" :style="trackStyle(span)"></span></div>
                <div class="spans small"><span v-for="(span, j) in spans" :key="j">{{ spanLabel(span) }}</span></div>
                <div v-for="e in exceptionsOn(week.days[i], row)" :key="e.id" class="exception" :class="e.kind">
                  {{ exceptionLabel(e) }}
                  <button v-if="mayDelete(e)" class="link" type="button" @click="removeException(e)" :aria-label="t('action.delete')">✕</button>
                </div>
              </td>
            </tr>
            <tr class="section"><th :colspan="8">{{ t('shifts.agents') }}</th></tr>
            <tr v-for="row in agentRows" :key="'a' + row.userId" :data-agent-shifts="row.name">
              <td class="who">
                <div class="name">{{ row.name }}</div>
                <div class="muted small">{{ t('shifts.source.' + row.source) }}</div>
                <div class="small" v-if="mayPlanAgent(row)">
                  <button class="link" type="button" :data-edit-week="row.name" @click="editAgent(row)">{{ t('shifts.ownWeek') }}</button>
                </div>
              </td>
              <td v-for="(spans, i) in row.days" :key="i" :class="{ today: week.days[i] === todayDate }">
                <div class="track"><span v-for="(span, j) in spans" :key="j" class="work" :style="trackStyle(span)"></span></div>
                <div class="spans small"><span v-for="(span, j) in spans" :key="j">{{ row.source === 'unplanned' ? t('shifts.allDay') : spanLabel(span) }}</span></div>
                <div v-for="e in exceptionsOn(week.days[i], row)" :key="e.id" class="exception" :class="e.kind">
                  {{ exceptionLabel(e) }}
                  <button v-if="mayDelete(e) && e.userId === row.userId" class="link" type="button" @click="removeException(e)" :aria-label="t('action.delete')">✕</button>
                </div>
              </td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!agentRows.length && !groupRows.length">{{ t('shifts.nobody') }}</div>
      </div>
      <p class="muted small">{{ t('shifts.explain') }}</p>
      <WeekEditor v-if="editing" :title="editing.title" :hint="editing.hint" :url="editing.url" :slots="editing.slots"
        :clear-label="editing.clearLabel" @saved="saved" @close="editing = null" />
      <ExceptionEditor v-if="adding" :owners="owners" :date="adding.date" :owner="adding.owner" @saved="saved" @close="adding = null" />
    </div>`,
};
