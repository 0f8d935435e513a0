-- Occupancy reads (issue 15): the spans of a recent period by their end (started_at < end
-- alone would read every span before it), a supervisor's agents' spans without scanning
-- everyone's, and the assignments open now without scanning every participation.
CREATE INDEX ix_analytics_agent_span_ended ON analytics_agent_span (ended_at);
CREATE INDEX ix_analytics_agent_span_agent ON analytics_agent_span (agent_id, started_at, ended_at);
CREATE INDEX ix_analytics_participation_open ON analytics_participation (assigned_since);
