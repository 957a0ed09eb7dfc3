-- function grid_due_counts_track_status: its one source. Edit it here (CREATE OR REPLACE; the migration runner
-- re-applies a file whose checksum changed).
-- A visit moving a unit's last visit day (grid_unit_status, written by the visit command) moves its grid_due_counts
-- bucket. The area, colour and flag are read from the enterprise itself, under a share lock: an enterprise update
-- running at the same time either waits for this transaction (and then reads the new day) or is waited for (and its
-- area and colour are the ones read here), so the two triggers never move the unit from a bucket it has left.
CREATE OR REPLACE FUNCTION grid_due_counts_track_status() RETURNS trigger AS $$
DECLARE
  ea text;
  er text;
  ek boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.enterprise_id = OLD.enterprise_id
     AND NEW.last_visited_on IS NOT DISTINCT FROM OLD.last_visited_on THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT e.area_code, e.risk_level, e.is_key INTO ea, er, ek FROM enterprises e
     WHERE e.id = OLD.enterprise_id AND e.deleted_at IS NULL AND e.operating_status = 'operating'
       FOR SHARE;
    IF FOUND THEN
      IF TG_OP = 'UPDATE' AND NEW.enterprise_id = OLD.enterprise_id THEN
        PERFORM grid_due_counts_move(ea, OLD.last_visited_on, er, ek, ea, NEW.last_visited_on, er, ek);
        RETURN NULL;
      END IF;
      PERFORM grid_due_counts_move(ea, OLD.last_visited_on, er, ek, ea, NULL, er, ek);
    END IF;
    IF TG_OP = 'DELETE' OR NEW.enterprise_id = OLD.enterprise_id THEN
      RETURN NULL;
    END IF;
  END IF;
  SELECT e.area_code, e.risk_level, e.is_key INTO ea, er, ek FROM enterprises e
   WHERE e.id = NEW.enterprise_id AND e.deleted_at IS NULL AND e.operating_status = 'operating'
     FOR SHARE;
  IF FOUND THEN
    PERFORM grid_due_counts_move(ea, NULL, er, ek, ea, NEW.last_visited_on, er, ek);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
