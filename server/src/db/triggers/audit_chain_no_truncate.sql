-- trigger audit_chain_no_truncate on audit_chain: its one source. Edit it here (dropped and created again: the migration
-- runner re-applies a file whose checksum changed). The links are append-only like the entries (migration 0065).
DROP TRIGGER IF EXISTS audit_chain_no_truncate ON audit_chain;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE PROCEDURE audit_log_refuse_change();
