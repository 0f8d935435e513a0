-- Customers see staff members only by the name customers see (an agent's public name).
-- Agents' messages used to store the internal display name; they now store the public
-- name, and staff views look the display name up by sender_id. Bring earlier messages of
-- agents who set a public name in line.
UPDATE chat_message
SET sender_name = (SELECT a.public_name FROM agent_profile a WHERE a.user_id = chat_message.sender_id)
WHERE sender_kind = 'agent' AND sender_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM agent_profile a WHERE a.user_id = chat_message.sender_id AND a.public_name IS NOT NULL);
