-- Vigil's case store. One schema for SQLite and PostgreSQL: portable types only, times as epoch milliseconds,
-- ids allocated from the counters table (no SERIAL / AUTOINCREMENT, which differ between the two).

CREATE TABLE counters (
    name  VARCHAR(32) NOT NULL PRIMARY KEY,
    value BIGINT      NOT NULL
);
INSERT INTO counters (name, value) VALUES ('case', 0);
INSERT INTO counters (name, value) VALUES ('event', 0);

-- Every triaged finding, once, in its latest version, with the verdict that decided it.
CREATE TABLE findings (
    id               VARCHAR(256)     NOT NULL PRIMARY KEY,
    type             VARCHAR(256)     NOT NULL,
    account_id       VARCHAR(64),
    region           VARCHAR(64),
    title            TEXT,
    score            DOUBLE PRECISION NOT NULL,
    created_at       BIGINT,
    updated_at       BIGINT,
    event_first_seen BIGINT,
    event_last_seen  BIGINT,
    occurrences      BIGINT           NOT NULL,
    resource_label   VARCHAR(256),
    instance_id      VARCHAR(64),
    remote_ip        VARCHAR(64),
    remote_port      INTEGER,
    disposition      VARCHAR(16)      NOT NULL,
    level_rank       INTEGER          NOT NULL,
    playbook         VARCHAR(128),
    playbook_version VARCHAR(64),
    deciding_rule    VARCHAR(128),
    suppressed_by    VARCHAR(128),
    case_number      BIGINT,
    stored_at        BIGINT           NOT NULL,
    verdict          BYTEA            NOT NULL -- Vigil's JSON of the verdict, deflated
);
CREATE INDEX findings_by_case ON findings (case_number, level_rank, updated_at);
CREATE INDEX findings_by_suppression ON findings (suppressed_by, created_at);

-- The earlier versions of a finding and the verdicts they had, kept when a newer version replaces them.
CREATE TABLE finding_versions (
    finding_id       VARCHAR(256) NOT NULL,
    updated_at       BIGINT,
    occurrences      BIGINT       NOT NULL,
    disposition      VARCHAR(16)  NOT NULL,
    level_rank       INTEGER      NOT NULL,
    playbook_version VARCHAR(64),
    deciding_rule    VARCHAR(128),
    verdict          BYTEA        NOT NULL,
    replaced_at      BIGINT       NOT NULL
);
CREATE INDEX finding_versions_by_finding ON finding_versions (finding_id, replaced_at);

-- (BYTEA is PostgreSQL's binary type; SQLite stores the bytes as they are.)

-- A case groups the non-suppressed findings with the same case key while it is not closed (open_key is then null).
CREATE TABLE cases (
    number           BIGINT           NOT NULL PRIMARY KEY,
    case_key         VARCHAR(512)     NOT NULL,
    open_key         VARCHAR(512) UNIQUE,
    type             VARCHAR(256)     NOT NULL,
    account_id       VARCHAR(64),
    title            VARCHAR(512)     NOT NULL,
    state            VARCHAR(16)      NOT NULL,
    resolution       VARCHAR(32),
    level_rank       INTEGER          NOT NULL,
    max_score        DOUBLE PRECISION NOT NULL,
    playbook         VARCHAR(128),
    playbook_version VARCHAR(64),
    first_finding_id VARCHAR(256)     NOT NULL,
    finding_count    BIGINT           NOT NULL,
    first_seen       BIGINT,
    last_seen        BIGINT,
    detected_at      BIGINT,
    opened_at        BIGINT           NOT NULL,
    updated_at       BIGINT           NOT NULL,
    investigating_at BIGINT,
    contained_at     BIGINT,
    eradicated_at    BIGINT,
    recovered_at     BIGINT,
    closed_at        BIGINT
);
CREATE INDEX cases_by_level ON cases (level_rank, last_seen, number);
CREATE INDEX cases_by_state ON cases (state, level_rank, last_seen, number);
CREATE INDEX cases_by_last_seen ON cases (last_seen);

CREATE TABLE case_resources (
    case_number BIGINT       NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    resource    VARCHAR(256) NOT NULL,
    PRIMARY KEY (case_number, kind, resource)
);

CREATE TABLE case_steps (
    case_number BIGINT       NOT NULL,
    step_id     VARCHAR(128) NOT NULL,
    position    INTEGER      NOT NULL,
    phase       VARCHAR(32)  NOT NULL,
    text        TEXT         NOT NULL,
    done_at     BIGINT,
    done_by     VARCHAR(128),
    note        TEXT,
    PRIMARY KEY (case_number, step_id)
);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE timeline (
    id          BIGINT       NOT NULL PRIMARY KEY,
    case_number BIGINT       NOT NULL,
    at          BIGINT       NOT NULL,
    actor       VARCHAR(128) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    from_state  VARCHAR(16),
    to_state    VARCHAR(16),
    finding_id  VARCHAR(256),
    text        TEXT
);
CREATE INDEX timeline_by_case ON timeline (case_number, kind, id);

-- The history, kept as InMemoryHistory keeps it, so that each look-up reads a handful of rows:
-- contacts: the earliest time a subject (instance id, or account id without an instance) reached a remote ip on a port;
-- pattern_instances: per finding type, remote ip and port, each instance with its first and last time seen.
-- remote_port -1 means "any port" (every contact is kept under its port and under -1); -2: the activity had no port.
CREATE TABLE contacts (
    subject     VARCHAR(256) NOT NULL,
    remote_ip   VARCHAR(64)  NOT NULL,
    remote_port INTEGER      NOT NULL,
    first_seen  BIGINT       NOT NULL,
    PRIMARY KEY (subject, remote_ip, remote_port)
);

CREATE TABLE pattern_instances (
    type        VARCHAR(256) NOT NULL,
    remote_ip   VARCHAR(64)  NOT NULL,
    remote_port INTEGER      NOT NULL,
    instance_id VARCHAR(64)  NOT NULL,
    first_seen  BIGINT       NOT NULL,
    last_seen   BIGINT       NOT NULL,
    PRIMARY KEY (type, remote_ip, remote_port, instance_id)
);
