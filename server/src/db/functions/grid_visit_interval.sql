-- function grid_visit_interval: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies a
-- file whose checksum changed).
-- Days between two grid visits of a unit: grid.rules defaultGridFrequency (major 7, significant 15, general 30,
-- low 90 — the risk module's levels, 红橙黄蓝 —, unassessed 30, a key enterprise at most 15) as SQL, for the due
-- buckets of grid_due_counts. The two must agree (grid.due-counts.db.test checks every level and flag). The buckets
-- hold due months computed with it, so the runner rebuilds them whenever this file is applied (the line below).
-- after-apply: select grid_due_counts_rebuild()
CREATE OR REPLACE FUNCTION grid_visit_interval(risk_level text, is_key boolean) RETURNS integer AS $$
  SELECT CASE WHEN is_key THEN least(c.d, 15) ELSE c.d END
  FROM (SELECT CASE risk_level WHEN 'major' THEN 7 WHEN 'significant' THEN 15 WHEN 'general' THEN 30 WHEN 'low' THEN 90
               ELSE 30 END) c(d);
$$ LANGUAGE sql IMMUTABLE;
