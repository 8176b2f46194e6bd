-- A test migration whose second statement fails.
CREATE TABLE b (y INTEGER);
INSERT INTO missing VALUES (1);
