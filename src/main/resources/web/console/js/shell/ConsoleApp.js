// The frame around every signed-in screen: navigation by permission, language, who is
// signed in, sign out. Sign-in and the forced password change render without it.
import { computed, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import BrandMark from '../../../shared/js/BrandMark.js';
import { session, can, canAny, signOut } from '../session.js';
import LanguageSelect from './LanguageSelect.js';
import ForbiddenView from './ForbiddenView.js';
import MentionToasts from '../inbox/MentionToasts.js';
import { SCREENS, roleLabel, permissionsFor } from './navigation.js';
import { startInbox, stopInbox, unreadTotal } from '../inbox/inboxStore.js';
import StatusSwitcher from '../team/StatusSwitcher.js';


export default {
  name: 'ConsoleApp',
  components: { BrandMark, LanguageSelect, ForbiddenView, StatusSwitcher, MentionToasts },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const framed = computed(() => session.me && !route.meta.public && !session.me.user.passwordChangeRequired);
    const navigation = computed(() => SCREENS.filter((item) => !item.permissions.length
      || canAny(item.permissions)));
    const allowed = computed(() => !route.meta.permissions || canAny(route.meta.permissions));
    const roleName = computed(() => roleLabel(session.me && session.me.user.role));

    // Signed in with a chat permission: follow the conversations on every screen (menu count,
    // tab-title notice); stop when signed out.
    const chatting = computed(() => !!framed.value && canAny(permissionsFor('inbox')));
    watch(chatting, (on) => (on ? startInbox() : stopInbox()), { immediate: true });

    async function logout() {
      await signOut().catch(() => null);
      router.push({ name: 'login' });
    }

    return { session, framed, navigation, allowed, roleName, unreadTotal, logout, t, can };
  },
  template: `
    <div v-if="framed" class="shell">
      <aside class="sidebar">
        <BrandMark :organisation="session.me.organisation.name" />
        <nav>
          <ul class="nav">
            <li v-for="item in navigation" :key="item.name">
              <router-link :to="{ name: item.name }" :data-nav="item.name">{{ t('nav.' + item.name) }}<span
                v-if="item.name === 'inbox' && unreadTotal > 0" class="nav-count" data-unread-total> ({{ unreadTotal }})</span></router-link>
            </li>
          </ul>
        </nav>
      </aside>
      <div class="main">
        <header class="topbar">
          <StatusSwitcher v-if="can('conversation.reply')" :key="session.me.user.id" />
          <LanguageSelect id="language-select" />
          <span id="current-user" class="who" :title="roleName">{{ session.me.user.displayName }}
            <span class="badge">{{ roleName }}</span></span>
          <router-link to="/password" class="small">{{ t('nav.password') }}</router-link>
          <button id="logout" type="button" @click="logout">{{ t('nav.logout') }}</button>
        </header>
        <main class="content">
          <router-view v-if="allowed" />
          <ForbiddenView v-else />
          <MentionToasts v-if="can('conversation.reply') || can('conversation.view_all')" />
        </main>
      </div>
    </div>
    <router-view v-else />`,
};
