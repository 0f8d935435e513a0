-- Tickets (issue 14), records: the children of a ticket and the tickets of a category are
-- looked up by these columns (showing a ticket's children; refusing to delete a category
-- in use).
CREATE INDEX ix_ticket_parent ON ticket (parent_id);
CREATE INDEX ix_ticket_category ON ticket (category_id);
