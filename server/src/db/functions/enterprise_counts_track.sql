-- function enterprise_counts_track: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0010 hold its history.
CREATE OR REPLACE FUNCTION enterprise_counts_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
    IF TG_OP = 'UPDATE' AND NEW.deleted_at IS NULL AND NEW.area_code = OLD.area_code AND NEW.sector = OLD.sector
       AND NEW.park_id IS NOT DISTINCT FROM OLD.park_id AND NEW.is_key = OLD.is_key THEN
      RETURN NULL; -- nothing counted changed
    END IF;
    PERFORM enterprise_counts_apply(OLD.area_code, OLD.sector, OLD.park_id, OLD.is_key, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
    PERFORM enterprise_counts_apply(NEW.area_code, NEW.sector, NEW.park_id, NEW.is_key, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
