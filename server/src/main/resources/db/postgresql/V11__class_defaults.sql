-- V11 on PostgreSQL: a class's defaults, as V11 on SQLite.
CREATE TABLE class_defaults (
    class_id     INTEGER NOT NULL PRIMARY KEY CHECK (class_id > 0),
    late_after_s INTEGER NULL CHECK (late_after_s BETWEEN 0 AND 43200)
);
