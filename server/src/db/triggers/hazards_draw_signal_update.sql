-- trigger hazards_draw_signal_update on hazards: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
DROP TRIGGER IF EXISTS hazards_draw_signal_update ON hazards;
--> statement-breakpoint
CREATE TRIGGER hazards_draw_signal_update AFTER UPDATE ON hazards
  FOR EACH ROW WHEN ((OLD.grade = 'major' OR NEW.grade = 'major')
    AND (OLD.grade IS DISTINCT FROM NEW.grade OR (OLD.state = 'closed') IS DISTINCT FROM (NEW.state = 'closed')
         OR OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id))
  EXECUTE PROCEDURE enterprise_draw_signals_track();
