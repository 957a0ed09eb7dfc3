-- function audit_log_refuse_change: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0001 hold its history.
-- The audit log is append-only: no role, and no code path, may change or remove an entry.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
