-- V3: the key that signs teachers' session tokens, kept with the data so that every server
-- sharing this database (and this one after a restart) honours the tokens it issued.
CREATE TABLE session_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key BLOB NOT NULL CHECK (length(key) = 32)
);
INSERT INTO session_key (id, key) VALUES (1, randomblob(32));
