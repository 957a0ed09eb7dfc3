-- function emergency_drill_counts_track_enterprise: its one source. Edit it here (CREATE OR REPLACE; the migration
-- runner re-applies a file whose checksum changed).
-- An enterprise created, deleted, moved (street, sector, park) or changing unit type moves its drill-count cell, for
-- every write path (API, import, bulk seed). Only live rows of unit type 'enterprise' count, as compliance does.
CREATE OR REPLACE FUNCTION emergency_drill_counts_track_enterprise() RETURNS trigger AS $$
DECLARE
  plan_on date;
  onsite_on date;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.deleted_at IS NULL) = (OLD.deleted_at IS NULL) AND NEW.unit_type = OLD.unit_type
     AND left(NEW.area_code, 9) = left(OLD.area_code, 9) AND NEW.sector IS NOT DISTINCT FROM OLD.sector
     AND NEW.park_id IS NOT DISTINCT FROM OLD.park_id THEN
    RETURN NULL; -- nothing counted changed
  END IF;
  SELECT s.last_plan_drill_on, s.last_onsite_drill_on INTO plan_on, onsite_on
    FROM emergency_drill_status s WHERE s.enterprise_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL AND OLD.unit_type = 'enterprise' THEN
    PERFORM emergency_drill_counts_apply(OLD.area_code, OLD.sector, OLD.park_id, plan_on, onsite_on, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL AND NEW.unit_type = 'enterprise' THEN
    PERFORM emergency_drill_counts_apply(NEW.area_code, NEW.sector, NEW.park_id, plan_on, onsite_on, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
