-- SLA clocks (issue 14): the next instant the sweep has something to do for a clock (its
-- warning, else its breach; null: nothing, as while paused, stopped or breached), so that
-- the sweep reads only the clocks due for it through one index, whatever each policy's
-- warning time is.
ALTER TABLE ticket_sla_clock ADD alert_at BIGINT;

CREATE INDEX ix_ticket_sla_clock_alert ON ticket_sla_clock (alert_at);
