-- The ticket list (issue 14, views): "overdue" and "due soon" read a due date set by hand
-- as well as the SLA's; saved views are read by their owner.
CREATE INDEX ix_ticket_due ON ticket (due_at, id);
CREATE INDEX ix_ticket_view_owner ON ticket_view (owner_id, position);
