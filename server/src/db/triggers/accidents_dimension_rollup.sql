-- trigger accidents_dimension_rollup on accidents: its one source. Edit it here (dropped and created again: the
-- migration runner re-applies a file whose checksum changed).
DROP TRIGGER IF EXISTS accidents_dimension_rollup ON accidents;
--> statement-breakpoint
CREATE TRIGGER accidents_dimension_rollup AFTER INSERT OR UPDATE OR DELETE ON accidents
  FOR EACH ROW EXECUTE PROCEDURE accident_dimension_rollup_track();
