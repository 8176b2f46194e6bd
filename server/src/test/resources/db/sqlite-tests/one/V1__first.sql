-- A first test migration.
CREATE TABLE a (x INTEGER);
