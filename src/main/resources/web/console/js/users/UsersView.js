// Staff users: search, page, add, edit, disable, delete, reset password, adjust permissions (R8.4).
import { ref, onMounted, watch, computed } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { roleLabel } from '../shell/navigation.js';
import UserEditor from './UserEditor.js';

export default {
  name: 'UsersView',
  components: { ProblemMessage, UserEditor },
  setup() {
    const users = ref([]);
    const nextCursor = ref(null);
    const query = ref('');
    const loading = ref(false);
    const problem = ref(null);
    const roles = ref([]);
    const catalog = ref([]);
    const editing = ref(null);
    const notice = ref('');
    let searchTimer = null;
    let generation = 0;

    async function load(append) {
      const mine = ++generation;
      loading.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/users', {
          q: query.value.trim(), after: append ? nextCursor.value : null, limit: 25,
        });
        if (mine !== generation) return;
        users.value = append ? users.value.concat(page.items) : page.items;
        nextCursor.value = page.nextCursor;
      } catch (failure) {
        if (mine === generation) problem.value = failure;
      } finally {
        if (mine === generation) loading.value = false;
      }
    }

    onMounted(async () => {
      load(false);
      try {
        [roles.value, catalog.value] = await Promise.all([get('/api/v1/roles'), get('/api/v1/permissions')]);
      } catch (failure) {
        problem.value = failure;
      }
    });

    watch(query, () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => load(false), 250);
    });

    const roleName = roleLabel;

    function open(user) {
      notice.value = '';
      editing.value = { user };
    }

    function saved(message) {
      notice.value = message || '';
      editing.value = null;
      load(false);
    }

    const canManage = computed(() => can('user.manage'));
    const canOpen = computed(() => can('user.manage') || can('agent.permissions.adjust'));
    const timeZone = computed(() => session.me.organisation.timeZone);

    return { users, nextCursor, query, loading, problem, roles, catalog, editing, notice, canManage, canOpen,
      timeZone, load, open, saved, roleName, formatInstant, t };
  },
  template: `
    <div>
      <h1>{{ t('users.title') }}</h1>
      <div class="toolbar">
        <div class="grow">
          <label for="user-search">{{ t('users.search') }}</label>
          <input id="user-search" type="search" v-model="query" maxlength="100" :placeholder="t('users.searchHint')">
        </div>
        <button v-if="canManage" id="user-new" class="primary" type="button" @click="open(null)">{{ t('users.new') }}</button>
      </div>
      <div class="notice" v-if="notice">{{ notice }}</div>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table>
          <thead>
            <tr>
              <th>{{ t('field.username') }}</th>
              <th>{{ t('field.displayName') }}</th>
              <th>{{ t('field.email') }}</th>
              <th>{{ t('field.phone') }}</th>
              <th>{{ t('field.role') }}</th>
              <th>{{ t('field.status') }}</th>
              <th>{{ t('users.lastLogin') }}</th>
              <th v-if="canOpen"></th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="user in users" :key="user.id" :data-username="user.username">
              <td>{{ user.username }}</td>
              <td class="wrap">{{ user.displayName }}</td>
              <td class="wrap">{{ user.email }}</td>
              <td>{{ user.phone }}</td>
              <td>{{ roleName(user.role) }}</td>
              <td>
                <span v-if="!user.enabled" class="badge off">{{ t('users.status.disabled') }}</span>
                <span v-else-if="user.locked" class="badge warn">{{ t('users.status.locked') }}</span>
                <span v-else class="badge ok">{{ t('users.status.enabled') }}</span>
                <span v-if="user.granted.length || user.revoked.length" class="badge" :title="t('users.adjusted')">±</span>
              </td>
              <td class="small muted">{{ formatInstant(user.lastLoginAt, timeZone) || t('users.never') }}</td>
              <td v-if="canOpen"><button class="link" type="button" :data-edit="user.username" @click="open(user)">{{ t('action.edit') }}</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!loading && !users.length">{{ t('users.none') }}</div>
        <div class="more" v-if="nextCursor">
          <button type="button" :disabled="loading" @click="load(true)">{{ t('action.more') }}</button>
        </div>
      </div>
      <UserEditor v-if="editing" :user="editing.user" :roles="roles" :catalog="catalog"
        @saved="saved" @close="editing = null" />
    </div>`,
};
