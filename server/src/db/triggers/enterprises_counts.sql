-- trigger enterprises_counts on enterprises: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0010 hold its history.
DROP TRIGGER IF EXISTS enterprises_counts ON enterprises;
--> statement-breakpoint
CREATE TRIGGER enterprises_counts AFTER INSERT OR UPDATE OR DELETE ON enterprises
  FOR EACH ROW EXECUTE PROCEDURE enterprise_counts_track();
