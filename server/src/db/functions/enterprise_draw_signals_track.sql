-- function enterprise_draw_signals_track: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
CREATE OR REPLACE FUNCTION enterprise_draw_signals_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM enterprise_draw_signals_refresh(OLD.enterprise_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.enterprise_id IS DISTINCT FROM OLD.enterprise_id) THEN
    PERFORM enterprise_draw_signals_refresh(NEW.enterprise_id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
