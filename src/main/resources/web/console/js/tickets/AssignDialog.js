// Assigns or transfers a ticket: a group and/or an agent of it. Moving a ticket that is
// assigned (or in a group) elsewhere is a transfer and needs a reason, which goes into the
// history; the dialog asks for it before sending, and the server checks it regardless.
import { ref, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { ticketOptions, agentsOf } from './ticketOptions.js';

export default {
  name: 'AssignDialog',
  components: { ModalDialog, ProblemMessage },
  props: { ticket: Object, busy: Boolean, problem: Object },
  emits: ['assign', 'close'],
  setup(props, { emit }) {
    const me = session.me.user;
    const groupId = ref(props.ticket.group ? String(props.ticket.group.id) : '');
    const assigneeId = ref(props.ticket.assignee ? String(props.ticket.assignee.id) : '');
    const reason = ref('');
    const missingReason = ref(false);
    // without ticket.assign one takes a ticket or hands one's own on
    const mayAssignAnyone = can('ticket.assign');
    const agents = computed(() => agentsOf(groupId.value));
    const current = (ref) => (ref ? String(ref.id) : '');
    const changed = computed(() => groupId.value !== current(props.ticket.group)
      || assigneeId.value !== current(props.ticket.assignee));
    const transfer = computed(() => changed.value && ((!!props.ticket.assignee && assigneeId.value !== ''
      && assigneeId.value !== current(props.ticket.assignee)) || (!!props.ticket.group && groupId.value !== current(props.ticket.group))));

    function pickGroup() {
      if (assigneeId.value && !agents.value.some((a) => String(a.userId) === assigneeId.value)) assigneeId.value = '';
    }

    function submit() {
      if (!changed.value) return;
      if (transfer.value && !reason.value.trim()) {
        missingReason.value = true;
        return;
      }
      const patch = { groupId: groupId.value ? Number(groupId.value) : null,
        assigneeId: assigneeId.value ? Number(assigneeId.value) : null };
      if (reason.value.trim()) patch.reason = reason.value.trim();
      emit('assign', patch);
    }

    return { groupId, assigneeId, reason, missingReason, mayAssignAnyone, agents, changed, transfer, me, pickGroup,
      submit, ticketOptions, t };
  },
  template: `
    <ModalDialog class="assign-dialog" title-id="assign-title"
      :title="ticket.assignee || ticket.group ? t('ticket.transferTitle') : t('ticket.assignTitle')" @close="$emit('close')">
      <form id="assign-form" @submit.prevent="submit" novalidate>
        <p class="muted small">{{ t('ticket.assignIntro') }}</p>
        <div class="field">
          <label for="assign-group">{{ t('ticket.field.group') }}</label>
          <select id="assign-group" v-model="groupId" @change="pickGroup">
            <option value="">{{ t('ticket.noGroup') }}</option>
            <option v-for="g in ticketOptions.groups" :key="g.id" :value="String(g.id)">{{ g.name }}</option>
          </select>
        </div>
        <div class="field">
          <label for="assign-agent">{{ t('ticket.field.assignee') }}</label>
          <select id="assign-agent" v-model="assigneeId">
            <option value="">{{ t('ticket.unassigned') }}</option>
            <option v-for="a in agents" :key="a.userId" :value="String(a.userId)"
              :disabled="!mayAssignAnyone && a.userId !== me.id && !(ticket.assignee && ticket.assignee.id === me.id)">{{ a.displayName }}</option>
          </select>
        </div>
        <div class="field">
          <label for="assign-reason">{{ t('ticket.transfer.reason') }}<span v-if="transfer"> *</span></label>
          <textarea id="assign-reason" v-model="reason" rows="3" maxlength="500" :aria-invalid="missingReason && !reason.trim() ? 'true' : null"
            :placeholder="t('ticket.transfer.reasonHint')" @input="missingReason = false"></textarea>
          <div v-if="transfer" class="hint">{{ t('ticket.transfer.reasonNeeded') }}</div>
        </div>
        <div v-if="missingReason && !reason.trim()" id="assign-reason-required" class="problem" role="alert">
          <strong>{{ t('ticket.transfer.reasonMissing') }}</strong></div>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="assign-submit" class="primary" type="submit" :disabled="busy || !changed">{{ transfer ? t('ticket.transfer') : t('ticket.assign') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
