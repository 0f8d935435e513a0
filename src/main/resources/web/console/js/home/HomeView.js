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
    // until someone has run the self-check once, point those who may run it there
    const suggestSelfCheck = ref(false);
    onMounted(async () => {
      if (can('system.upgrade')) {
        get('/api/v1/operations/self-check/last-run')
          .then((answer) => { suggestSelfCheck.value = !answer.lastRun; })
          .catch(() => {});
      }
      catalog.value = await get('/api/v1/permissions').catch(() => []);
    });
    const modules = computed(() => catalog.value
      .map((module) => ({
        name: module.module,
        permissions: module.permissions.filter((p) => me.value.user.permissions.includes(p)),
      }))
      .filter((module) => module.permissions.length));
    return { me, shortcuts, roleName, modules, suggestSelfCheck, can, t, tOr };
  },
  template: `
    <div>
      <h1>{{ t('home.welcome', { name: me.user.displayName }) }}</h1>
      <p class="muted">{{ t('home.organisation', { organisation: me.organisation.name, role: roleName }) }}</p>
      <div class="card home-nudge" id="home-self-check" v-if="suggestSelfCheck">
        <h2>{{ t('home.checkInstallation.title') }}</h2>
        <p>{{ t('home.checkInstallation.text') }}</p>
        <router-link class="button primary" :to="{ name: 'self-check' }">{{ t('home.checkInstallation.action') }}</router-link>
      </div>
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
