-- log.view comes with the log viewer of issue 16; technical support reads the logs (the
-- administrator has every permission anyway).
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'log.view' FROM staff_role WHERE name = 'support';
