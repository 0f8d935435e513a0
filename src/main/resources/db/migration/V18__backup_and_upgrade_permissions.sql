-- backup.run and system.upgrade come back with the operations module's backups, self-check and
-- maintenance mode (issue 12); technical support gets both (the administrator has every
-- permission anyway).
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'backup.run' FROM staff_role WHERE name = 'support';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'system.upgrade' FROM staff_role WHERE name = 'support';
