-- Ticket automation (issue 14): the automatic close and the automatic assignment.

-- The automatic close looks for tickets solved before a moment.
CREATE INDEX ix_ticket_status_solved ON ticket (status, solved_at, id);

-- Round robin of tickets takes turns apart from chats: a turn counter (the next number
-- after everyone's), as last_assigned_at is for conversations.
ALTER TABLE agent_profile ADD last_ticket_assigned_at BIGINT DEFAULT 0 NOT NULL;
