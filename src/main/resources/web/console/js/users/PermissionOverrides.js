// Grants or revokes single permissions for one user on top of their role (R8.3, R8.4).
import { reactive, computed } from 'vue';
import { t, tOr } from '../../../shared/js/i18n.js';

export default {
  name: 'PermissionOverrides',
  props: { user: Object, roles: Array, catalog: Array, busy: Boolean },
  emits: ['save'],
  setup(props, { emit }) {
    const choice = reactive({});
    for (const module of props.catalog) {
      for (const permission of module.permissions) choice[permission] = '';
    }
    for (const permission of props.user.granted) choice[permission] = 'grant';
    for (const permission of props.user.revoked) choice[permission] = 'revoke';
    const role = computed(() => props.roles.find((r) => r.id === props.user.role.id));
    const fromRole = (permission) => !!role.value && role.value.permissions.includes(permission);

    function save() {
      const granted = [];
      const revoked = [];
      for (const [permission, value] of Object.entries(choice)) {
        if (value === 'grant' && !fromRole(permission)) granted.push(permission);
        if (value === 'revoke' && fromRole(permission)) revoked.push(permission);
      }
      emit('save', { granted, revoked });
    }

    return { choice, fromRole, save, t, tOr };
  },
  template: `
    <form @submit.prevent="save">
      <p class="muted">{{ t('users.permissionsHint') }}</p>
      <div class="table-wrap">
        <table>
          <tbody>
            <template v-for="module in catalog" :key="module.module">
              <tr class="module"><td colspan="2"><strong>{{ tOr('module.' + module.module, module.module) }}</strong></td></tr>
              <tr v-for="permission in module.permissions" :key="permission">
                <td>{{ tOr('permission.' + permission, permission) }} <span class="muted small">{{ permission }}</span></td>
                <td style="width: 14rem">
                  <select :data-override="permission" v-model="choice[permission]">
                    <option value="">{{ fromRole(permission) ? t('users.override.roleYes') : t('users.override.roleNo') }}</option>
                    <option v-if="!fromRole(permission)" value="grant">{{ t('users.override.grant') }}</option>
                    <option v-if="fromRole(permission)" value="revoke">{{ t('users.override.revoke') }}</option>
                  </select>
                </td>
              </tr>
            </template>
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button id="user-permissions-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
      </div>
    </form>`,
};
