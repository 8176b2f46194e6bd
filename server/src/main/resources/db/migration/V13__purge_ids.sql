-- V13: what a retention purge needs besides V12 (issue 13).
-- Its audit records are found by roll call, not by a scan of the whole audit for each one.
CREATE INDEX audit_by_roll_call ON audit (roll_call_id);

-- The highest roll-call and audit ids a purge deleted: the embedded writer numbers on from the
-- larger of these and what is left, so no id is ever given twice (an old export's roll call must
-- not name a new one).
CREATE TABLE highest_ids (
    name  TEXT    NOT NULL PRIMARY KEY CHECK (name IN ('roll_calls', 'audit')),
    value INTEGER NOT NULL
);
