-- function enforcement_track_findings: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0017 hold its history.
CREATE OR REPLACE FUNCTION enforcement_track_findings() RETURNS trigger AS $$
DECLARE
  i record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.inspection_id = NEW.inspection_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT area_code, sector, park_id, inspected_on INTO i FROM inspections
      WHERE id = OLD.inspection_id AND state = 'done' AND inspected_on IS NOT NULL;
    IF FOUND THEN
      PERFORM enforcement_stats_apply(i.area_code, i.sector, i.park_id, i.inspected_on, 0, -1, 0, 0);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT area_code, sector, park_id, inspected_on INTO i FROM inspections
      WHERE id = NEW.inspection_id AND state = 'done' AND inspected_on IS NOT NULL;
    IF FOUND THEN
      PERFORM enforcement_stats_apply(i.area_code, i.sector, i.park_id, i.inspected_on, 0, 1, 0, 0);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
