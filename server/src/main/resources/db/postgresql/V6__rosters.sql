-- V6 on PostgreSQL: class rosters and the roll-call choices that use them, as V6 on SQLite.
CREATE TABLE roster (
    class_id  INTEGER NOT NULL CHECK (class_id > 0),
    matricula TEXT    NOT NULL CHECK (matricula ~ '^[0-9]{1,20}$'),
    name      TEXT    NOT NULL,
    PRIMARY KEY (class_id, matricula)
);

ALTER TABLE roll_calls ADD COLUMN accept_unknown INTEGER NOT NULL DEFAULT 0 CHECK (accept_unknown IN (0, 1));
ALTER TABLE roll_calls ADD COLUMN late_after_s INTEGER NULL CHECK (late_after_s BETWEEN 0 AND 43200);
