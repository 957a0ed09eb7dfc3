-- function enforcement_track_inspections: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0017 hold its history.
CREATE OR REPLACE FUNCTION enforcement_track_inspections() RETURNS trigger AS $$
DECLARE
  n integer;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.state = 'done') = (NEW.state = 'done') AND OLD.inspected_on IS NOT DISTINCT FROM NEW.inspected_on
     AND OLD.enterprise_id = NEW.enterprise_id AND OLD.area_code = NEW.area_code AND OLD.sector = NEW.sector
     AND OLD.park_id IS NOT DISTINCT FROM NEW.park_id THEN
    RETURN NULL; -- nothing counted changed
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'done' THEN
    PERFORM enforcement_marks_apply(OLD.enterprise_id, -1, NULL);
    IF OLD.inspected_on IS NOT NULL THEN
      SELECT count(*) INTO n FROM inspection_findings WHERE inspection_id = OLD.id;
      PERFORM enforcement_stats_apply(OLD.area_code, OLD.sector, OLD.park_id, OLD.inspected_on, -1, -n, 0, 0);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'done' THEN
    PERFORM enforcement_marks_apply(NEW.enterprise_id, 1, NULL);
    IF NEW.inspected_on IS NOT NULL THEN
      SELECT count(*) INTO n FROM inspection_findings WHERE inspection_id = NEW.id;
      PERFORM enforcement_stats_apply(NEW.area_code, NEW.sector, NEW.park_id, NEW.inspected_on, 1, n, 0, 0);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
