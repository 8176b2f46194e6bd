-- V4: check-in rules chosen when a roll call opens (issue 10), and the device of each check-in.
-- code_policy: 'none' (no code, as before), 'rotating' or 'fixed'. code_secret derives the codes
-- (RFC 6238's construction), so a restart derives the same codes; NULL when there are none.
ALTER TABLE roll_calls ADD COLUMN code_policy TEXT NOT NULL DEFAULT 'none'
    CHECK (code_policy IN ('none', 'rotating', 'fixed'));
ALTER TABLE roll_calls ADD COLUMN code_secret BLOB NULL
    CHECK ((code_policy = 'none') = (code_secret IS NULL));
ALTER TABLE roll_calls ADD COLUMN code_period_s INTEGER NOT NULL DEFAULT 15 CHECK (code_period_s BETWEEN 1 AND 3600);
ALTER TABLE roll_calls ADD COLUMN code_grace_s INTEGER NOT NULL DEFAULT 15 CHECK (code_grace_s BETWEEN 0 AND 3600);
ALTER TABLE roll_calls ADD COLUMN shared_devices INTEGER NOT NULL DEFAULT 0 CHECK (shared_devices IN (0, 1));

-- The web front's device id (a cookie); NULL for the CLI and the legacy ports.
ALTER TABLE check_ins ADD COLUMN device TEXT NULL;

-- A device that replaced its own check-in (a typo) within the replacement window: the replaced
-- row leaves check_ins, and this row keeps what happened. device_first_at is when the device
-- first checked in to this roll call, which the window counts from, also after a restart.
CREATE TABLE check_in_replacements (
    roll_call_id    INTEGER NOT NULL REFERENCES roll_calls (id),
    device          TEXT    NOT NULL,
    replaced        TEXT    NOT NULL,
    by_matricula    TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    device_first_at INTEGER NOT NULL
);
CREATE INDEX check_in_replacements_by_roll_call ON check_in_replacements (roll_call_id);
