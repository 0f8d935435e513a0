// The console's screens in menu order, each with the permissions that open it (any one of
// them). The router, the menu and the home tiles all read this list.
import { tOr } from '../../../shared/js/i18n.js';

export const SCREENS = [
  { name: 'home', permissions: [] },
  { name: 'inbox', permissions: ['conversation.reply', 'conversation.view_all', 'conversation.monitor'] },
  { name: 'mentions', permissions: ['conversation.reply', 'conversation.view_all'] },
  { name: 'tickets', permissions: ['ticket.view'], views: true },
  { name: 'canned', permissions: ['conversation.reply'] },
  { name: 'transcripts', permissions: ['conversation.view_all', 'conversation.reply'] },
  { name: 'evaluations', permissions: ['conversation.reply', 'team.evaluate', 'statistics.view', 'statistics.view_all'] },
  { name: 'customers', permissions: ['customer.view'] },
  { name: 'customer-import', permissions: ['customer.import'] },
  { name: 'reports', permissions: ['statistics.view', 'statistics.view_all', 'conversation.reply'] },
  { name: 'text-mining', permissions: ['statistics.view', 'statistics.view_all', 'conversation.reply'] },
  { name: 'board', permissions: ['team.view'] },
  { name: 'team', permissions: ['team.view'] },
  { name: 'users', permissions: ['user.view'] },
  { name: 'roles', permissions: ['role.manage', 'user.view'] },
  { name: 'audit', permissions: ['audit.view'] },
  { name: 'settings', permissions: ['settings.manage'] },
  { name: 'sms', permissions: ['notification.manage'] },
  { name: 'notifications', permissions: ['notification.manage'] },
  { name: 'tokens', permissions: ['token.manage'] },
  { name: 'channels', permissions: ['channel.manage'] },
  { name: 'customer-settings', permissions: ['customer.manage'] },
  { name: 'ticket-settings', permissions: ['ticket.manage'] },
  { name: 'status', permissions: ['system.monitor'] },
  { name: 'self-check', permissions: ['system.upgrade'] },
  { name: 'system', permissions: ['system.upgrade'] },
  { name: 'backups', permissions: ['backup.run'] },
  { name: 'logs', permissions: ['log.view'] },
  { name: 'faults', permissions: ['fault.manage'] },
  { name: 'security', permissions: ['security.manage'] },
];

export function permissionsFor(name) {
  return SCREENS.find((screen) => screen.name === name).permissions;
}

/** A role's name for people: built-in roles are translated, custom roles keep their name. */
export function roleLabel(role) {
  if (!role) return '';
  return role.builtin ? tOr('role.' + role.name, role.name) : role.name;
}
