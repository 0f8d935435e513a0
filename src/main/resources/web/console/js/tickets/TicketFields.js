// The side panel of a ticket's fields: priority, type, category, group and assignee (take,
// assign, transfer through AssignDialog), due date, tags and followers. Each change goes
// through the page's `change` (a merge patch with the version read).
import { ref, computed, watch } from 'vue';
import { t, formatInstant, zonedInstant } from '../../../shared/js/i18n.js';
import { session, can } from '../session.js';
import { PRIORITIES, TYPES } from './ticketQuery.js';
import { ticketOptions } from './ticketOptions.js';
import AssignDialog from './AssignDialog.js';

/** An instant as the value of a datetime-local field in the zone. */
function localValue(iso, timeZone) {
  if (!iso) return '';
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
    const v = (type) => parts.find((p) => p.type === type).value;
    return v('year') + '-' + v('month') + '-' + v('day') + 'T' + v('hour') + ':' + v('minute');
  } catch {
    return String(iso).slice(0, 16);
  }
}

export default {
  name: 'TicketFields',
  components: { AssignDialog },
  props: { ticket: Object, busy: Boolean, change: Function, timeZone: String },
  setup(props) {
    const me = session.me.user;
    const tags = ref('');
    const due = ref('');
    const follower = ref('');
    const assigning = ref(false);
    const assignProblem = ref(null);
    watch(() => props.ticket, (ticket) => {
      tags.value = ticket.tags.join(', ');
      due.value = localValue(ticket.dueAt, props.timeZone);
    }, { immediate: true });
    const editable = computed(() => props.ticket.mayEdit);
    const mayAssign = computed(() => editable.value && (can('ticket.assign') || can('ticket.edit')));
    const canTake = computed(() => editable.value && !props.ticket.assignee && can('ticket.edit'));
    const following = computed(() => props.ticket.followers.some((f) => f.id === me.id));
    const followerChoices = computed(() => ticketOptions.agents
      .filter((a) => !props.ticket.followers.some((f) => f.id === a.userId)));
    const tagsChanged = computed(() => tags.value.split(/[,，]/).map((x) => x.trim()).filter(Boolean).join(', ')
      !== props.ticket.tags.join(', '));

    const set = (field, value) => props.change({ [field]: value });
    const saveTags = () => props.change({ tags: tags.value.split(/[,，]/).map((x) => x.trim()).filter(Boolean) });
    const saveDue = () => props.change({ dueAt: due.value ? zonedInstant(due.value, props.timeZone) : null });
    const followerIds = () => props.ticket.followers.map((f) => f.id);
    const follow = () => props.change({ followers: followerIds().concat([me.id]) });
    const unfollow = (id) => props.change({ followers: followerIds().filter((f) => f !== id) });
    function addFollower() {
      if (!follower.value) return;
      props.change({ followers: followerIds().concat([Number(follower.value)]) }).then(() => { follower.value = ''; });
    }
    const take = () => props.change({ assigneeId: me.id });
    async function assigned(patch) {
      assignProblem.value = null;
      if (await props.change(patch, (failure) => { assignProblem.value = failure; })) assigning.value = false;
    }
    function openAssign() {
      assignProblem.value = null;
      assigning.value = true;
    }

    return { tags, due, follower, assigning, assignProblem, openAssign, editable, mayAssign, canTake, following, followerChoices, tagsChanged,
      ticketOptions, PRIORITIES, TYPES, me, set, saveTags, saveDue, follow, unfollow, addFollower, take, assigned,
      formatInstant, can, t };
  },
  template: `
    <section class="card ticket-fields" id="ticket-fields">
      <h2>{{ t('ticket.details') }}</h2>
      <div class="field">
        <label>{{ t('ticket.field.assignment') }}</label>
        <div id="ticket-assignment" class="assignment">
          <div><span class="muted small">{{ t('ticket.field.group') }}</span>
            <span id="ticket-group" :data-group-id="ticket.group ? ticket.group.id : ''">{{ ticket.group ? ticket.group.name : t('ticket.noGroup') }}</span></div>
          <div><span class="muted small">{{ t('ticket.field.assignee') }}</span>
            <span id="ticket-assignee" :data-assignee-id="ticket.assignee ? ticket.assignee.id : ''">{{ ticket.assignee ? ticket.assignee.name : t('ticket.unassigned') }}</span></div>
        </div>
        <div class="actions assignment-actions">
          <button v-if="canTake" id="ticket-take" type="button" class="primary small" :disabled="busy" @click="take">{{ t('ticket.take') }}</button>
          <button v-if="mayAssign" id="ticket-assign" type="button" class="small" :disabled="busy"
            @click="openAssign">{{ ticket.assignee || ticket.group ? t('ticket.transfer') : t('ticket.assign') }}</button>
        </div>
      </div>
      <div class="two">
        <div class="field">
          <label for="ticket-priority-select">{{ t('ticket.field.priority') }}</label>
          <select id="ticket-priority-select" :value="ticket.priority" :disabled="busy || !editable"
            @change="set('priority', $event.target.value)">
            <option v-for="p in PRIORITIES" :key="p" :value="p">{{ t('ticket.priority.' + p) }}</option>
          </select>
        </div>
        <div class="field">
          <label for="ticket-type-select">{{ t('ticket.field.type') }}</label>
          <select id="ticket-type-select" :value="ticket.type" :disabled="busy || !editable"
            @change="set('type', $event.target.value)">
            <option v-for="ty in TYPES" :key="ty" :value="ty" :disabled="ty === 'COMPLAINT' && !can('complaint.handle') && ticket.type !== 'COMPLAINT'">{{ t('ticket.type.' + ty) }}</option>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="ticket-category-select">{{ t('ticket.field.category') }}</label>
        <select v-if="ticketOptions.categories.length" id="ticket-category-select"
          :value="ticket.category ? String(ticket.category.id) : ''" :disabled="busy || !editable"
          @change="set('categoryId', $event.target.value ? Number($event.target.value) : null)">
          <option value="">{{ t('ticket.noCategory') }}</option>
          <option v-for="c in ticketOptions.categories" :key="c.id" :value="String(c.id)">{{ c.name }}</option>
        </select>
        <div v-else id="ticket-category">{{ ticket.category ? ticket.category.name : t('ticket.noCategory') }}</div>
      </div>
      <form class="field" @submit.prevent="saveDue">
        <label for="ticket-due">{{ t('ticket.field.dueAt') }}</label>
        <div class="inline-form">
          <input id="ticket-due" type="datetime-local" v-model="due" :disabled="busy || !editable">
          <button v-if="editable" id="ticket-due-save" type="submit" class="small" :disabled="busy">{{ t('action.save') }}</button>
        </div>
      </form>
      <form class="field" @submit.prevent="saveTags">
        <label for="ticket-tags">{{ t('ticket.field.tags') }}</label>
        <div class="ticket-tags" v-if="ticket.tags.length"><span v-for="tag in ticket.tags" :key="tag" class="tag" data-tag>{{ tag }}</span></div>
        <div class="inline-form" v-if="editable">
          <input id="ticket-tags" type="text" v-model="tags" :placeholder="t('ticket.tagsHint')">
          <button id="ticket-tags-save" type="submit" class="small" :disabled="busy || !tagsChanged">{{ t('action.save') }}</button>
        </div>
      </form>
      <div class="field">
        <label>{{ t('ticket.field.followers') }}</label>
        <ul class="plain-list followers" id="ticket-followers">
          <li v-for="f in ticket.followers" :key="f.id" :data-follower="f.id">{{ f.name || ('#' + f.id) }}
            <button v-if="editable" type="button" class="link small" :aria-label="t('ticket.unfollow')" @click="unfollow(f.id)">✕</button></li>
        </ul>
        <div class="inline-form" v-if="editable">
          <button v-if="!following" id="ticket-follow" type="button" class="small" :disabled="busy" @click="follow">{{ t('ticket.follow') }}</button>
          <select v-if="followerChoices.length" id="ticket-follower-add" v-model="follower" :aria-label="t('ticket.addFollower')"
            @change="addFollower">
            <option value="">{{ t('ticket.addFollower') }}</option>
            <option v-for="a in followerChoices" :key="a.userId" :value="String(a.userId)">{{ a.displayName }}</option>
          </select>
        </div>
      </div>
      <dl class="facts">
        <dt>{{ t('ticket.field.created') }}</dt><dd>{{ formatInstant(ticket.createdAt, timeZone) }}</dd>
        <dt>{{ t('ticket.field.updated') }}</dt><dd>{{ formatInstant(ticket.updatedAt, timeZone) }}</dd>
        <template v-if="ticket.firstRespondedAt"><dt>{{ t('ticket.field.firstResponse') }}</dt><dd>{{ formatInstant(ticket.firstRespondedAt, timeZone) }}</dd></template>
        <template v-if="ticket.solvedAt"><dt>{{ t('ticket.field.solved') }}</dt><dd>{{ formatInstant(ticket.solvedAt, timeZone) }}</dd></template>
      </dl>
      <AssignDialog v-if="assigning" :ticket="ticket" :busy="busy" :problem="assignProblem" @assign="assigned" @close="assigning = false" />
    </section>`,
};
