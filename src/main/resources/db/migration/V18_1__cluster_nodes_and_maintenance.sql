-- The nodes of the installation (module: platform). Each running node has one row, keyed by
-- an id it makes at start-up, and stamps last_seen on every heartbeat; a node is alive while
-- it heartbeats, and rows of nodes gone for a day are deleted. maintenance_ack is the
-- generation of the maintenance whose quiet state (no writes) the node has confirmed.
CREATE TABLE cluster_node (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    host            VARCHAR(255) NOT NULL,
    version         VARCHAR(64)  NOT NULL,
    started_at      BIGINT       NOT NULL,
    last_seen       BIGINT       NOT NULL,
    maintenance_ack BIGINT       NOT NULL
)${table_options};

CREATE INDEX cluster_node_last_seen ON cluster_node (last_seen);

-- Maintenance mode (one row, id = 1): active while reason is set. generation counts every
-- entry, so an acknowledgement or an ending always names the maintenance it belongs to.
CREATE TABLE maintenance_state (
    id         INT          NOT NULL PRIMARY KEY,
    generation BIGINT       NOT NULL,
    reason     VARCHAR(16),
    message    VARCHAR(500),
    since      BIGINT,
    started_by VARCHAR(64)
)${table_options};

INSERT INTO maintenance_state (id, generation) VALUES (1, 0);
