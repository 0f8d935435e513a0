-- Customers who unsubscribed from Parley's e-mails (module: notifications): nothing is sent
-- to these addresses any more (stored lower-case).
CREATE TABLE notification_opt_out (
    address    VARCHAR(254) NOT NULL PRIMARY KEY,
    created_at BIGINT       NOT NULL
)${table_options};

-- notification.manage guards the mail account, the SMS gateway, the templates and the
-- delivery log; technical support keeps them working (the administrator holds every
-- permission anyway).
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'notification.manage' FROM staff_role WHERE name = 'support';
