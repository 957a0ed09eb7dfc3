-- trigger audit_chain_no_update on audit_chain: its one source. Edit it here (dropped and created again: the migration
-- runner re-applies a file whose checksum changed). The links are append-only like the entries (migration 0065).
DROP TRIGGER IF EXISTS audit_chain_no_update ON audit_chain;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE PROCEDURE audit_log_refuse_change();
