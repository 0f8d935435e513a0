// One user in a dialog: profile, password reset, unlock, delete, permissions granted or
// revoked on top of the role, and the user's signed-in sessions.
import { ref, reactive, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session, can } from '../session.js';
import { roleLabel } from '../shell/navigation.js';
import PermissionOverrides from './PermissionOverrides.js';
import SessionList from './SessionList.js';

function blankToNull(value) {
  const trimmed = (value || '').trim();
  return trimmed === '' ? null : trimmed;
}

export default {
  name: 'UserEditor',
  components: { ModalDialog, ProblemMessage, PermissionOverrides, SessionList },
  props: { user: Object, roles: Array, catalog: Array },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const creating = !props.user;
    const tab = ref('profile');
    const problem = ref(null);
    const busy = ref(false);
    const confirmingDelete = ref(false);
    const agentRole = props.roles.find((role) => role.name === 'agent');
    const form = reactive({
      username: '',
      displayName: props.user ? props.user.displayName : '',
      email: props.user ? props.user.email || '' : '',
      phone: props.user ? props.user.phone || '' : '',
      roleId: props.user ? props.user.role.id : (agentRole ? agentRole.id : null),
      password: '',
      enabled: props.user ? props.user.enabled : true,
    });
    const newPassword = ref('');
    const canManage = computed(() => can('user.manage'));
    const canAdjust = computed(() => can('user.manage') || can('agent.permissions.adjust'));
    const isSelf = computed(() => !!props.user && props.user.id === session.me.user.id);
    const tabs = computed(() => {
      if (creating) return ['profile'];
      const list = [];
      if (canManage.value) list.push('profile', 'password');
      if (canAdjust.value) list.push('permissions');
      if (canManage.value) list.push('sessions');
      return list;
    });
    if (!tabs.value.includes(tab.value)) tab.value = tabs.value[0];

    const roleName = roleLabel;
    const confirmingTwoFactorReset = ref(false);

    async function run(action, message) {
      problem.value = null;
      busy.value = true;
      try {
        await action();
        emit('saved', message);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    function saveProfile() {
      const profile = {
        displayName: form.displayName.trim(), email: blankToNull(form.email), phone: blankToNull(form.phone),
        roleId: form.roleId, enabled: form.enabled,
      };
      if (creating) {
        return run(() => post('/api/v1/users', { username: form.username.trim(), password: form.password, ...profile }),
          t('users.created', { username: form.username.trim() }));
      }
      return run(() => put('/api/v1/users/' + props.user.id, profile),
        t('users.updated', { username: props.user.username }));
    }

    function resetPassword() {
      return run(() => post('/api/v1/users/' + props.user.id + '/password', { password: newPassword.value }),
        t('users.passwordReset', { username: props.user.username }));
    }

    function unlock() {
      return run(() => post('/api/v1/users/' + props.user.id + '/unlock'),
        t('users.unlocked', { username: props.user.username }));
    }

    function resetTwoFactor() {
      return run(() => del('/api/v1/users/' + props.user.id + '/two-factor'),
        t('users.twoFactorReset', { username: props.user.username }));
    }

    function remove() {
      return run(() => del('/api/v1/users/' + props.user.id), t('users.deleted', { username: props.user.username }));
    }

    function savePermissions(change) {
      return run(() => put('/api/v1/users/' + props.user.id + '/permissions', change),
        t('users.permissionsSaved', { username: props.user.username }));
    }

    return { creating, tab, tabs, problem, busy, confirmingDelete, form, newPassword, canManage, isSelf,
      roleName, saveProfile, resetPassword, unlock, resetTwoFactor, confirmingTwoFactorReset, remove, savePermissions, t };
  },
  template: `
    <ModalDialog :title="creating ? t('users.new') : user.username" @close="$emit('close')">
      <div class="tabs" v-if="tabs.length > 1">
        <button v-for="name in tabs" :key="name" type="button" :class="{ active: tab === name }"
          @click="tab = name; problem = null">{{ t('users.tab.' + name) }}</button>
      </div>

      <form v-if="tab === 'profile'" @submit.prevent="saveProfile" novalidate>
        <div class="field" v-if="creating">
          <label for="user-username">{{ t('field.username') }}</label>
          <input id="user-username" type="text" v-model="form.username" maxlength="64" autocomplete="off" required>
          <div class="hint">{{ t('users.usernameHint') }}</div>
        </div>
        <div class="field">
          <label for="user-display-name">{{ t('field.displayName') }}</label>
          <input id="user-display-name" type="text" v-model="form.displayName" maxlength="100" required>
        </div>
        <div class="row">
          <div class="field">
            <label for="user-email">{{ t('field.email') }}</label>
            <input id="user-email" type="email" v-model="form.email" maxlength="254">
          </div>
          <div class="field">
            <label for="user-phone">{{ t('field.phone') }}</label>
            <input id="user-phone" type="tel" v-model="form.phone" maxlength="32">
          </div>
        </div>
        <div class="field">
          <label for="user-role">{{ t('field.role') }}</label>
          <select id="user-role" v-model="form.roleId" :disabled="isSelf">
            <option v-for="role in roles" :key="role.id" :value="role.id">{{ roleName(role) }}</option>
          </select>
        </div>
        <div class="field" v-if="creating">
          <label for="user-password">{{ t('users.initialPassword') }}</label>
          <input id="user-password" type="password" v-model="form.password" autocomplete="new-password" required>
          <div class="hint">{{ t('users.initialPasswordHint') }}</div>
        </div>
        <label class="check"><input id="user-enabled" type="checkbox" v-model="form.enabled" :disabled="isSelf">
          {{ t('users.enabled') }}</label>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="user-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
          <template v-if="!creating && canManage && !isSelf">
            <button v-if="user.locked" id="user-unlock" type="button" :disabled="busy" @click="unlock">{{ t('users.unlock') }}</button>
            <button v-if="!confirmingDelete" id="user-delete" class="danger" type="button" @click="confirmingDelete = true">{{ t('action.delete') }}</button>
          </template>
        </div>
        <div class="warning" v-if="confirmingDelete">
          <p>{{ t('users.deleteConfirm', { username: user.username }) }}</p>
          <div class="actions">
            <button id="user-delete-confirm" class="danger" type="button" :disabled="busy" @click="remove">{{ t('action.delete') }}</button>
            <button type="button" @click="confirmingDelete = false">{{ t('action.cancel') }}</button>
          </div>
        </div>
      </form>

      <form v-else-if="tab === 'password'" @submit.prevent="resetPassword">
        <p class="muted">{{ t('users.resetHint') }}</p>
        <div class="field">
          <label for="user-new-password">{{ t('password.new') }}</label>
          <input id="user-new-password" type="password" v-model="newPassword" autocomplete="new-password" required>
        </div>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="user-reset-password" class="primary" type="submit" :disabled="busy">{{ t('users.resetPassword') }}</button>
        </div>
        <h3>{{ t('users.twoFactor') }}</h3>
        <p class="muted" id="user-two-factor-status">{{ user.twoFactorEnabled ? t('users.twoFactorOn') : t('users.twoFactorOff') }}</p>
        <p class="muted small">{{ t('users.twoFactorResetHint') }}</p>
        <div class="actions">
          <button v-if="!confirmingTwoFactorReset" id="user-reset-two-factor" class="danger" type="button"
            :disabled="busy || !user.twoFactorEnabled" @click="confirmingTwoFactorReset = true">{{ t('users.resetTwoFactor') }}</button>
          <template v-else>
            <span class="small">{{ t('users.resetTwoFactorConfirm', { username: user.username }) }}</span>
            <button id="user-reset-two-factor-confirm" class="danger" type="button" :disabled="busy" @click="resetTwoFactor">{{ t('users.resetTwoFactor') }}</button>
            <button type="button" @click="confirmingTwoFactorReset = false">{{ t('action.cancel') }}</button>
          </template>
        </div>
      </form>

      <div v-else-if="tab === 'permissions'">
        <PermissionOverrides :user="user" :roles="roles" :catalog="catalog" :busy="busy" @save="savePermissions" />
        <ProblemMessage :problem="problem" />
      </div>

      <div v-else-if="tab === 'sessions'" id="user-sessions">
        <SessionList :base="'/api/v1/users/' + user.id + '/sessions'" :own="false" />
      </div>
    </ModalDialog>`,
};
