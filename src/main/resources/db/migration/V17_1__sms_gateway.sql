-- The SMS gateway (module: notifications): one generic HTTP provider per installation
-- (id = 1), switched off until an administrator sets it up. headers and parameters are
-- JSON lists of {name, value, secret}; secret values are encrypted (platform SecretBox)
-- and never sent back to the console. url and body_template are JMustache templates whose
-- values are escaped for where they go (URL, form or JSON).
CREATE TABLE sms_gateway (
    id                    INT           NOT NULL PRIMARY KEY,
    enabled               BOOLEAN       NOT NULL,
    preset                VARCHAR(32)   NOT NULL,
    url                   VARCHAR(2000),
    http_method           VARCHAR(8)    NOT NULL,
    headers               ${long_text}  NOT NULL,
    parameters            ${long_text}  NOT NULL,
    content_type          VARCHAR(16)   NOT NULL,
    body_template         ${long_text},
    sender                VARCHAR(64),
    success_pointer       VARCHAR(255),
    success_value         VARCHAR(255),
    success_substring     VARCHAR(255),
    message_id_pointer    VARCHAR(255),
    timeout_seconds       INT           NOT NULL,
    allow_private_network BOOLEAN       NOT NULL,
    updated_at            BIGINT        NOT NULL,
    updated_by            VARCHAR(64)
)${table_options};

INSERT INTO sms_gateway (id, enabled, preset, http_method, headers, parameters, content_type, timeout_seconds,
    allow_private_network, updated_at)
VALUES (1, FALSE, 'custom', 'POST', '[]', '[]', 'FORM', 10, FALSE, 0);
