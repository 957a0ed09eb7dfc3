-- function emergency_drill_counts_apply: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed).
-- Moves one enterprise into (delta 1) or out of (delta -1) its cell of emergency_drill_area_counts: the street (area
-- code cut to 9), sector, park, the year of the last plan drill and the calendar half of the last on-site drill
-- (0 = never). The keys are periods, not "overdue" flags, so the counts stay right as days pass.
CREATE OR REPLACE FUNCTION emergency_drill_counts_apply(a text, s text, p uuid, plan_on date, onsite_on date, delta integer)
RETURNS void AS $$
BEGIN
  INSERT INTO emergency_drill_area_counts (area_code, sector, park_key, plan_year, onsite_half, n)
  VALUES (
    left(a, 9),
    coalesce(s, 'other'),
    coalesce(p, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(extract(year from plan_on)::int, 0),
    coalesce(extract(year from onsite_on)::int * 2 + (CASE WHEN extract(month from onsite_on) > 6 THEN 1 ELSE 0 END), 0),
    delta)
  ON CONFLICT (area_code, sector, park_key, plan_year, onsite_half)
  DO UPDATE SET n = emergency_drill_area_counts.n + EXCLUDED.n;
END;
$$ LANGUAGE plpgsql;
