-- Permissions of modules that do not exist yet (customers, tickets, complaints, agent
-- evaluation, statistics, logs, faults, backup, upgrades) guarded nothing but could be
-- granted. They leave the catalogue and every stored role and user override; each comes
-- back with its module, whose migration grants it to the built-in roles again.
DELETE FROM staff_role_permission WHERE permission IN ('customer.view', 'customer.manage', 'ticket.view',
    'ticket.handle', 'ticket.assign', 'complaint.handle', 'team.evaluate', 'statistics.view', 'log.view',
    'fault.manage', 'backup.run', 'system.upgrade');
DELETE FROM staff_user_permission WHERE permission IN ('customer.view', 'customer.manage', 'ticket.view',
    'ticket.handle', 'ticket.assign', 'complaint.handle', 'team.evaluate', 'statistics.view', 'log.view',
    'fault.manage', 'backup.run', 'system.upgrade');
