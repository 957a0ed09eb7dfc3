-- trigger hazards_draw_signal_delete on hazards: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
DROP TRIGGER IF EXISTS hazards_draw_signal_delete ON hazards;
--> statement-breakpoint
CREATE TRIGGER hazards_draw_signal_delete AFTER DELETE ON hazards
  FOR EACH ROW WHEN (OLD.grade = 'major' AND OLD.state <> 'closed') EXECUTE PROCEDURE enterprise_draw_signals_track();
