-- Spring Modulith's event publication registry (its "v2" structure): a module event is
-- stored here in the transaction that publishes it, one row per listener, and kept until
-- the listener has completed (then purged after parley.events.retention).
-- Column names and types follow Modulith's own schema files for each engine; the table
-- name is unquoted so that each engine folds it the way Modulith's queries do.

CREATE TABLE EVENT_PUBLICATION (
    ID                     ${uuid}        NOT NULL,
    LISTENER_ID            VARCHAR(512)   NOT NULL,
    EVENT_TYPE             VARCHAR(512)   NOT NULL,
    SERIALIZED_EVENT       ${long_text}   NOT NULL,
    PUBLICATION_DATE       ${timestamp}   NOT NULL,
    COMPLETION_DATE        ${nullable_timestamp},
    STATUS                 VARCHAR(20),
    COMPLETION_ATTEMPTS    INT,
    LAST_RESUBMISSION_DATE ${nullable_timestamp},
    PRIMARY KEY (ID)
)${table_options};

CREATE INDEX IX_EVENT_PUBLICATION_COMPLETION ON EVENT_PUBLICATION (COMPLETION_DATE);
CREATE INDEX IX_EVENT_PUBLICATION_STATUS ON EVENT_PUBLICATION (STATUS, PUBLICATION_DATE);

-- Leases: a job that must run on one node of a cluster at a time (resubmitting module
-- events, later scheduled backups) holds the lease of its name until it expires.
CREATE TABLE node_lease (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    holder     VARCHAR(64) NOT NULL,
    expires_at BIGINT      NOT NULL
)${table_options};
