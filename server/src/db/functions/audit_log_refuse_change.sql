-- function audit_log_refuse_change: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0001 hold its history.
-- The audit log and its hash chain are append-only: no role, and no code path, may change or remove an entry or a
-- link. (Until migration 0065 the chainer filled chain columns of audit_log; the chain is its own table now.)
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
