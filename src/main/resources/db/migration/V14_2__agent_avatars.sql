-- Staff members' avatars (module: agents), shown in the console and to visitors next to
-- the agent's messages. Kept in the database so every node of a cluster serves them; the
-- version (the upload's time) is part of their URL, so a new picture is a new URL and an
-- old one may be cached for good.
CREATE TABLE agent_avatar (
    user_id      BIGINT       NOT NULL PRIMARY KEY,
    content_type VARCHAR(16)  NOT NULL,
    content      ${blob}      NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT fk_agent_avatar_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};
