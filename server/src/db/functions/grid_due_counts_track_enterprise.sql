-- function grid_due_counts_track_enterprise: its one source. Edit it here (CREATE OR REPLACE; the migration runner
-- re-applies a file whose checksum changed).
-- An enterprise created, deleted or restored, opening or closing, moved to another area, or changing risk colour or
-- key flag moves its grid_due_counts bucket, for every write path (API, risk mirror, import, bulk seed). Only live,
-- operating enterprises count (the units a grid patrols). The last visit day is read from grid_unit_status.
CREATE OR REPLACE FUNCTION grid_due_counts_track_enterprise() RETURNS trigger AS $$
DECLARE
  old_in boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL AND OLD.operating_status = 'operating';
  new_in boolean := TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL AND NEW.operating_status = 'operating';
  last_on date;
BEGIN
  IF NOT old_in AND NOT new_in THEN
    RETURN NULL;
  END IF;
  IF old_in AND new_in AND NEW.area_code = OLD.area_code AND NEW.risk_level IS NOT DISTINCT FROM OLD.risk_level
     AND NEW.is_key = OLD.is_key THEN
    RETURN NULL; -- nothing counted changed
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT s.last_visited_on INTO last_on FROM grid_unit_status s
     WHERE s.enterprise_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM grid_due_counts_move(NULL, NULL, NULL, NULL, NEW.area_code, NULL, NEW.risk_level, NEW.is_key);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM grid_due_counts_move(OLD.area_code, last_on, OLD.risk_level, OLD.is_key, NULL, NULL, NULL, NULL);
  ELSE
    PERFORM grid_due_counts_move(
      CASE WHEN old_in THEN OLD.area_code END, last_on, OLD.risk_level, OLD.is_key,
      CASE WHEN new_in THEN NEW.area_code END, last_on, NEW.risk_level, NEW.is_key);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
