-- V9 on PostgreSQL: teachers' accounts and the classes they are assigned to, as V9 on SQLite;
-- every node reads them here, so a change made on one node holds on all at their next request.
CREATE TABLE teachers (
    name          TEXT    NOT NULL PRIMARY KEY,
    password_hash TEXT    NOT NULL,
    administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1)),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    from_file     INTEGER NOT NULL DEFAULT 0 CHECK (from_file IN (0, 1))
);

CREATE TABLE class_teachers (
    class_id INTEGER NOT NULL CHECK (class_id > 0),
    teacher  TEXT    NOT NULL REFERENCES teachers (name) ON DELETE CASCADE,
    PRIMARY KEY (class_id, teacher)
);
