-- function enterprise_draw_signals_refresh: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
-- The draw's risk signals, mirrored onto enterprises so the pool index carries them: a draw over a million
-- enterprises then reads one index, without joining the marks, hidden dangers, risk levels and accidents to every
-- member. One function recomputes all of an enterprise's signals from where they live; triggers on those tables call
-- it in the writing transaction, for the few writes that can change a signal (an enterprise's first inspection, a
-- penalty decision, a major hidden danger opened or closed, a risk level or accident recorded). The credit grade is
-- kept by the credit consumer (credit.service.ts) and read here too, so this function stays the whole truth.
CREATE OR REPLACE FUNCTION enterprise_draw_signals_refresh(e uuid) RETURNS void AS $$
DECLARE
  n integer;
  d date;
  mh boolean;
  rl text;
  la timestamptz;
  cg text;
BEGIN
  IF e IS NULL THEN
    RETURN;
  END IF;
  SELECT inspections_done, last_decided_on INTO n, d FROM enterprise_enforcement_marks WHERE enterprise_id = e;
  mh := EXISTS (SELECT 1 FROM hazards WHERE enterprise_id = e AND grade = 'major' AND state <> 'closed');
  SELECT level INTO rl FROM enterprise_risk_summary WHERE enterprise_id = e;
  SELECT max(occurred_at) INTO la FROM accidents WHERE enterprise_id = e;
  SELECT grade INTO cg FROM credit_summaries WHERE enterprise_id = e;
  UPDATE enterprises SET enforcement_inspected = coalesce(n, 0) > 0, enforcement_last_decided_on = d,
                         open_major_hazard = mh, risk_level = rl, last_accident_at = la, credit_grade = cg
  WHERE id = e
    AND (enforcement_inspected <> (coalesce(n, 0) > 0) OR enforcement_last_decided_on IS DISTINCT FROM d
         OR open_major_hazard <> mh OR risk_level IS DISTINCT FROM rl OR last_accident_at IS DISTINCT FROM la
         OR credit_grade IS DISTINCT FROM cg);
END;
$$ LANGUAGE plpgsql;
