-- V3 on PostgreSQL: the key that signs teachers' session tokens, shared by every node. The
-- store makes it (32 random bytes from the JDK) the first time it finds the table empty.
CREATE TABLE session_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key BYTEA   NOT NULL CHECK (length(key) = 32)
);
