-- V14 on PostgreSQL: class messages, as V14 on SQLite.
CREATE TABLE messages (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    class_id  INTEGER NOT NULL CHECK (class_id > 0),
    matricula TEXT    NULL,
    text      TEXT    NOT NULL,
    at        BIGINT  NOT NULL,
    read_at   BIGINT  NULL
);
CREATE INDEX messages_by_class ON messages (class_id, id);
CREATE INDEX messages_by_matricula ON messages (matricula);
CREATE INDEX messages_by_time ON messages (at);

CREATE TABLE class_inboxes (
    class_id  INTEGER NOT NULL PRIMARY KEY CHECK (class_id > 0),
    anonymous BOOLEAN NOT NULL
);
