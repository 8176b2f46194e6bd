-- V14: class messages (issue 14). A student writes to a class's teachers; matricula is the sender
-- as declared, NULL when anonymous. at and read_at are epoch milliseconds; read_at NULL: unread.
-- AUTOINCREMENT: an id is never given twice, even after the newest message is deleted.
CREATE TABLE messages (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id  INTEGER NOT NULL CHECK (class_id > 0),
    matricula TEXT    NULL,
    text      TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    read_at   INTEGER NULL
);
CREATE INDEX messages_by_class ON messages (class_id, id);
CREATE INDEX messages_by_matricula ON messages (matricula);
CREATE INDEX messages_by_time ON messages (at);

-- A class whose teacher lets students write without a matrícula; absent: it does not.
CREATE TABLE class_inboxes (
    class_id  INTEGER NOT NULL PRIMARY KEY CHECK (class_id > 0),
    anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1))
);
