-- trigger enterprises_draw_pool_update on enterprises: its one source. Edit it here (dropped and created again: the
-- migration runner re-applies a file whose checksum changed).
-- Only updates of a row in the pool before or after that enter it, leave it or change a column it mirrors (the
-- draw words follow the id): every other edit skips the function altogether.
DROP TRIGGER IF EXISTS enterprises_draw_pool_update ON enterprises;
--> statement-breakpoint
CREATE TRIGGER enterprises_draw_pool_update AFTER UPDATE ON enterprises
  FOR EACH ROW WHEN ((OLD.deleted_at IS NULL AND OLD.operating_status = 'operating'
                      OR NEW.deleted_at IS NULL AND NEW.operating_status = 'operating')
    AND ((OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.operating_status <> NEW.operating_status
         OR OLD.id <> NEW.id OR OLD.area_code <> NEW.area_code OR OLD.sector <> NEW.sector OR OLD.is_key <> NEW.is_key
         OR OLD.park_id IS DISTINCT FROM NEW.park_id OR OLD.hazard_tags <> NEW.hazard_tags
         OR OLD.enforcement_inspected <> NEW.enforcement_inspected
         OR OLD.enforcement_last_decided_on IS DISTINCT FROM NEW.enforcement_last_decided_on
         OR OLD.open_major_hazard <> NEW.open_major_hazard OR OLD.risk_level IS DISTINCT FROM NEW.risk_level
         OR OLD.last_accident_at IS DISTINCT FROM NEW.last_accident_at
         OR OLD.credit_grade IS DISTINCT FROM NEW.credit_grade))
  EXECUTE PROCEDURE enterprise_draw_pool_track();
