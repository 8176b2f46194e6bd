-- V2: how far the journal (<database>.journal/) has been applied to this file.
-- One row, updated in the same transaction as the rows it accounts for, so after a crash
-- the journal is replayed from exactly the first record this file does not hold.
CREATE TABLE journal_applied (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    segment INTEGER NOT NULL,
    offset  INTEGER NOT NULL
);
INSERT INTO journal_applied (id, segment, offset) VALUES (1, 0, 0);
