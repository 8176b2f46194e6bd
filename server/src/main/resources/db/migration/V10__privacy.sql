-- V10: a student's right to be forgotten (LGPD, issue 13).
-- forget replaces a matrícula by a pseudonym everywhere and blanks what was written about the
-- student: the one change ever made to audit records. It writes the one row of forgetting first
-- and deletes it before its commit, so that the audit's columns matricula and reason may change
-- only inside a forget; every other column, and any removal, stays refused.
CREATE TABLE forgetting (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER audit_never_changed;

CREATE TRIGGER audit_never_changed BEFORE UPDATE OF id, at, teacher, class_id, roll_call_id, from_status, to_status
    ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit records are never changed');
END;

CREATE TRIGGER audit_changed_only_to_forget BEFORE UPDATE OF matricula, reason ON audit
    WHEN NOT EXISTS (SELECT 1 FROM forgetting)
BEGIN
    SELECT RAISE(ABORT, 'audit records are never changed, except to forget a student');
END;

-- Every forget, without the identity it erased: when, by whom, and the pseudonym it left.
CREATE TABLE privacy_log (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    administrator TEXT    NOT NULL,
    action        TEXT    NOT NULL CHECK (action IN ('forget')),
    pseudonym     TEXT    NOT NULL
);

CREATE TRIGGER privacy_log_never_changed BEFORE UPDATE ON privacy_log
BEGIN
    SELECT RAISE(ABORT, 'privacy log records are never changed');
END;

CREATE TRIGGER privacy_log_never_removed BEFORE DELETE ON privacy_log
BEGIN
    SELECT RAISE(ABORT, 'privacy log records are never removed');
END;
