-- V8 on PostgreSQL: the audit of every change a teacher makes to a student's status, as V8 on
-- SQLite; append-only, kept so by a trigger for every node and every other client.
CREATE TABLE audit (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           BIGINT NOT NULL,
    teacher      TEXT   NOT NULL,
    class_id     INTEGER NOT NULL,
    roll_call_id BIGINT NOT NULL REFERENCES roll_calls (id),
    matricula    TEXT   NOT NULL,
    from_status  TEXT   NULL CHECK (from_status IN ('present', 'late', 'excused', 'absent')),
    to_status    TEXT   NOT NULL CHECK (to_status IN ('present', 'late', 'excused', 'absent')),
    reason       TEXT   NOT NULL
);
CREATE INDEX audit_by_class ON audit (class_id, id);

CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are never changed or removed';
END;
$$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();

-- Row triggers do not see a TRUNCATE.
CREATE TRIGGER audit_never_truncated BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
