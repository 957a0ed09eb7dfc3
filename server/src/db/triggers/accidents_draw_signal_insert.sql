-- trigger accidents_draw_signal_insert on accidents: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
DROP TRIGGER IF EXISTS accidents_draw_signal_insert ON accidents;
--> statement-breakpoint
CREATE TRIGGER accidents_draw_signal_insert AFTER INSERT OR DELETE ON accidents
  FOR EACH ROW EXECUTE PROCEDURE enterprise_draw_signals_track();
