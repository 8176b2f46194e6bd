-- V2 on PostgreSQL: nothing. On SQLite it records how far the embedded store's journal is
-- applied; PostgreSQL commits each write itself. Kept so that both stores' versions mean the
-- same schema.
SELECT 1;
