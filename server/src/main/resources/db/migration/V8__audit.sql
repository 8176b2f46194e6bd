-- V8: the audit of every change a teacher makes to a student's status (issue 13). Append-only:
-- the triggers refuse any change or removal, so that nothing rewrites history unseen.
-- from_status is NULL where the student had no status before.
CREATE TABLE audit (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           INTEGER NOT NULL,
    teacher      TEXT    NOT NULL,
    class_id     INTEGER NOT NULL,
    roll_call_id INTEGER NOT NULL REFERENCES roll_calls (id),
    matricula    TEXT    NOT NULL,
    from_status  TEXT    NULL CHECK (from_status IN ('present', 'late', 'excused', 'absent')),
    to_status    TEXT    NOT NULL CHECK (to_status IN ('present', 'late', 'excused', 'absent')),
    reason       TEXT    NOT NULL
);
CREATE INDEX audit_by_class ON audit (class_id, id);

CREATE TRIGGER audit_never_changed BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit records are never changed');
END;

CREATE TRIGGER audit_never_removed BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit records are never removed');
END;
