-- Mail threads of other modules (notifications.MailThread, e.g. t42 for ticket 42): the
-- e-mails of one thread to one address answer each other (In-Reply-To, References), as
-- those of a conversation do through conversation_id.
ALTER TABLE notification ADD thread VARCHAR(24);

CREATE INDEX ix_notification_thread ON notification (thread);
