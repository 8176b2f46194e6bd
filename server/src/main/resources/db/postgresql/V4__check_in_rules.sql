-- V4 on PostgreSQL: check-in rules chosen when a roll call opens, and the device of each
-- check-in, as V4 on SQLite.
ALTER TABLE roll_calls ADD COLUMN code_policy TEXT NOT NULL DEFAULT 'none'
    CHECK (code_policy IN ('none', 'rotating', 'fixed'));
ALTER TABLE roll_calls ADD COLUMN code_secret BYTEA NULL
    CHECK ((code_policy = 'none') = (code_secret IS NULL));
ALTER TABLE roll_calls ADD COLUMN code_period_s INTEGER NOT NULL DEFAULT 15 CHECK (code_period_s BETWEEN 1 AND 3600);
ALTER TABLE roll_calls ADD COLUMN code_grace_s INTEGER NOT NULL DEFAULT 15 CHECK (code_grace_s BETWEEN 0 AND 3600);
ALTER TABLE roll_calls ADD COLUMN shared_devices INTEGER NOT NULL DEFAULT 0 CHECK (shared_devices IN (0, 1));

ALTER TABLE check_ins ADD COLUMN device TEXT NULL;
CREATE INDEX check_ins_by_device ON check_ins (roll_call_id, device) WHERE device IS NOT NULL;

CREATE TABLE check_in_replacements (
    roll_call_id    BIGINT NOT NULL REFERENCES roll_calls (id),
    device          TEXT   NOT NULL,
    replaced        TEXT   NOT NULL,
    by_matricula    TEXT   NOT NULL,
    at              BIGINT NOT NULL,
    device_first_at BIGINT NOT NULL
);
CREATE INDEX check_in_replacements_by_roll_call ON check_in_replacements (roll_call_id);
