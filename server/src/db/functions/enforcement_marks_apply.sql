-- function enforcement_marks_apply: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
-- Migration 0017's functions, now refreshing the signals after each change of the marks.
CREATE OR REPLACE FUNCTION enforcement_marks_apply(e uuid, di integer, decided date) RETURNS void AS $$
BEGIN
  INSERT INTO enterprise_enforcement_marks (enterprise_id, inspections_done, last_decided_on)
  VALUES (e, di, decided)
  ON CONFLICT (enterprise_id) DO UPDATE SET
    inspections_done = enterprise_enforcement_marks.inspections_done + EXCLUDED.inspections_done,
    last_decided_on = greatest(enterprise_enforcement_marks.last_decided_on, EXCLUDED.last_decided_on);
  PERFORM enterprise_draw_signals_refresh(e);
END;
$$ LANGUAGE plpgsql;
