-- trigger accidents_draw_signal_update on accidents: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
DROP TRIGGER IF EXISTS accidents_draw_signal_update ON accidents;
--> statement-breakpoint
CREATE TRIGGER accidents_draw_signal_update AFTER UPDATE ON accidents
  FOR EACH ROW WHEN (OLD.occurred_at IS DISTINCT FROM NEW.occurred_at OR OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id)
  EXECUTE PROCEDURE enterprise_draw_signals_track();
