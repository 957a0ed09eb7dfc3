-- trigger emergency_drill_status_counts on emergency_drill_status: its one source. Edit it here (dropped and created
-- again: the migration runner re-applies a file whose checksum changed).
DROP TRIGGER IF EXISTS emergency_drill_status_counts ON emergency_drill_status;
--> statement-breakpoint
CREATE TRIGGER emergency_drill_status_counts AFTER INSERT OR UPDATE OR DELETE ON emergency_drill_status
  FOR EACH ROW EXECUTE PROCEDURE emergency_drill_counts_track_status();
