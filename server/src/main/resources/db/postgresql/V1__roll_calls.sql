-- V1 on PostgreSQL: roll calls and their check-ins, as V1 on SQLite (db/migration/).
-- Times are epoch milliseconds (UTC), as on SQLite, so both stores read them back alike.

CREATE TABLE roll_calls (
    id        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    class_id  INTEGER NOT NULL CHECK (class_id > 0),
    teacher   TEXT    NOT NULL,
    opened_at BIGINT  NOT NULL,
    closed_at BIGINT  NULL
);

CREATE INDEX roll_calls_by_class ON roll_calls (class_id, opened_at);

-- One open roll call per class, kept by the database for every node: a second open of the
-- class conflicts here (INSERT ... ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX roll_calls_open_by_class ON roll_calls (class_id) WHERE closed_at IS NULL;

-- How many are present in each roll call, kept by the transactions that change it, so that a
-- live view's count, on any node, needs no COUNT(*) over a large class.
CREATE TABLE roll_call_counts (
    roll_call_id BIGINT  PRIMARY KEY REFERENCES roll_calls (id),
    present      INTEGER NOT NULL CHECK (present >= 0)
);

-- seq is the arrival order: an identity shared by every roll call, given by the insert, so
-- the order of every node's check-ins is the database's. The primary key counts a matrícula
-- once per roll call (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE check_ins (
    roll_call_id BIGINT NOT NULL REFERENCES roll_calls (id),
    seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    matricula    TEXT   NOT NULL CHECK (matricula ~ '^[0-9]{1,20}$'),
    at           BIGINT NOT NULL,
    PRIMARY KEY (roll_call_id, matricula)
);
