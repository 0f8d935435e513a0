// Roles as columns, permissions grouped by module as rows: tick a module or a single
// permission to change what a role may do (R8.3). Built-in administrator keeps everything.
import { ref, reactive, computed, onMounted } from 'vue';
import { t, tOr, tCount } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { can } from '../session.js';
import { roleLabel } from '../shell/navigation.js';

export default {
  name: 'RolesView',
  components: { ProblemMessage },
  setup() {
    const roles = ref([]);
    const catalog = ref([]);
    const problem = ref(null);
    const notice = ref('');
    const saving = ref(false);
    const editing = ref(null);
    const form = reactive({ name: '', description: '' });
    const canManage = computed(() => can('role.manage'));

    async function load() {
      try {
        [roles.value, catalog.value] = await Promise.all([get('/api/v1/roles'), get('/api/v1/permissions')]);
      } catch (failure) {
        problem.value = failure;
      }
    }
    onMounted(load);

    const roleName = roleLabel;

    function locked(role) {
      return !canManage.value || saving.value || (role.builtin && role.name === 'administrator');
    }

    function has(role, permission) {
      return role.permissions.includes(permission);
    }

    function moduleState(role, module) {
      const count = module.permissions.filter((p) => has(role, p)).length;
      return { all: count === module.permissions.length, some: count > 0 && count < module.permissions.length };
    }

    async function store(role, permissions) {
      problem.value = null;
      notice.value = '';
      saving.value = true;
      const before = role.permissions;
      role.permissions = permissions;
      try {
        const saved = await put('/api/v1/roles/' + role.id,
          { name: role.name, description: role.description, permissions });
        Object.assign(role, saved);
        notice.value = t('roles.saved', { role: roleName(role) });
      } catch (failure) {
        role.permissions = before;
        problem.value = failure;
      } finally {
        saving.value = false;
      }
    }

    // the administrator role too: its permissions are fixed, its sign-in is not
    async function toggleTwoFactor(role, on) {
      problem.value = null;
      notice.value = '';
      saving.value = true;
      try {
        const saved = await put('/api/v1/roles/' + role.id,
          { name: role.name, description: role.description, permissions: role.permissions, requiresTwoFactor: on });
        Object.assign(role, saved);
        notice.value = t('roles.saved', { role: roleName(role) });
      } catch (failure) {
        problem.value = failure;
      } finally {
        saving.value = false;
      }
    }

    function togglePermission(role, permission, on) {
      const next = role.permissions.filter((p) => p !== permission);
      if (on) next.push(permission);
      store(role, next);
    }

    function toggleModule(role, module, on) {
      const next = role.permissions.filter((p) => !module.permissions.includes(p));
      if (on) next.push(...module.permissions);
      store(role, next);
    }

    function startNew() {
      problem.value = null;
      editing.value = { id: null };
      Object.assign(form, { name: '', description: '' });
    }

    function startEdit(role) {
      problem.value = null;
      editing.value = role;
      Object.assign(form, { name: role.name, description: role.description || '' });
    }

    async function saveRole() {
      problem.value = null;
      saving.value = true;
      try {
        const body = { name: form.name.trim(), description: form.description.trim() || null };
        if (editing.value.id === null) {
          await post('/api/v1/roles', { ...body, permissions: [] });
          notice.value = t('roles.created', { role: body.name });
        } else {
          await put('/api/v1/roles/' + editing.value.id, { ...body, permissions: editing.value.permissions });
          notice.value = t('roles.saved', { role: body.name });
        }
        editing.value = null;
        await load();
      } catch (failure) {
        problem.value = failure;
      } finally {
        saving.value = false;
      }
    }

    async function remove(role) {
      problem.value = null;
      saving.value = true;
      try {
        await del('/api/v1/roles/' + role.id);
        notice.value = t('roles.deleted', { role: role.name });
        editing.value = null;
        await load();
      } catch (failure) {
        problem.value = failure;
      } finally {
        saving.value = false;
      }
    }

    return { roles, catalog, problem, notice, saving, editing, form, canManage, roleName, locked, has, moduleState,
      togglePermission, toggleModule, toggleTwoFactor, startNew, startEdit, saveRole, remove, t, tOr, tCount };
  },
  template: `
    <div>
      <h1>{{ t('roles.title') }}</h1>
      <p class="muted">{{ canManage ? t('roles.intro') : t('roles.readOnly') }}</p>
      <div class="toolbar" v-if="canManage">
        <button id="role-new" class="primary" type="button" @click="startNew">{{ t('roles.new') }}</button>
      </div>
      <form class="card" v-if="editing" @submit.prevent="saveRole">
        <h2>{{ editing.id === null ? t('roles.new') : t('roles.edit', { role: roleName(editing) }) }}</h2>
        <div class="row">
          <div class="field">
            <label for="role-name">{{ t('field.name') }}</label>
            <input id="role-name" type="text" v-model="form.name" maxlength="64" required>
          </div>
          <div class="field">
            <label for="role-description">{{ t('field.description') }}</label>
            <input id="role-description" type="text" v-model="form.description" maxlength="500">
          </div>
        </div>
        <p class="hint muted small" v-if="editing.id === null">{{ t('roles.newHint') }}</p>
        <div class="actions">
          <button id="role-save" class="primary" type="submit" :disabled="saving">{{ t('action.save') }}</button>
          <button type="button" @click="editing = null">{{ t('action.cancel') }}</button>
          <button v-if="editing.id !== null" id="role-delete" class="danger" type="button" :disabled="saving || editing.userCount > 0"
            :title="editing.userCount > 0 ? t('roles.inUse') : ''" @click="remove(editing)">{{ t('action.delete') }}</button>
        </div>
      </form>
      <div class="notice" v-if="notice">{{ notice }}</div>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table class="matrix">
          <thead>
            <tr>
              <th>{{ t('roles.permission') }}</th>
              <th v-for="role in roles" :key="role.id" class="role" :data-role-column="role.name">
                <div>{{ roleName(role) }}</div>
                <div class="muted small">{{ tCount('roles.userCount', role.userCount) }}</div>
                <button v-if="canManage && !role.builtin" class="link small" type="button" @click="startEdit(role)">{{ t('action.edit') }}</button>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr class="module two-factor-row">
              <td>{{ t('roles.requiresTwoFactor') }}<div class="muted small">{{ t('roles.requiresTwoFactorHint') }}</div></td>
              <td v-for="role in roles" :key="role.id" class="cell">
                <input type="checkbox" :data-role="role.id" data-two-factor="required"
                  :checked="role.requiresTwoFactor" :disabled="!canManage || saving"
                  :aria-label="roleName(role) + ': ' + t('roles.requiresTwoFactor')"
                  @change="toggleTwoFactor(role, $event.target.checked)">
              </td>
            </tr>
            <template v-for="module in catalog" :key="module.module">
              <tr class="module">
                <td>{{ tOr('module.' + module.module, module.module) }}</td>
                <td v-for="role in roles" :key="role.id" class="cell">
                  <input type="checkbox" :data-role="role.id" :data-module="module.module"
                    :checked="moduleState(role, module).all" :indeterminate="moduleState(role, module).some"
                    :disabled="locked(role)" :aria-label="roleName(role) + ': ' + tOr('module.' + module.module, module.module)"
                    @change="toggleModule(role, module, $event.target.checked)">
                </td>
              </tr>
              <tr v-for="permission in module.permissions" :key="permission">
                <td>{{ tOr('permission.' + permission, permission) }}</td>
                <td v-for="role in roles" :key="role.id" class="cell">
                  <input type="checkbox" :data-role="role.id" :data-permission="permission"
                    :checked="has(role, permission)" :disabled="locked(role)"
                    :aria-label="roleName(role) + ': ' + tOr('permission.' + permission, permission)"
                    @change="togglePermission(role, permission, $event.target.checked)">
                </td>
              </tr>
            </template>
          </tbody>
        </table>
      </div>
    </div>`,
};
