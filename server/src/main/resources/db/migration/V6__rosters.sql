-- V6: class rosters and the roll-call choices that use them (issue 13).
-- A class with rows here has a roster: a check-in by a matrícula not on it is refused, unless its
-- roll call was opened with accept_unknown. A roster import replaces the class's rows at once.
CREATE TABLE roster (
    class_id  INTEGER NOT NULL CHECK (class_id > 0),
    matricula TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    PRIMARY KEY (class_id, matricula)
);

-- late_after_s: a check-in this many seconds after the opening is late; NULL: never late.
ALTER TABLE roll_calls ADD COLUMN accept_unknown INTEGER NOT NULL DEFAULT 0 CHECK (accept_unknown IN (0, 1));
ALTER TABLE roll_calls ADD COLUMN late_after_s INTEGER NULL CHECK (late_after_s BETWEEN 0 AND 43200);
