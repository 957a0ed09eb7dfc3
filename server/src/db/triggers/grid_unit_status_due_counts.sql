-- trigger grid_unit_status_due_counts on grid_unit_status: its one source. Edit it here (dropped and created again:
-- the migration runner re-applies a file whose checksum changed).
DROP TRIGGER IF EXISTS grid_unit_status_due_counts ON grid_unit_status;
--> statement-breakpoint
CREATE TRIGGER grid_unit_status_due_counts AFTER INSERT OR UPDATE OR DELETE ON grid_unit_status
  FOR EACH ROW EXECUTE PROCEDURE grid_due_counts_track_status();
