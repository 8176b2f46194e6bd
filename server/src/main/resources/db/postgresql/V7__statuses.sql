-- V7 on PostgreSQL: each student's status in a closed roll call where it is not what their
-- check-in says, as V7 on SQLite.
CREATE TABLE statuses (
    roll_call_id BIGINT NOT NULL REFERENCES roll_calls (id),
    matricula    TEXT   NOT NULL CHECK (matricula ~ '^[0-9]{1,20}$'),
    status       TEXT   NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
    source       TEXT   NOT NULL CHECK (source IN ('close', 'teacher')),
    PRIMARY KEY (roll_call_id, matricula)
);
