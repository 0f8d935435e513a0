-- A take-over line names two staff members: who took the conversation (sender_id and
-- sender_name, as for other event lines) and the agent it was taken from.
ALTER TABLE chat_message ADD COLUMN event_from_id BIGINT;
ALTER TABLE chat_message ADD COLUMN event_from_name VARCHAR(100);
