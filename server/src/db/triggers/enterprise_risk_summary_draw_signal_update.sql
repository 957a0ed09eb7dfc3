-- trigger enterprise_risk_summary_draw_signal_update on enterprise_risk_summary: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
DROP TRIGGER IF EXISTS enterprise_risk_summary_draw_signal_update ON enterprise_risk_summary;
--> statement-breakpoint
CREATE TRIGGER enterprise_risk_summary_draw_signal_update AFTER UPDATE ON enterprise_risk_summary
  FOR EACH ROW WHEN (OLD.level IS DISTINCT FROM NEW.level OR OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id)
  EXECUTE PROCEDURE enterprise_draw_signals_track();
