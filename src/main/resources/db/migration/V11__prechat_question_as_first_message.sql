-- The pre-chat question is now the conversation's first message (seq 1, from the visitor,
-- client id "prechat"), so transcripts, search and counters have it. Earlier conversations
-- kept it only on the conversation row: move their lines one place up and add it as line 1.
-- The move goes through negative numbers, so the unique (conversation_id, seq) holds at every
-- row on every engine (none of them is asked to check it only at the end of the statement).
UPDATE chat_message SET seq = -(seq + 1)
WHERE conversation_id IN (SELECT c.id FROM conversation c WHERE c.question IS NOT NULL);

UPDATE chat_message SET seq = -seq WHERE seq < 0;

INSERT INTO chat_message (conversation_id, seq, client_id, sender_kind, sender_id, kind, body, created_at)
SELECT c.id, 1, 'prechat', 'visitor', c.visitor_id, 'text', c.question, c.created_at
FROM conversation c WHERE c.question IS NOT NULL;

-- One more line: read marks that had reached a line move with it; the visitor wrote line 1.
UPDATE conversation
SET last_seq = last_seq + 1,
    visitor_read_seq = visitor_read_seq + 1,
    agent_read_seq = CASE WHEN agent_read_seq > 0 THEN agent_read_seq + 1 ELSE 0 END,
    last_message_preview = COALESCE(last_message_preview, SUBSTRING(question, 1, 200))
WHERE question IS NOT NULL;
