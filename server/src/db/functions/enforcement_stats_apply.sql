-- function enforcement_stats_apply: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0017 hold its history.
-- Keeps enforcement_stats_monthly and enterprise_enforcement_marks exact for every write path (API, seed, bulk SQL):
-- derived data, so triggers in the writing transaction rather than application code one path could forget (as
-- enterprise_counts does). An inspection counts once it is done, in the month of inspected_on, with the findings it
-- has at that moment; a finding added or removed later moves its done inspection's bucket by one. A penalty case
-- counts in the month of decided_on with its fine. Counts move by deltas under the row lock of the upsert, so
-- concurrent writers never lose an update.
CREATE OR REPLACE FUNCTION enforcement_stats_apply(a text, s text, p uuid, m date, di integer, df integer, dc integer, dfine numeric) RETURNS void AS $$
BEGIN
  INSERT INTO enforcement_stats_monthly (area_code, sector, park_key, month, inspections, findings, cases, fines)
  VALUES (a, s, coalesce(p::text, ''), to_char(m, 'YYYY-MM'), di, df, dc, dfine)
  ON CONFLICT (month, area_code, sector, park_key) DO UPDATE SET
    inspections = enforcement_stats_monthly.inspections + EXCLUDED.inspections,
    findings = enforcement_stats_monthly.findings + EXCLUDED.findings,
    cases = enforcement_stats_monthly.cases + EXCLUDED.cases,
    fines = enforcement_stats_monthly.fines + EXCLUDED.fines;
END;
$$ LANGUAGE plpgsql;
