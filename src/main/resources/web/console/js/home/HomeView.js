// The start screen: who you are, what your role lets you do, where to go from here.
import { computed, ref, onMounted } from 'vue';
import { get } from '../../../shared/js/api.js';
import { t, tOr } from '../../../shared/js/i18n.js';
import { session, can, canAny } from '../session.js';
import { SCREENS, roleLabel } from '../shell/navigation.js';
import BackupCard from './BackupCard.js';


export default {
  name: 'HomeView',
  components: { BackupCard },
  setup() {
    const me = computed(() => session.me);
    const shortcuts = computed(() => SCREENS.filter((item) => item.name !== 'home' && canAny(item.permissions)));
    const roleName = computed(() => roleLabel(me.value.user.role));
    const catalog = ref([]);
    onMounted(async () => {
      catalog.value = await get('/api/v1/permissions').catch(() => []);
    });
    const modules = computed(() => catalog.value
      .map((module) => ({
        name: module.module,
        permissions: module.permissions.filter((p) => me.value.user.permissions.includes(p)),
      }))
      .filter((module) => module.permissions.length));
    return { me, shortcuts, roleName, modules, can, t, tOr };
  },
  template: `
    <div>
      <h1>{{ t('home.welcome', { name: me.user.displayName }) }}</h1>
      <p class="muted">{{ t('home.organisation', { organisation: me.organisation.name, role: roleName }) }}</p>
      <BackupCard v-if="can('backup.run')" />
      <div class="tiles" v-if="shortcuts.length">
        <router-link v-for="item in shortcuts" :key="item.name" :to="{ name: item.name }" class="card tile">
          <h2>{{ t('nav.' + item.name) }}</h2>
          <p class="muted small">{{ t('home.tile.' + item.name) }}</p>
        </router-link>
      </div>
      <div class="card">
        <h2>{{ t('home.permissions') }}</h2>
        <template v-if="me.user.permissions.length">
          <div v-for="module in modules" :key="module.name">
            <h3>{{ tOr('module.' + module.name, module.name) }}</h3>
            <div class="perm-list">
              <span class="badge" v-for="permission in module.permissions" :key="permission">{{ tOr('permission.' + permission, permission) }}</span>
            </div>
          </div>
        </template>
        <p class="muted" v-else>{{ t('home.noPermissions') }}</p>
      </div>
    </div>`,
};
