-- V15 on PostgreSQL: class materials, as V15 on SQLite.
CREATE TABLE materials (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    class_id     INTEGER NOT NULL CHECK (class_id > 0),
    name         TEXT    NOT NULL,
    size         BIGINT  NOT NULL CHECK (size >= 0),
    sha256       TEXT    NOT NULL,
    file_key     TEXT    NOT NULL UNIQUE,
    published_at BIGINT  NOT NULL,
    published_by TEXT    NOT NULL,
    UNIQUE (class_id, name)
);
