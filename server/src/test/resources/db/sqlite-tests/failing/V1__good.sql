-- A test migration that works.
CREATE TABLE a (x INTEGER);
