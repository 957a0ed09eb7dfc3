-- trigger inspection_findings_enforcement_track on inspection_findings: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0017 hold its history.
DROP TRIGGER IF EXISTS inspection_findings_enforcement_track ON inspection_findings;
--> statement-breakpoint
CREATE TRIGGER inspection_findings_enforcement_track AFTER INSERT OR UPDATE OR DELETE ON inspection_findings
  FOR EACH ROW EXECUTE PROCEDURE enforcement_track_findings();
