-- The conversation list's line for a file names the file: last_message_preview holds its
-- name and last_message_attachment says it is a file or an image (NULL for text).
-- awaiting_reply_since: when the visitor's oldest message not yet answered by an agent was
-- written (NULL once an agent has replied), kept with each append so lists need no query
-- per conversation.
ALTER TABLE conversation ADD COLUMN last_message_attachment VARCHAR(8);
ALTER TABLE conversation ADD COLUMN awaiting_reply_since BIGINT;

UPDATE conversation
SET last_message_attachment = 'file',
    last_message_preview = COALESCE((SELECT SUBSTRING(a.file_name, 1, 200) FROM chat_message m JOIN attachment a ON a.id = m.attachment_id
        WHERE m.conversation_id = conversation.id AND m.seq = (SELECT MAX(m2.seq) FROM chat_message m2
            WHERE m2.conversation_id = conversation.id AND m2.kind = 'attachment')), last_message_preview)
WHERE last_message_preview = '[file]';

UPDATE conversation
SET awaiting_reply_since = (SELECT MIN(m.created_at) FROM chat_message m
    WHERE m.conversation_id = conversation.id AND m.sender_kind = 'visitor'
      AND m.seq > COALESCE((SELECT MAX(m2.seq) FROM chat_message m2
          WHERE m2.conversation_id = conversation.id AND m2.sender_kind = 'agent'), 0))
WHERE status <> 'closed';

-- a question asked in the pre-chat form waits for its answer from the start
UPDATE conversation
SET awaiting_reply_since = created_at
WHERE status <> 'closed' AND awaiting_reply_since IS NULL AND question IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM chat_message m WHERE m.conversation_id = conversation.id AND m.sender_kind = 'agent');
