-- V16 on PostgreSQL: the question shown on the projector, as V16 on SQLite.
ALTER TABLE class_inboxes ADD COLUMN shown BIGINT NULL;
