-- function emergency_drill_counts_track_status: its one source. Edit it here (CREATE OR REPLACE; the migration runner
-- re-applies a file whose checksum changed).
-- A held drill moving an enterprise's last drill days (emergency_drill_status) moves its drill-count cell. The place
-- is read from the enterprise itself (the status row's copies follow it later, through the events consumer).
CREATE OR REPLACE FUNCTION emergency_drill_counts_track_status() RETURNS trigger AS $$
DECLARE
  ea text;
  es text;
  ep uuid;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.last_plan_drill_on IS NOT DISTINCT FROM OLD.last_plan_drill_on
     AND NEW.last_onsite_drill_on IS NOT DISTINCT FROM OLD.last_onsite_drill_on THEN
    RETURN NULL;
  END IF;
  SELECT e.area_code, e.sector, e.park_id INTO ea, es, ep FROM enterprises e
   WHERE e.id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.enterprise_id ELSE NEW.enterprise_id END)
     AND e.deleted_at IS NULL AND e.unit_type = 'enterprise';
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM emergency_drill_counts_apply(ea, es, ep, NULL, NULL, -1);
  ELSE
    PERFORM emergency_drill_counts_apply(ea, es, ep, OLD.last_plan_drill_on, OLD.last_onsite_drill_on, -1);
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM emergency_drill_counts_apply(ea, es, ep, NULL, NULL, 1);
  ELSE
    PERFORM emergency_drill_counts_apply(ea, es, ep, NEW.last_plan_drill_on, NEW.last_onsite_drill_on, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
