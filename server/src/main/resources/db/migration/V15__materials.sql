-- V15: class materials (issue 14). The bytes are files in the material folder, named by key; a
-- row here is what makes one visible. published_at is epoch milliseconds.
-- AUTOINCREMENT: an id is never given twice, even after the newest material is removed.
CREATE TABLE materials (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id     INTEGER NOT NULL CHECK (class_id > 0),
    name         TEXT    NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT    NOT NULL,
    file_key     TEXT    NOT NULL UNIQUE,
    published_at INTEGER NOT NULL,
    published_by TEXT    NOT NULL,
    UNIQUE (class_id, name)
);
