-- trigger enterprises_grid_due_counts on enterprises: its one source. Edit it here (dropped and created again: the
-- migration runner re-applies a file whose checksum changed).
DROP TRIGGER IF EXISTS enterprises_grid_due_counts ON enterprises;
--> statement-breakpoint
CREATE TRIGGER enterprises_grid_due_counts AFTER INSERT OR UPDATE OR DELETE ON enterprises
  FOR EACH ROW EXECUTE PROCEDURE grid_due_counts_track_enterprise();
