-- V12: roll calls kept only --retain-days after their close (issue 13).
-- A retention purge deletes old roll calls with everything recorded in them, their audit records
-- too: the one removal of audit records Chamada makes. It writes the one row of purging first and
-- deletes it before its commit, so that audit records may be removed only inside a purge.
CREATE TABLE purging (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER audit_never_removed;

CREATE TRIGGER audit_never_removed BEFORE DELETE ON audit
    WHEN NOT EXISTS (SELECT 1 FROM purging)
BEGIN
    SELECT RAISE(ABORT, 'audit records are never removed, except with their roll call past --retain-days');
END;
