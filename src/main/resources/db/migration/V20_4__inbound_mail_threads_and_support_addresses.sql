-- Inbound mail for other modules (notifications.InboundMailHandler): the thread a reply
-- named (e.g. t42) or that a new mail created, for the log; new outcomes CREATED and
-- REFUSED (outcome is VARCHAR(16) already).
ALTER TABLE inbound_mail ADD thread VARCHAR(24);

-- The addresses at which a mail without a reply token is new mail for a module that takes
-- it (tickets): one address per line; null: none.
ALTER TABLE mail_account ADD support_addresses VARCHAR(2000);
