-- trigger penalty_cases_enforcement_track on penalty_cases: its one source. Edit it here (dropped and created again: the migration runner re-applies
-- a file whose checksum changed); migrations up to 0017 hold its history.
DROP TRIGGER IF EXISTS penalty_cases_enforcement_track ON penalty_cases;
--> statement-breakpoint
CREATE TRIGGER penalty_cases_enforcement_track AFTER INSERT OR UPDATE OR DELETE ON penalty_cases
  FOR EACH ROW EXECUTE PROCEDURE enforcement_track_cases();
