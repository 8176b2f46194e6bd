-- V11: a class's defaults, which a roll call opened without choosing takes (issue 13).
-- late_after_s: a check-in this many seconds after the opening is late; NULL: the class has none.
CREATE TABLE class_defaults (
    class_id     INTEGER NOT NULL PRIMARY KEY CHECK (class_id > 0),
    late_after_s INTEGER NULL CHECK (late_after_s BETWEEN 0 AND 43200)
);
