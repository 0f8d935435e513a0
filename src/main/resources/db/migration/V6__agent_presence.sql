-- When an agent last had a console connection open (0: never), for presence (module: agents).
ALTER TABLE agent_profile ADD last_seen_at BIGINT DEFAULT 0 NOT NULL;
