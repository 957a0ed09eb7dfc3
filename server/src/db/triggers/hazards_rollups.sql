-- trigger hazards_rollups on hazards: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0015 hold its history.
DROP TRIGGER IF EXISTS hazards_rollups ON hazards;
--> statement-breakpoint
CREATE TRIGGER hazards_rollups AFTER INSERT OR UPDATE OR DELETE ON hazards
  FOR EACH ROW EXECUTE PROCEDURE hazard_rollups_track();
