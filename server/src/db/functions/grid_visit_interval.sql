-- function grid_visit_interval: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies a
-- file whose checksum changed).
-- Days between two grid visits of a unit: grid.rules defaultGridFrequency (red 7, orange 15, yellow 30, blue 90,
-- unassessed 30, a key enterprise at most 15) as SQL, for the due buckets of grid_due_counts. The two must agree
-- (grid.db.test checks every colour and flag); after changing the frequency, edit this file and run
-- grid_due_counts_rebuild() (CLI rebuild-grid-due), since the buckets hold due months computed with it.
CREATE OR REPLACE FUNCTION grid_visit_interval(risk_level text, is_key boolean) RETURNS integer AS $$
  SELECT CASE WHEN is_key THEN least(c.d, 15) ELSE c.d END
  FROM (SELECT CASE risk_level WHEN 'red' THEN 7 WHEN 'orange' THEN 15 WHEN 'yellow' THEN 30 WHEN 'blue' THEN 90
               ELSE 30 END) c(d);
$$ LANGUAGE sql IMMUTABLE;
