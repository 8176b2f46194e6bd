-- V12 on PostgreSQL: roll calls kept only --retain-days after their close, as V12 on SQLite. Inside
-- a purge's transaction (SET LOCAL chamada.purging = 'on') audit records may be removed; never
-- changed but by a forget, never truncated.
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
    IF TG_OP = 'DELETE' THEN
        IF current_setting('chamada.purging', true) = 'on' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit records are never changed or removed, except to forget a student or past --retain-days';
END;
$$;
