-- V1: roll calls and their check-ins.
-- Times are epoch milliseconds (UTC); the store turns them into the server's zone when it reads.

CREATE TABLE roll_calls (
    id        INTEGER PRIMARY KEY,
    class_id  INTEGER NOT NULL CHECK (class_id > 0),
    teacher   TEXT    NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER NULL
);

-- A class's history, oldest first.
CREATE INDEX roll_calls_by_class ON roll_calls (class_id, opened_at);

-- Open roll calls are read at start-up; they are few, so only they are indexed.
-- Unique: a class has at most one open roll call, which the server relies on when it
-- restores them, so the store refuses a second rather than hold an ambiguous state.
CREATE UNIQUE INDEX roll_calls_open_by_class ON roll_calls (class_id) WHERE closed_at IS NULL;

-- seq is the arrival order within a roll call (1, 2, 3, ...), given by the insert itself,
-- so the order survives restarts without relying on rowids.
-- matricula is TEXT so that leading zeros are kept: '042191010' and '42191010' differ.
CREATE TABLE check_ins (
    roll_call_id INTEGER NOT NULL REFERENCES roll_calls (id),
    seq          INTEGER NOT NULL CHECK (seq > 0),
    matricula    TEXT    NOT NULL CHECK (typeof(matricula) = 'text'),
    at           INTEGER NOT NULL,
    PRIMARY KEY (roll_call_id, matricula),
    UNIQUE (roll_call_id, seq)
) WITHOUT ROWID;
