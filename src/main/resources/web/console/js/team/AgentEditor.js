// One agent in a dialog: the avatar (changed at once, by the agent or with user.manage), the
// name customers see, languages, skills, capacity (conversations) and ticket capacity. Saving the profile of a staff member who
// has none creates it.
import { ref, reactive } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { put } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { tagsFromText, tagsToText, MAX_CAPACITY } from './team.js';

/** agents.TicketCandidates.MAX_TICKET_CAPACITY */
const MAX_TICKET_CAPACITY = 500;
import { session, can } from '../session.js';
import AvatarUpload from '../avatars/AvatarUpload.js';

export default {
  name: 'AgentEditor',
  components: { ModalDialog, ProblemMessage, AvatarUpload },
  props: { agent: Object, creating: Boolean },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const problem = ref(null);
    const busy = ref(false);
    const form = reactive({
      publicName: props.agent.publicName || '',
      languages: tagsToText(props.agent.languages),
      skills: tagsToText(props.agent.skills),
      capacity: props.agent.capacity,
      ticketCapacity: props.agent.ticketCapacity,
    });

    async function save() {
      problem.value = null;
      busy.value = true;
      const capacity = form.capacity === '' || form.capacity === null ? null : Number(form.capacity);
      const tickets = form.ticketCapacity === '' || form.ticketCapacity === null ? null : Number(form.ticketCapacity);
      try {
        const saved = await put('/api/v1/agents/' + props.agent.userId, {
          publicName: form.publicName.trim() || null,
          languages: tagsFromText(form.languages),
          skills: tagsFromText(form.skills),
          capacity: Number.isFinite(capacity) ? capacity : null,
          ticketCapacity: Number.isFinite(tickets) ? tickets : null,
        });
        emit('saved', t(props.creating ? 'team.agents.added' : 'team.agents.updated', { name: saved.displayName }));
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const mayChangeAvatar = can('user.manage') || props.agent.userId === session.me.user.id;
    const avatarUrl = ref(props.agent.avatarUrl || null);
    function avatarChanged(url) {
      avatarUrl.value = url;
      // eslint-disable-next-line vue/no-mutating-props -- the list shows the new picture at once
      props.agent.avatarUrl = url;
    }

    return { problem, busy, form, save, MAX_CAPACITY, MAX_TICKET_CAPACITY, mayChangeAvatar, avatarUrl, avatarChanged, t };
  },
  template: `
    <ModalDialog title-id="agent-dialog-title" :title="agent.displayName" @close="$emit('close')">
      <p class="muted small" v-if="creating">{{ t('team.agents.addHint') }}</p>
      <div class="field" v-if="mayChangeAvatar">
        <span class="label">{{ t('avatar.title') }}</span>
        <AvatarUpload :path="'/api/v1/agents/' + agent.userId + '/avatar'" :name="agent.displayName" :url="avatarUrl"
          @changed="avatarChanged" />
      </div>
      <form @submit.prevent="save" novalidate>
        <div class="field">
          <label for="agent-public-name">{{ t('team.agents.publicName') }}</label>
          <input id="agent-public-name" type="text" v-model="form.publicName" maxlength="100" :placeholder="agent.displayName">
          <div class="hint">{{ t('team.agents.publicNameHint') }}</div>
        </div>
        <div class="row agent-tags">
          <div class="field">
            <label for="agent-languages">{{ t('team.agents.languages') }}</label>
            <input id="agent-languages" type="text" v-model="form.languages" maxlength="400" autocomplete="off" spellcheck="false">
            <div class="hint">{{ t('team.agents.languagesHint') }}</div>
          </div>
          <div class="field">
            <label for="agent-skills">{{ t('team.agents.skills') }}</label>
            <input id="agent-skills" type="text" v-model="form.skills" maxlength="400" autocomplete="off" spellcheck="false">
            <div class="hint">{{ t('team.agents.skillsHint') }}</div>
          </div>
        </div>
        <div class="field capacity-field">
          <label for="agent-capacity">{{ t('team.agents.capacity') }}</label>
          <input id="agent-capacity" type="number" v-model="form.capacity" min="1" :max="MAX_CAPACITY" step="1" required>
          <div class="hint">{{ t('team.agents.capacityHint', { max: MAX_CAPACITY }) }}</div>
        </div>
        <div class="field capacity-field">
          <label for="agent-ticket-capacity">{{ t('team.agents.ticketCapacity') }}</label>
          <input id="agent-ticket-capacity" type="number" v-model="form.ticketCapacity" min="0" :max="MAX_TICKET_CAPACITY" step="1">
          <div class="hint">{{ t('team.agents.ticketCapacityHint', { max: MAX_TICKET_CAPACITY }) }}</div>
        </div>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="agent-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
