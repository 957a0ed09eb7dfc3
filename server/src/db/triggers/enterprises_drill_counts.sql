-- trigger enterprises_drill_counts on enterprises: its one source. Edit it here (dropped and created again: the
-- migration runner re-applies a file whose checksum changed).
DROP TRIGGER IF EXISTS enterprises_drill_counts ON enterprises;
--> statement-breakpoint
CREATE TRIGGER enterprises_drill_counts AFTER INSERT OR UPDATE OR DELETE ON enterprises
  FOR EACH ROW EXECUTE PROCEDURE emergency_drill_counts_track_enterprise();
