-- V10 on PostgreSQL: a student's right to be forgotten, as V10 on SQLite. Inside a forget's
-- transaction (SET LOCAL chamada.forgetting = 'on') an audit record's matricula and reason may
-- change; nothing else of it ever, and no record is removed or truncated.
CREATE OR REPLACE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF current_setting('chamada.forgetting', true) = 'on'
                AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.teacher = OLD.teacher
                AND NEW.class_id = OLD.class_id AND NEW.roll_call_id = OLD.roll_call_id
                AND NEW.from_status IS NOT DISTINCT FROM OLD.from_status AND NEW.to_status = OLD.to_status THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit records are never changed or removed, except to forget a student';
END;
$$;

CREATE TABLE privacy_log (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            BIGINT NOT NULL,
    administrator TEXT   NOT NULL,
    action        TEXT   NOT NULL CHECK (action IN ('forget')),
    pseudonym     TEXT   NOT NULL
);

CREATE FUNCTION privacy_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'privacy log records are never changed or removed';
END;
$$;

CREATE TRIGGER privacy_log_append_only BEFORE UPDATE OR DELETE ON privacy_log
    FOR EACH ROW EXECUTE FUNCTION privacy_log_is_append_only();

CREATE TRIGGER privacy_log_never_truncated BEFORE TRUNCATE ON privacy_log
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_log_is_append_only();
