-- V9: teachers' accounts and the classes they are assigned to (issue 13).
-- A store with no rows in teachers runs in open mode. from_file: imported from --teachers FILE at
-- start, which is the truth for it (a start with a file that no longer lists it removes it).
CREATE TABLE teachers (
    name          TEXT    NOT NULL PRIMARY KEY,
    password_hash TEXT    NOT NULL,
    administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1)),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    from_file     INTEGER NOT NULL DEFAULT 0 CHECK (from_file IN (0, 1))
);

-- A class with rows here is its teachers' (and the administrators'); a class without any is
-- every teacher's. Removing a teacher removes their assignments.
CREATE TABLE class_teachers (
    class_id INTEGER NOT NULL CHECK (class_id > 0),
    teacher  TEXT    NOT NULL REFERENCES teachers (name) ON DELETE CASCADE,
    PRIMARY KEY (class_id, teacher)
);
