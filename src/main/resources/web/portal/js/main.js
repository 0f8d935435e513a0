// The customers' portal: register, verify the address, sign in, reset a forgotten
// password, the profile, his conversations and his tickets. Its own session (never the
// console's).
import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import { onUnauthenticated } from '../../shared/js/api.js';
import { t, useLanguage, preferredLanguage, browserLanguage } from '../../shared/js/i18n.js';
import { portal, loadMe } from './portalSession.js';
import PortalShell from './PortalShell.js';
import { SignInView, RegisterView, VerifyView, ForgotView, ResetView } from './AccountViews.js';
import ProfileView from './ProfileView.js';
import { ConversationListView, ConversationView } from './ConversationViews.js';
import { TicketListView, TicketView, NewTicketView } from './TicketViews.js';

const routes = [
  { path: '/', redirect: () => (portal.me ? { name: 'conversations' } : { name: 'sign-in' }) },
  { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { public: true } },
  { path: '/register', name: 'register', component: RegisterView, meta: { public: true } },
  { path: '/forgot-password', name: 'forgot', component: ForgotView, meta: { public: true } },
  // reached from the e-mails' links, whether or not someone is signed in
  { path: '/verify', name: 'verify', component: VerifyView, meta: { public: true, anyone: true } },
  { path: '/reset', name: 'reset', component: ResetView, meta: { public: true, anyone: true } },
  { path: '/profile', name: 'profile', component: ProfileView },
  { path: '/conversations', name: 'conversations', component: ConversationListView },
  { path: '/conversations/:id(\\d+)', name: 'conversation', component: ConversationView },
  { path: '/tickets', name: 'tickets', component: TicketListView },
  { path: '/tickets/new', name: 'ticket-new', component: NewTicketView },
  { path: '/tickets/:id(\\d+)', name: 'ticket', component: TicketView },
  { path: '/:rest(.*)*', redirect: '/' },
];

const router = createRouter({ history: createWebHistory('/portal/'), routes });

router.beforeEach(async (to) => {
  if (!portal.loaded) await loadMe();
  if (!to.meta.public && !portal.me) return { name: 'sign-in', query: { next: to.fullPath } };
  if (to.meta.public && !to.meta.anyone && portal.me) return { name: 'conversations' };
  return true;
});

onUnauthenticated(() => {
  if (portal.me) {
    portal.me = null;
    router.push({ name: 'sign-in' });
  }
});

await useLanguage(preferredLanguage() || browserLanguage(), false);
document.title = t('portal.title');
createApp(PortalShell).use(router).mount('#app');
