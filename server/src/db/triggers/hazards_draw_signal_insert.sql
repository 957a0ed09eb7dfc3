-- trigger hazards_draw_signal_insert on hazards: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
DROP TRIGGER IF EXISTS hazards_draw_signal_insert ON hazards;
--> statement-breakpoint
-- Hidden dangers are written often; only a major one opening, closing, moving or changing grade can change a signal.
CREATE TRIGGER hazards_draw_signal_insert AFTER INSERT ON hazards
  FOR EACH ROW WHEN (NEW.grade = 'major' AND NEW.state <> 'closed') EXECUTE PROCEDURE enterprise_draw_signals_track();
