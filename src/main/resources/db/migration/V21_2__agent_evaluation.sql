-- Agent evaluation (module: analytics, issue 15, R8.1): a supervisor scores a
-- conversation against a quality checklist; the agent sees it, the agent report averages
-- it. See V1 for the placeholders and the time convention, docs/api.md "Evaluations".

-- The checklist. An item that evaluations used is disabled, never deleted, so that old
-- evaluations keep their items.
CREATE TABLE evaluation_item (
    id          ${id} PRIMARY KEY,
    name        VARCHAR(80)  NOT NULL,
    description VARCHAR(300),
    weight      SMALLINT     NOT NULL,
    position    INT          NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    CONSTRAINT uq_evaluation_item_name UNIQUE (name)
)${table_options};

-- One evaluation per evaluator and conversation. group_id and conversation_started_at are
-- the conversation's group when evaluated and its start: who may see it, and the day the agent
-- report counts it on. total_score: the weighted score in hundredths of a point, 0 to 10000
-- (0-100 with two decimals).
CREATE TABLE evaluation (
    id                      ${id} PRIMARY KEY,
    conversation_id         BIGINT        NOT NULL,
    agent_id                BIGINT        NOT NULL,
    evaluator_id            BIGINT        NOT NULL,
    group_id                BIGINT,
    conversation_started_at BIGINT        NOT NULL,
    total_score             INT           NOT NULL,
    comment_text            VARCHAR(2000),
    created_at              BIGINT        NOT NULL,
    updated_at              BIGINT        NOT NULL,
    CONSTRAINT uq_evaluation_conversation_evaluator UNIQUE (conversation_id, evaluator_id)
)${table_options};

-- The agent report (one grouped query by agent over a range of start times) and an
-- agent's own list.
CREATE INDEX ix_evaluation_agent_started ON evaluation (agent_id, conversation_started_at);
-- A supervisor's list of his groups' evaluations.
CREATE INDEX ix_evaluation_started ON evaluation (conversation_started_at, id);

-- The score of each item (null: not applicable), with the item's weight when scored.
CREATE TABLE evaluation_score (
    evaluation_id BIGINT   NOT NULL,
    item_id       BIGINT   NOT NULL,
    score         SMALLINT,
    weight        SMALLINT NOT NULL,
    CONSTRAINT pk_evaluation_score PRIMARY KEY (evaluation_id, item_id)
)${table_options};

CREATE INDEX ix_evaluation_score_item ON evaluation_score (item_id);

-- A sensible first checklist; administrators rename, reweigh and add to it.
INSERT INTO evaluation_item (name, description, weight, position, enabled, created_at, updated_at)
    VALUES ('Greeting and tone', 'Greets the customer, stays polite and friendly throughout', 2, 1, TRUE, 0, 0);
INSERT INTO evaluation_item (name, description, weight, position, enabled, created_at, updated_at)
    VALUES ('Understood the problem', 'Asks the right questions and restates the problem correctly', 3, 2, TRUE, 0, 0);
INSERT INTO evaluation_item (name, description, weight, position, enabled, created_at, updated_at)
    VALUES ('Correct and complete answer', 'The answer solves the problem, follows policy and leaves nothing out', 4, 3, TRUE, 0, 0);
INSERT INTO evaluation_item (name, description, weight, position, enabled, created_at, updated_at)
    VALUES ('Speed', 'Answers without needless waits; keeps the customer informed while looking things up', 2, 4, TRUE, 0, 0);
INSERT INTO evaluation_item (name, description, weight, position, enabled, created_at, updated_at)
    VALUES ('Closing', 'Checks that nothing else is needed and closes the conversation properly', 1, 5, TRUE, 0, 0);

-- The permission (decision 0006): supervisors evaluate; the administrator holds every
-- permission anyway.
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'team.evaluate' FROM staff_role WHERE name = 'supervisor';
