-- trigger enterprise_risk_summary_draw_signal_insert on enterprise_risk_summary: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
DROP TRIGGER IF EXISTS enterprise_risk_summary_draw_signal_insert ON enterprise_risk_summary;
--> statement-breakpoint
CREATE TRIGGER enterprise_risk_summary_draw_signal_insert AFTER INSERT OR DELETE ON enterprise_risk_summary
  FOR EACH ROW EXECUTE PROCEDURE enterprise_draw_signals_track();
