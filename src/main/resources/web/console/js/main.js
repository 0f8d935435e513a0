// The console: one Vue app for every staff role; each screen is a route, and each route
// names the permissions that open it (the server refuses the API calls regardless).
import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import { onUnauthenticated } from '../../shared/js/api.js';
import { useLanguage, preferredLanguage, browserLanguage } from '../../shared/js/i18n.js';
import { session, loadSession } from './session.js';
import ConsoleApp from './shell/ConsoleApp.js';
import LoginView from './auth/LoginView.js';
import TwoFactorView from './profile/TwoFactorView.js';
import PasswordView from './auth/PasswordView.js';
import ForgotView from './auth/ForgotView.js';
import ResetView from './auth/ResetView.js';
import ProfileView from './profile/ProfileView.js';
import HomeView from './home/HomeView.js';
import InboxView from './inbox/InboxView.js';
import CannedView from './canned/CannedView.js';
import MentionsView from './mentions/MentionsView.js';
import UsersView from './users/UsersView.js';
import RolesView from './roles/RolesView.js';
import AuditView from './audit/AuditView.js';
import SettingsView from './settings/SettingsView.js';
import TokensView from './tokens/TokensView.js';
import SmsGatewayView from './sms/SmsGatewayView.js';
import ChannelsView from './channels/ChannelsView.js';
import TranscriptsView from './transcripts/TranscriptsView.js';
import EvaluationsView from './evaluations/EvaluationsView.js';
import CustomersView from './customers/CustomersView.js';
import TeamView from './team/TeamView.js';
import BoardView from './board/BoardView.js';
import NotificationsView from './notifications/NotificationsView.js';
import SelfCheckView from './selfcheck/SelfCheckView.js';
import SystemView from './system/SystemView.js';
import StatusView from './status/StatusView.js';
import LogsView from './logs/LogsView.js';
import BackupsView from './backups/BackupsView.js';
import FaultsView from './faults/FaultsView.js';
import FaultPage from './faults/FaultPage.js';
import SecurityView from './security/SecurityView.js';
import CustomerPage from './customers/CustomerPage.js';
import CustomerSettingsView from './customers/CustomerSettingsView.js';

import CustomerImportView from './customers/CustomerImportView.js';
import TicketListView from './tickets/TicketListView.js';
import TicketPage from './tickets/TicketPage.js';
import NewTicketView from './tickets/NewTicketView.js';
import TicketSettingsView from './ticketsettings/TicketSettingsView.js';
import ReportsView from './reports/ReportsView.js';
import TextMiningView from './textmining/TextMiningView.js';
import NotFoundView from './shell/NotFoundView.js';
import { permissionsFor } from './shell/navigation.js';

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  { path: '/forgot-password', name: 'forgot', component: ForgotView, meta: { public: true } },
  // reached from the e-mail's link, whether or not someone is signed in in this browser
  { path: '/reset-password', name: 'reset', component: ResetView, meta: { public: true, anyone: true } },
  { path: '/password', name: 'password', component: PasswordView },
  { path: '/profile', name: 'profile', component: ProfileView },
  { path: '/two-factor', name: 'two-factor', component: TwoFactorView },
  { path: '/', name: 'home', component: HomeView },
  { path: '/inbox', name: 'inbox', component: InboxView, meta: { permissions: permissionsFor('inbox') } },
  { path: '/mentions', name: 'mentions', component: MentionsView,
    meta: { permissions: permissionsFor('mentions') } },
  { path: '/canned', name: 'canned', component: CannedView, meta: { permissions: permissionsFor('canned') } },
  { path: '/users', name: 'users', component: UsersView, meta: { permissions: permissionsFor('users') } },
  { path: '/roles', name: 'roles', component: RolesView, meta: { permissions: permissionsFor('roles') } },
  { path: '/audit', name: 'audit', component: AuditView, meta: { permissions: permissionsFor('audit') } },
  { path: '/settings', name: 'settings', component: SettingsView, meta: { permissions: permissionsFor('settings') } },
  { path: '/sms', name: 'sms', component: SmsGatewayView, meta: { permissions: permissionsFor('sms') } },
  { path: '/tokens', name: 'tokens', component: TokensView, meta: { permissions: permissionsFor('tokens') } },
  { path: '/transcripts', name: 'transcripts', component: TranscriptsView,
    meta: { permissions: permissionsFor('transcripts') } },
  { path: '/evaluations', name: 'evaluations', component: EvaluationsView,
    meta: { permissions: permissionsFor('evaluations') } },
  { path: '/customers', name: 'customers', component: CustomersView,
    meta: { permissions: permissionsFor('customers') } },
  { path: '/channels', name: 'channels', component: ChannelsView, meta: { permissions: permissionsFor('channels') } },
  { path: '/team', name: 'team', component: TeamView, meta: { permissions: permissionsFor('team') } },
  { path: '/board', name: 'board', component: BoardView, meta: { permissions: permissionsFor('board') } },
  { path: '/reports', name: 'reports', component: ReportsView, meta: { permissions: permissionsFor('reports') } },
  { path: '/text-mining', name: 'text-mining', component: TextMiningView,
    meta: { permissions: permissionsFor('text-mining') } },
  { path: '/notifications', name: 'notifications', component: NotificationsView,
    meta: { permissions: permissionsFor('notifications') } },
  { path: '/self-check', name: 'self-check', component: SelfCheckView,
    meta: { permissions: permissionsFor('self-check') } },
  { path: '/status', name: 'status', component: StatusView, meta: { permissions: permissionsFor('status') } },
  { path: '/system', name: 'system', component: SystemView, meta: { permissions: permissionsFor('system') } },
  { path: '/logs', name: 'logs', component: LogsView, meta: { permissions: permissionsFor('logs') } },
  { path: '/backups', name: 'backups', component: BackupsView, meta: { permissions: permissionsFor('backups') } },
  { path: '/faults', name: 'faults', component: FaultsView, meta: { permissions: permissionsFor('faults') } },
  { path: '/security', name: 'security', component: SecurityView,
    meta: { permissions: permissionsFor('security') } },
  { path: '/faults/:id(\\d+)', name: 'fault', component: FaultPage, meta: { permissions: permissionsFor('faults') } },
  // a customer's page: from the inbox, the customer list and by URL (not a menu entry)
  { path: '/customers/:id(\\d+)', name: 'customer', component: CustomerPage,
    meta: { permissions: ['customer.view'] } },
  { path: '/tickets', name: 'tickets', component: TicketListView, meta: { permissions: permissionsFor('tickets') } },
  { path: '/tickets/new', name: 'ticket-new', component: NewTicketView, meta: { permissions: ['ticket.create'] } },
  { path: '/tickets/:id(\\d+)', name: 'ticket', component: TicketPage, meta: { permissions: permissionsFor('tickets') } },
  { path: '/ticket-settings', name: 'ticket-settings', component: TicketSettingsView,
    meta: { permissions: permissionsFor('ticket-settings') } },
  { path: '/customer-settings', name: 'customer-settings', component: CustomerSettingsView,
    meta: { permissions: permissionsFor('customer-settings') } },

  { path: '/customer-import', name: 'customer-import', component: CustomerImportView, meta: { permissions: permissionsFor('customer-import') } },
  { path: '/:rest(.*)*', name: 'not-found', component: NotFoundView },
];

const router = createRouter({ history: createWebHistory('/console/'), routes });

router.beforeEach(async (to) => {
  if (!session.loaded) await loadSession();
  const me = session.me;
  if (to.meta.anyone) return true;
  if (to.meta.public) {
    if (me && !me.user.passwordChangeRequired) return { name: me.twoFactorEnrolmentRequired ? 'two-factor' : 'home' };
    if (me) return { name: 'password' };
    return true;
  }
  if (!me) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (me.user.passwordChangeRequired && to.name !== 'password') return { name: 'password' };
  if (!me.user.passwordChangeRequired && me.twoFactorEnrolmentRequired && to.name !== 'two-factor') {
    return { name: 'two-factor' };
  }
  return true;
});

onUnauthenticated(() => {
  if (!session.me) return;
  session.me = null;
  const current = router.currentRoute.value;
  if (!current.meta.public) router.push({ name: 'login', query: { expired: '1', redirect: current.fullPath } });
});

async function start() {
  await loadSession().catch(() => null);
  const organisationLanguage = session.me && session.me.organisation.language;
  await useLanguage(preferredLanguage() || organisationLanguage || browserLanguage(), false);
  createApp(ConsoleApp).use(router).mount('#app');
}

start();
