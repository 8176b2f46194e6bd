-- V7: each student's status in a closed roll call where it is not what their check-in says
-- (issue 13). At close, every roster student without a check-in gets 'absent' (source 'close').
-- A student with a check-in and no row here is 'present', or 'late' by the roll call's
-- late_after_s.
CREATE TABLE statuses (
    roll_call_id INTEGER NOT NULL REFERENCES roll_calls (id),
    matricula    TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
    source       TEXT    NOT NULL CHECK (source IN ('close', 'teacher')),
    PRIMARY KEY (roll_call_id, matricula)
);
