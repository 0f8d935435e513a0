-- Snoozing a conversation (module: conversations): out of its agent's active list until a
-- time (snoozed_until, epoch milliseconds) or until the customer writes (snoozed_until_reply),
-- still assigned to him. woke_at is when the last snooze ended, so the inactivity sweep counts
-- idle time from then, not from the last message before the snooze.
ALTER TABLE conversation ADD snoozed_until BIGINT;
ALTER TABLE conversation ADD snoozed_until_reply BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE conversation ADD woke_at BIGINT;

-- The wake-up sweep: the conversations whose time has come.
CREATE INDEX ix_conversation_snoozed_until ON conversation (snoozed_until);
