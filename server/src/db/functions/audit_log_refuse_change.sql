-- function audit_log_refuse_change: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0001 hold its history.
-- The audit log is append-only: no role, and no code path, may change or remove an entry. The one update allowed is
-- the chainer's (platform/audit.ts, migration 0064): it fills an unchained entry's prev_hash, hash and chain_seq, once,
-- and changes nothing else.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  -- Nested: OLD is not assigned in the statement-level TRUNCATE trigger.
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND OLD.prev_hash IS NULL AND OLD.chain_seq IS NULL
       AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
       AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action AND NEW.result = OLD.result
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.actor_name IS NOT DISTINCT FROM OLD.actor_name
       AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role AND NEW.entity_type IS NOT DISTINCT FROM OLD.entity_type
       AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id AND NEW.before IS NOT DISTINCT FROM OLD.before
       AND NEW.after IS NOT DISTINCT FROM OLD.after AND NEW.ip IS NOT DISTINCT FROM OLD.ip THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
