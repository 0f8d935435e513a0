-- Text mining (module: analytics, issue 15, R9.4): what customers write about. See V1 for
-- the placeholders and the time convention, docs/metrics.md "Text mining" and docs/api.md
-- "Text mining". Only new tables: the previous release ignores them.

-- Closed or anonymised conversations whose texts are to be (re-)analysed. A conversation
-- may be named twice; analysing it again replaces its rows.
CREATE TABLE mining_pending (
    id              ${id} PRIMARY KEY,
    conversation_id BIGINT NOT NULL,
    created_at      BIGINT NOT NULL
)${table_options};

-- One analysed text per conversation and side (visitor: the visitor's messages, agent: the
-- agents'), with where the conversation belongs (start_day yyyymmdd in the organisation's
-- time zone, group_id 0 for none) and how many pieces of personal data were found and left
-- out (never their text).
CREATE TABLE mining_document (
    conversation_id BIGINT      NOT NULL,
    side            VARCHAR(8)  NOT NULL,
    started_at      BIGINT      NOT NULL,
    start_day       INT         NOT NULL,
    channel_id      BIGINT      NOT NULL,
    group_id        BIGINT      NOT NULL,
    personal        INT         NOT NULL,
    analysed_at     BIGINT      NOT NULL,
    CONSTRAINT pk_mining_document PRIMARY KEY (conversation_id, side)
)${table_options};

CREATE INDEX ix_mining_document_day ON mining_document (side, start_day, started_at);

-- What was found in a document: keywords (kind K, with their TextRank weight in millionths), phrases (P)
-- and named things that are not personal data (E, entity PLACE, ORGANISATION or PRODUCT).
CREATE TABLE mining_term (
    conversation_id BIGINT           NOT NULL,
    side            VARCHAR(8)       NOT NULL,
    kind            CHAR(1)          NOT NULL,
    term            VARCHAR(100)     NOT NULL,
    entity          VARCHAR(16),
    weight          BIGINT      NOT NULL,
    CONSTRAINT pk_mining_term PRIMARY KEY (conversation_id, side, kind, term)
)${table_options};

CREATE INDEX ix_mining_term_term ON mining_term (term, kind, conversation_id);

-- Documents per day, channel, group and side (visitor, agent, all: either) containing each
-- keyword, and all documents (mining_day_total): hot topics and trends over a year read
-- these. Each row is the sum of its documents; rows that drop to 0 are deleted.
CREATE TABLE mining_day (
    start_day  INT          NOT NULL,
    channel_id BIGINT       NOT NULL,
    group_id   BIGINT       NOT NULL,
    side       VARCHAR(8)   NOT NULL,
    term       VARCHAR(100) NOT NULL,
    documents  BIGINT       NOT NULL,
    CONSTRAINT pk_mining_day PRIMARY KEY (start_day, channel_id, group_id, side, term)
)${table_options};

CREATE INDEX ix_mining_day_term ON mining_day (term, start_day);

CREATE TABLE mining_day_total (
    start_day  INT        NOT NULL,
    channel_id BIGINT     NOT NULL,
    group_id   BIGINT     NOT NULL,
    side       VARCHAR(8) NOT NULL,
    documents  BIGINT     NOT NULL,
    CONSTRAINT pk_mining_day_total PRIMARY KEY (start_day, channel_id, group_id, side)
)${table_options};

-- The administrators' words: PRODUCT and TERM are read as one word, STOP is never a
-- keyword. The word is unique as entered, compared in lower case by the application.
CREATE TABLE mining_word (
    id         ${id} PRIMARY KEY,
    word       VARCHAR(40) NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    created_at BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL,
    CONSTRAINT uq_mining_word UNIQUE (word)
)${table_options};
