-- function enforcement_track_cases: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
CREATE OR REPLACE FUNCTION enforcement_track_cases() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.decided_on IS NOT DISTINCT FROM NEW.decided_on AND OLD.fine IS NOT DISTINCT FROM NEW.fine
     AND OLD.enterprise_id = NEW.enterprise_id AND OLD.area_code = NEW.area_code AND OLD.sector = NEW.sector
     AND OLD.park_id IS NOT DISTINCT FROM NEW.park_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.decided_on IS NOT NULL THEN
    PERFORM enforcement_stats_apply(OLD.area_code, OLD.sector, OLD.park_id, OLD.decided_on, 0, 0, -1, -coalesce(OLD.fine, 0));
    -- A decision removed or moved: the latest one is looked up again (rare; additions only ever raise it).
    UPDATE enterprise_enforcement_marks SET last_decided_on =
      (SELECT max(decided_on) FROM penalty_cases WHERE enterprise_id = OLD.enterprise_id)
    WHERE enterprise_id = OLD.enterprise_id;
    PERFORM enterprise_draw_signals_refresh(OLD.enterprise_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.decided_on IS NOT NULL THEN
    PERFORM enforcement_stats_apply(NEW.area_code, NEW.sector, NEW.park_id, NEW.decided_on, 0, 0, 1, coalesce(NEW.fine, 0));
    PERFORM enforcement_marks_apply(NEW.enterprise_id, 0, NEW.decided_on);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
