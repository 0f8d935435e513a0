// The frame around every signed-in screen: navigation by permission, language, who is
// signed in, sign out. Sign-in and the forced password change render without it.
import { ref, computed, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import BrandMark from '../../../shared/js/BrandMark.js';
import { session, can, canAny, signOut } from '../session.js';
import LanguageSelect from './LanguageSelect.js';
import ForbiddenView from './ForbiddenView.js';
import MentionToasts from '../inbox/MentionToasts.js';
import { SCREENS, roleLabel, permissionsFor } from './navigation.js';
import { startInbox, stopInbox, unreadTotal } from '../inbox/inboxStore.js';
import { onNotificationClick } from '../inbox/attention.js';
import StatusSwitcher from '../team/StatusSwitcher.js';
import StatusNotice from '../team/StatusNotice.js';
import MyAvatar from '../avatars/MyAvatar.js';
import { mentionState, startMentions, stopMentions } from '../mentions/mentionsStore.js';
import MaintenanceBanner from './MaintenanceBanner.js';
import AlertBanner from './AlertBanner.js';
import GlobalSearch from './GlobalSearch.js';
import { VIEWS } from '../tickets/ticketQuery.js';
import { ticketCounts, startTicketCounts, stopTicketCounts } from '../tickets/ticketsStore.js';


export default {
  name: 'ConsoleApp',
  components: {
    BrandMark, LanguageSelect, ForbiddenView, StatusSwitcher, StatusNotice, MentionToasts, MyAvatar, MaintenanceBanner, AlertBanner,
    GlobalSearch,
  },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const framed = computed(() => session.me && !route.meta.public && !session.me.user.passwordChangeRequired
      && !session.me.twoFactorEnrolmentRequired);
    const navigation = computed(() => SCREENS.filter((item) => !item.permissions.length
      || canAny(item.permissions)));
    const allowed = computed(() => !route.meta.permissions || canAny(route.meta.permissions));
    const roleName = computed(() => roleLabel(session.me && session.me.user.role));
    // Phones: the navigation folds behind a menu button and folds again once a screen is chosen.
    const menuOpen = ref(false);
    // The inbox says it itself, for as long as it holds.
    const onInbox = computed(() => route.name === 'inbox');
    watch(() => route.fullPath, () => { menuOpen.value = false; });

    // Signed in with a chat permission: follow the conversations on every screen (menu count,
    // tab-title notice); stop when signed out.
    const chatting = computed(() => !!framed.value && canAny(permissionsFor('inbox')));
    watch(chatting, (on) => (on ? startInbox() : stopInbox()), { immediate: true });
    onNotificationClick((id, view) => router.push({ name: 'inbox', query: { view, conversation: String(id) } }));
    // The notes that mentioned me: their unread count in the menu.
    const mentioning = computed(() => !!framed.value && canAny(permissionsFor('mentions')));
    watch(mentioning, (on) => (on ? startMentions() : stopMentions()), { immediate: true });

    // The standard ticket views under "Tickets", each with its live count.
    const ticketing = computed(() => !!framed.value && canAny(permissionsFor('tickets')));
    watch(ticketing, (on) => (on ? startTicketCounts() : stopTicketCounts()), { immediate: true });
    const ticketView = computed(() => (route.name === 'tickets' ? String(route.query.view || 'mine') : null));
    // a ticket's page and the new-ticket form belong under "Tickets" too
    const onTicket = computed(() => route.name === 'ticket' || route.name === 'ticket-new');

    async function logout() {
      await signOut().catch(() => null);
      router.push({ name: 'login' });
    }

    return { session, framed, navigation, allowed, roleName, menuOpen, onInbox, unreadTotal, mentionState, logout, t, can, canAny,
      VIEWS, ticketCounts, ticketView, onTicket };
  },
  template: `
    <MaintenanceBanner />
    <AlertBanner v-if="session.me && can('system.monitor')" />
    <div v-if="framed" class="shell">
      <aside class="sidebar" :class="{ 'nav-open': menuOpen }">
        <BrandMark :organisation="session.me.organisation.name" />
        <button id="nav-toggle" type="button" class="nav-toggle" :aria-expanded="menuOpen ? 'true' : 'false'"
          aria-controls="console-nav" @click="menuOpen = !menuOpen">{{ t('nav.menu') }}<span
          v-if="unreadTotal > 0" class="nav-count"> ({{ unreadTotal }})</span></button>
        <nav id="console-nav">
          <ul class="nav">
            <li v-for="item in navigation" :key="item.name">
              <router-link :to="{ name: item.name }" :data-nav="item.name"
                :class="{ 'router-link-active': item.name === 'tickets' && onTicket }">{{ t('nav.' + item.name) }}<span
                v-if="item.name === 'inbox' && unreadTotal > 0" class="nav-count" data-unread-total> ({{ unreadTotal }})</span><span
                v-if="item.name === 'mentions' && mentionState.unread > 0" class="nav-count" data-unread-mentions> ({{ mentionState.unread }})</span></router-link>
              <ul v-if="item.views" class="nav-sub" id="nav-ticket-views">
                <li v-for="view in VIEWS" :key="view.name">
                  <router-link :to="{ name: 'tickets', query: { view: view.name } }" :data-ticket-view="view.name"
                    active-class="nav-sub-link" exact-active-class="nav-sub-link"
                    :class="{ 'sub-active': ticketView === view.name }" :aria-current="ticketView === view.name ? 'page' : null">
                    <span>{{ t('tickets.view.' + view.name) }}</span><span v-if="view.count && ticketCounts.values[view.count] !== undefined"
                    class="nav-sub-count" :class="{ hot: view.name === 'overdue' && ticketCounts.values.overdue > 0 }"
                    :data-count="view.count">{{ ticketCounts.values[view.count] }}</span></router-link>
                </li>
              </ul>
            </li>
          </ul>
        </nav>
      </aside>
      <div class="main">
        <header class="topbar">
          <GlobalSearch v-if="canAny(['customer.view', 'conversation.view_all', 'conversation.reply'])" />
          <StatusSwitcher v-if="can('conversation.reply')" :key="session.me.user.id" />
          <LanguageSelect id="language-select" />
          <MyAvatar :key="'avatar-' + session.me.user.id" />
          <span id="current-user" class="who" :title="roleName">{{ session.me.user.displayName }}
            <span class="badge">{{ roleName }}</span></span>
          <router-link id="my-profile" :to="{ name: 'profile' }" class="small">{{ t('nav.profile') }}</router-link>
          <button id="logout" type="button" @click="logout">{{ t('nav.logout') }}</button>
        </header>
        <StatusNotice v-if="can('conversation.reply') && !onInbox" />
        <main class="content">
          <router-view v-if="allowed" />
          <ForbiddenView v-else />
          <MentionToasts v-if="can('conversation.reply') || can('conversation.view_all')" />
        </main>
      </div>
    </div>
    <router-view v-else />`,
};
