-- trigger audit_log_no_truncate on audit_log: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0001 hold its history.
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE PROCEDURE audit_log_refuse_change();
