-- A second test migration, with two statements.
CREATE TABLE b (y INTEGER);
INSERT INTO b VALUES (1);
