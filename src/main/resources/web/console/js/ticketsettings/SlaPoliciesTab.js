// The SLA policies in the order they are tried: moved up and down (PUT .../order), created
// and edited in SlaPolicyDialog.js, deleted after a question.
import { ref, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import SlaPolicyDialog from './SlaPolicyDialog.js';
import ConfirmDelete from './ConfirmDelete.js';
import { duration } from './slaText.js';

const list = (answer) => (Array.isArray(answer) ? answer : (answer && answer.items) || []);

export default {
  name: 'SlaPoliciesTab',
  components: { ProblemMessage, SlaPolicyDialog, ConfirmDelete },
  setup() {
    const policies = ref([]);
    const groups = ref([]);
    const levels = ref([]);
    const problem = ref(null);
    const editing = ref(null);
    const deleting = ref(null);
    const busy = ref(false);
    async function load() {
      policies.value = list(await get('/api/v1/ticket-sla-policies'));
    }
    onMounted(async () => {
      try {
        const [g, l] = await Promise.all([get('/api/v1/groups').then(list).catch(() => []),
          get('/api/v1/customer-levels').then(list).catch(() => []), load()]);
        groups.value = g;
        levels.value = l;
      } catch (failure) {
        problem.value = failure;
      }
    });
    const groupName = (id) => (groups.value.find((g) => g.id === id) || { name: '#' + id }).name;
    const levelName = (id) => (levels.value.find((l) => l.id === id) || { name: '#' + id }).name;
    function conditions(p) {
      const parts = [];
      if (p.matchPriority) parts.push(t('ticket.priority.' + p.matchPriority));
      if (p.matchType) parts.push(t('ticket.type.' + p.matchType));
      if (p.matchGroupId) parts.push(groupName(p.matchGroupId));
      if (p.matchLevelId) parts.push(levelName(p.matchLevelId));
      return parts.length ? parts.join(' · ') : t('ticketSettings.sla.anyTicket');
    }
    /** The warning and the escalation in one line ('' for neither). */
    function after(p) {
      const parts = [];
      if (p.warnBeforeMinutes) parts.push(t('ticketSettings.sla.warnShort', { time: duration(p.warnBeforeMinutes) }));
      if (p.escalateRaisePriority) parts.push(t('ticketSettings.sla.raiseShort'));
      if (p.escalateGroupId) parts.push(t('ticketSettings.sla.moveTo', { group: groupName(p.escalateGroupId) }));
      return parts.join(' · ');
    }
    async function move(index, step) {
      const ids = policies.value.map((p) => p.id);
      const [id] = ids.splice(index, 1);
      ids.splice(index + step, 0, id);
      problem.value = null;
      busy.value = true;
      try {
        policies.value = list(await put('/api/v1/ticket-sla-policies/order', { ids }));
      } catch (failure) {
        problem.value = failure;
        await load().catch(() => {});
      } finally {
        busy.value = false;
      }
    }
    async function saved() {
      editing.value = null;
      await load().catch((failure) => { problem.value = failure; });
    }
    async function remove() {
      problem.value = null;
      busy.value = true;
      try {
        await del('/api/v1/ticket-sla-policies/' + deleting.value.id);
        deleting.value = null;
        await load();
      } catch (failure) {
        deleting.value = null;
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }
    return { policies, groups, levels, problem, editing, deleting, busy, conditions, after, move, saved, remove,
      duration, groupName, t };
  },
  template: `
    <section class="card" id="sla-policies">
      <div class="section-head">
        <div>
          <h2>{{ t('ticketSettings.tab.sla') }}</h2>
          <p class="muted small">{{ t('ticketSettings.sla.hint') }}</p>
        </div>
        <button type="button" id="sla-add" class="primary" @click="editing = {}">{{ t('ticketSettings.sla.add') }}</button>
      </div>
      <ProblemMessage :problem="problem" />
      <p v-if="!policies.length" id="sla-empty" class="muted">{{ t('ticketSettings.sla.none') }}</p>
      <ol v-else id="sla-policy-list" class="sla-policy-list">
        <li v-for="(p, index) in policies" :key="p.id" :data-policy="p.name" :data-policy-id="p.id"
          :class="{ disabled: !p.enabled }">
          <div class="sla-order">
            <button type="button" class="small" data-move="up" :disabled="busy || index === 0"
              :aria-label="t('ticketSettings.moveUp')" :title="t('ticketSettings.moveUp')" @click="move(index, -1)">↑</button>
            <button type="button" class="small" data-move="down" :disabled="busy || index === policies.length - 1"
              :aria-label="t('ticketSettings.moveDown')" :title="t('ticketSettings.moveDown')" @click="move(index, 1)">↓</button>
          </div>
          <div class="sla-main">
            <div class="sla-title"><span class="sla-position">{{ index + 1 }}.</span> <strong>{{ p.name }}</strong>
              <span v-if="!p.enabled" class="badge off" data-disabled>{{ t('ticketSettings.sla.off') }}</span>
              <span class="badge">{{ t('ticketSettings.sla.calendar.' + p.calendar) }}</span></div>
            <div class="small muted" data-conditions>{{ conditions(p) }}</div>
            <dl class="sla-targets small">
              <div><dt>{{ t('ticket.sla.target.FIRST_RESPONSE') }}</dt><dd data-target="FIRST_RESPONSE">{{ duration(p.firstResponseMinutes) }}</dd></div>
              <div><dt>{{ t('ticket.sla.target.NEXT_RESPONSE') }}</dt><dd data-target="NEXT_RESPONSE">{{ duration(p.nextResponseMinutes) }}</dd></div>
              <div><dt>{{ t('ticket.sla.target.RESOLUTION') }}</dt><dd data-target="RESOLUTION">{{ duration(p.resolutionMinutes) }}</dd></div>
            </dl>
            <div v-if="after(p)" class="small muted" data-after>{{ after(p) }}</div>
          </div>
          <div class="sla-actions">
            <button type="button" class="link small" data-edit @click="editing = p">{{ t('action.edit') }}</button>
            <button type="button" class="link small" data-delete @click="deleting = p">{{ t('action.delete') }}</button>
          </div>
        </li>
      </ol>
      <SlaPolicyDialog v-if="editing" :policy="editing" :groups="groups" :levels="levels"
        @saved="saved" @close="editing = null" />
      <ConfirmDelete v-if="deleting" :name="deleting.name" :busy="busy" @confirm="remove" @close="deleting = null" />
    </section>`,
};
