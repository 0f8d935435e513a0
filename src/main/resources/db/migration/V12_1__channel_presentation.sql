-- What visitors see of a channel (module: conversations), apart from its internal name: a
-- public title, a logo, and per language the greeting, the away message and the pre-chat
-- form's introduction.
CREATE TABLE chat_channel_presentation (
    channel_id      BIGINT       NOT NULL PRIMARY KEY,
    public_title    VARCHAR(100),
    logo_type       VARCHAR(32),
    logo            ${blob},
    logo_updated_at BIGINT,
    CONSTRAINT fk_channel_presentation FOREIGN KEY (channel_id) REFERENCES chat_channel (id)
)${table_options};

CREATE TABLE chat_channel_text (
    channel_id    BIGINT       NOT NULL,
    language      VARCHAR(8)   NOT NULL,
    greeting      VARCHAR(500),
    away_message  VARCHAR(500),
    prechat_intro VARCHAR(500),
    CONSTRAINT pk_chat_channel_text PRIMARY KEY (channel_id, language),
    CONSTRAINT fk_chat_channel_text FOREIGN KEY (channel_id) REFERENCES chat_channel (id)
)${table_options};
