// One group in a dialog: name, description, routing strategy, overflow group, the skills its
// conversations need and how long they wait for a matching agent, members and supervisors,
// the channels it answers; delete with confirmation (administrators only).
import { ref, reactive, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { ROUTINGS, routingLabel, tagsFromText, tagsToText } from './team.js';

export default {
  name: 'GroupEditor',
  components: { ModalDialog, ProblemMessage },
  props: { group: Object, groups: Array, people: Array, channels: Array, admin: Boolean, meId: Number },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const creating = !props.group;
    const source = props.group || {};
    const problem = ref(null);
    const busy = ref(false);
    const confirmingDelete = ref(false);
    const filter = ref('');
    const form = reactive({
      name: source.name || '',
      description: source.description || '',
      routing: source.routing || 'least_busy',
      overflowGroupId: source.overflowGroupId ?? null,
      channelIds: [...(source.channelIds || [])],
      requiredSkills: tagsToText(source.requiredSkills || []),
      fallbackAfter: source.fallbackAfter ?? 60,
    });
    // userId -> { member, supervisor }, for everyone shown; only members are sent.
    const membership = reactive({});
    for (const member of source.members || []) {
      membership[member.userId] = { member: true, supervisor: !!member.supervisor };
    }

    const overflowChoices = computed(() => props.groups.filter((group) => group.id !== source.id));

    /** Channels to choose from, plus any the group answers that this person cannot see by name. */
    const channelChoices = computed(() => {
      const list = props.channels.map((channel) => ({ id: channel.id, name: channel.name }));
      for (const id of source.channelIds || []) {
        if (!list.some((channel) => channel.id === id)) list.push({ id, name: t('team.groups.unknownChannel', { id }) });
      }
      return list;
    });

    /** Which other group answers a channel now (choosing it here moves it). */
    const channelOwners = computed(() => {
      const owners = new Map();
      for (const group of props.groups) {
        if (group.id === source.id) continue;
        for (const id of group.channelIds) owners.set(id, group.name);
      }
      return owners;
    });

    const shownPeople = computed(() => {
      const needle = filter.value.trim().toLowerCase();
      if (!needle) return props.people;
      return props.people.filter((person) => isMember(person.id)
        || (person.displayName || '').toLowerCase().includes(needle)
        || (person.username || '').toLowerCase().includes(needle));
    });
    const memberCount = computed(() => Object.values(membership).filter((entry) => entry.member).length);

    // A supervisor who is not an administrator cannot take away his own supervision.
    function locked(person) {
      return !props.admin && person.id === props.meId;
    }

    function isMember(id) {
      return !!membership[id] && membership[id].member;
    }

    function isSupervisor(id) {
      return !!membership[id] && membership[id].supervisor;
    }

    // Supervisors are members; leaving the group ends the supervision.
    function setMember(person, checked) {
      membership[person.id] = { member: checked, supervisor: checked && isSupervisor(person.id) };
    }

    function setSupervisor(person, checked) {
      membership[person.id] = { member: checked || isMember(person.id), supervisor: checked };
    }

    function body() {
      const members = [];
      for (const [id, entry] of Object.entries(membership)) {
        if (entry.member) members.push({ userId: Number(id), supervisor: entry.supervisor });
      }
      return {
        name: form.name.trim(),
        description: form.description.trim() || null,
        routing: form.routing,
        overflowGroupId: form.overflowGroupId,
        members,
        channelIds: form.channelIds.slice(),
        requiredSkills: tagsFromText(form.requiredSkills),
        // an empty or unreadable number is sent as it is typed, for the server to refuse
        fallbackAfter: form.fallbackAfter === '' ? null : Number(form.fallbackAfter),
      };
    }

    async function save() {
      problem.value = null;
      busy.value = true;
      try {
        const saved = creating
          ? await post('/api/v1/groups', body())
          : await put('/api/v1/groups/' + source.id, body());
        emit('saved', t(creating ? 'team.groups.created' : 'team.groups.updated', { name: saved.name }));
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function remove() {
      problem.value = null;
      busy.value = true;
      try {
        await del('/api/v1/groups/' + source.id);
        emit('saved', t('team.groups.deleted', { name: source.name }));
      } catch (failure) {
        confirmingDelete.value = false;
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { creating, source, problem, busy, confirmingDelete, filter, form, membership, overflowChoices, channelChoices,
      channelOwners, shownPeople, memberCount, locked, isMember, isSupervisor, setMember, setSupervisor, save, remove, routings: ROUTINGS,
      routingLabel, t };
  },
  template: `
    <ModalDialog class="group-dialog" title-id="group-dialog-title" :title="creating ? t('team.groups.new') : source.name" @close="$emit('close')">
      <form @submit.prevent="save" novalidate>
        <div class="field">
          <label for="group-name">{{ t('field.name') }}</label>
          <input id="group-name" type="text" v-model="form.name" maxlength="100" required>
        </div>
        <div class="field">
          <label for="group-description">{{ t('field.description') }}</label>
          <textarea id="group-description" v-model="form.description" rows="2" maxlength="500"></textarea>
        </div>
        <div class="row">
          <div class="field">
            <label for="group-routing">{{ t('team.groups.routing') }}</label>
            <select id="group-routing" v-model="form.routing">
              <option v-for="routing in routings" :key="routing" :value="routing">{{ routingLabel(routing) }}</option>
            </select>
          </div>
          <div class="field">
            <label for="group-overflow">{{ t('team.groups.overflow') }}</label>
            <select id="group-overflow" v-model="form.overflowGroupId">
              <option :value="null">{{ t('team.groups.overflowNone') }}</option>
              <option v-for="other in overflowChoices" :key="other.id" :value="other.id">{{ other.name }}</option>
            </select>
          </div>
        </div>
        <p class="hint muted small">{{ t('team.groups.routingHint.' + form.routing) }} {{ t('team.groups.overflowHint') }}</p>
        <div class="row">
          <div class="field">
            <label for="group-skills">{{ t('team.groups.requiredSkills') }}</label>
            <input id="group-skills" type="text" v-model="form.requiredSkills" maxlength="400" autocomplete="off" spellcheck="false"
              :placeholder="t('team.groups.requiredSkillsExample')">
          </div>
          <div class="field">
            <label for="group-fallback">{{ t('team.groups.fallbackAfter') }}</label>
            <input id="group-fallback" type="number" min="0" max="3600" step="1" v-model="form.fallbackAfter">
          </div>
        </div>
        <p class="hint muted small">{{ t('team.groups.matchingHint') }}</p>

        <fieldset class="group-members">
          <legend>{{ t('team.groups.members') }} <span class="muted small">({{ memberCount }})</span></legend>
          <div class="hint muted small">{{ t('team.groups.membersHint') }}</div>
          <input v-if="people.length > 8" id="group-member-filter" type="search" v-model="filter" maxlength="100"
            :placeholder="t('team.groups.memberFilter')" :aria-label="t('team.groups.memberFilter')">
          <table class="member-table" v-if="shownPeople.length">
            <thead>
              <tr>
                <th>{{ t('field.displayName') }}</th>
                <th class="cell">{{ t('team.groups.member') }}</th>
                <th class="cell">{{ t('team.groups.supervisor') }}</th>
              </tr>
            </thead>
            <tbody>
              <tr v-for="person in shownPeople" :key="person.id" :data-person="person.id">
                <td class="wrap">{{ person.displayName }} <span class="muted small" v-if="person.username">{{ person.username }}</span></td>
                <td class="cell"><input type="checkbox" :data-member="person.id" :checked="isMember(person.id)"
                  :disabled="locked(person)" :aria-label="t('team.groups.member') + ': ' + person.displayName"
                  @change="setMember(person, $event.target.checked)"></td>
                <td class="cell"><input type="checkbox" :data-supervisor="person.id" :checked="isSupervisor(person.id)"
                  :disabled="locked(person)" :aria-label="t('team.groups.supervisor') + ': ' + person.displayName"
                  @change="setSupervisor(person, $event.target.checked)"></td>
              </tr>
            </tbody>
          </table>
          <p class="muted small" v-else>{{ t('team.groups.noPeople') }}</p>
          <p class="hint muted small" v-if="!admin">{{ t('team.groups.selfSupervisor') }}</p>
        </fieldset>

        <fieldset class="group-channels">
          <legend>{{ t('team.groups.channels') }}</legend>
          <div class="hint muted small">{{ t('team.groups.channelsHint') }}</div>
          <div class="channel-checks" v-if="channelChoices.length">
            <label class="check" v-for="channel in channelChoices" :key="channel.id">
              <input type="checkbox" :data-channel="channel.id" :value="channel.id" v-model="form.channelIds">
              <span>{{ channel.name }}<span class="muted small" v-if="channelOwners.has(channel.id)">
                · {{ t(form.channelIds.includes(channel.id) ? 'team.groups.channelMoves' : 'team.groups.channelTaken', { group: channelOwners.get(channel.id) }) }}</span></span>
            </label>
          </div>
          <p class="muted small" v-else>{{ t('team.groups.noChannels') }}</p>
        </fieldset>

        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="group-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
          <button v-if="!creating && admin && !confirmingDelete" id="group-delete" class="danger" type="button"
            @click="confirmingDelete = true; problem = null">{{ t('action.delete') }}</button>
        </div>
        <div class="warning" v-if="confirmingDelete">
          <p>{{ t('team.groups.deleteConfirm', { name: source.name }) }}</p>
          <div class="actions">
            <button id="group-delete-confirm" class="danger" type="button" :disabled="busy" @click="remove">{{ t('action.delete') }}</button>
            <button type="button" @click="confirmingDelete = false">{{ t('action.cancel') }}</button>
          </div>
        </div>
      </form>
    </ModalDialog>`,
};
