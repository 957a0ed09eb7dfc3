-- trigger inspections_enforcement_track on inspections: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0017 hold its history.
DROP TRIGGER IF EXISTS inspections_enforcement_track ON inspections;
--> statement-breakpoint
CREATE TRIGGER inspections_enforcement_track AFTER INSERT OR UPDATE OR DELETE ON inspections
  FOR EACH ROW EXECUTE PROCEDURE enforcement_track_inspections();
