-- V13 on PostgreSQL: a retention purge finds its audit records by roll call. (Identity columns
-- never give an id twice, so PostgreSQL needs no record of the highest ids a purge deleted.)
CREATE INDEX audit_by_roll_call ON audit (roll_call_id);
