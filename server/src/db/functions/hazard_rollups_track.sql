-- function hazard_rollups_track: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0015 hold its history.
-- Both hazard rollups are kept by one trigger, so every write path (workflow, enforcement, seeds, SQL by hand)
-- keeps them exact. Each row version contributes to every area level; an update applies new minus old in ONE
-- statement per rollup, merged per key and in key order, so concurrent writers lock rollup rows in the same
-- order and cannot deadlock on them. Row variables (not OLD/NEW directly) keep the SQL valid for INSERT and DELETE.
CREATE OR REPLACE FUNCTION hazard_rollups_track() RETURNS trigger AS $$
DECLARE
  levels CONSTANT integer[] := ARRAY[2, 4, 6, 9, 12, 15];
  has_old boolean := TG_OP IN ('UPDATE', 'DELETE');
  has_new boolean := TG_OP IN ('INSERT', 'UPDATE');
  o hazards;
  n hazards;
  same_key boolean := false;
BEGIN
  IF has_old THEN o := OLD; END IF;
  IF has_new THEN n := NEW; END IF;
  IF has_old AND has_new THEN
    same_key := o.area_code = n.area_code AND o.park_id IS NOT DISTINCT FROM n.park_id AND o.sector = n.sector
      AND o.source = n.source AND o.grade = n.grade AND o.found_on = n.found_on;
    IF same_key AND o.state = n.state AND o.deadline IS NOT DISTINCT FROM n.deadline
       AND o.submitted_on IS NOT DISTINCT FROM n.submitted_on AND o.closed_on IS NOT DISTINCT FROM n.closed_on THEN
      RETURN NULL; -- nothing counted changed
    END IF;
  END IF;

  INSERT INTO hazard_stats_monthly (area_len, area_code, park_key, sector, source, grade, month, found, closed, closed_late, close_days)
  SELECT l.len, left(c.a, l.len), c.p, c.s, c.src, c.g, c.m, sum(c.found), sum(c.closed), sum(c.late), sum(c.days)
  FROM (
    SELECT v.a, v.p, v.s, v.src, v.g, to_char(v.f, 'YYYY-MM') AS m, v.sg AS found,
           v.sg * (v.st = 'closed')::int AS closed,
           v.sg * (v.st = 'closed' AND v.dl IS NOT NULL AND coalesce(v.sub, v.cl) > v.dl)::int AS late,
           v.sg * (CASE WHEN v.st = 'closed' THEN coalesce(v.cl - v.f, 0) ELSE 0 END) AS days
    FROM (
      SELECT n.area_code, coalesce(n.park_id::text, ''), n.sector, n.source, n.grade, n.found_on, n.state, n.deadline,
             n.submitted_on, n.closed_on, 1 WHERE has_new
      UNION ALL
      SELECT o.area_code, coalesce(o.park_id::text, ''), o.sector, o.source, o.grade, o.found_on, o.state, o.deadline,
             o.submitted_on, o.closed_on, -1 WHERE has_old
    ) v(a, p, s, src, g, f, st, dl, sub, cl, sg)
  ) c
  CROSS JOIN unnest(levels) AS l(len)
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(c.found) <> 0 OR sum(c.closed) <> 0 OR sum(c.late) <> 0 OR sum(c.days) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (area_len, area_code, park_key, sector, source, grade, month) DO UPDATE SET
    found = hazard_stats_monthly.found + EXCLUDED.found,
    closed = hazard_stats_monthly.closed + EXCLUDED.closed,
    closed_late = hazard_stats_monthly.closed_late + EXCLUDED.closed_late,
    close_days = hazard_stats_monthly.close_days + EXCLUDED.close_days;
  IF has_old AND NOT same_key THEN
    DELETE FROM hazard_stats_monthly r
    WHERE r.found = 0 AND r.closed = 0 AND r.closed_late = 0 AND r.close_days = 0
      AND (r.area_len, r.area_code) IN (SELECT l.len, left(o.area_code, l.len) FROM unnest(levels) AS l(len))
      AND r.park_key = coalesce(o.park_id::text, '') AND r.sector = o.sector AND r.source = o.source
      AND r.grade = o.grade AND r.month = to_char(o.found_on, 'YYYY-MM');
  END IF;

  IF NOT (has_old AND o.state IN ('reported', 'rectifying', 'awaiting_acceptance'))
     AND NOT (has_new AND n.state IN ('reported', 'rectifying', 'awaiting_acceptance')) THEN
    RETURN NULL; -- closed before and after: not on the board's open counts
  END IF;
  INSERT INTO hazard_open_counts (area_len, area_code, park_key, sector, source, grade, state, deadline_key, month, n)
  SELECT l.len, left(c.a, l.len), c.p, c.s, c.src, c.g, c.st, c.d, c.m, sum(c.sg)
  FROM (
    SELECT v.a, v.p, v.s, v.src, v.g, v.st, coalesce(v.dl, DATE '9999-12-31') AS d, to_char(v.f, 'YYYY-MM') AS m, v.sg
    FROM (
      SELECT n.area_code, coalesce(n.park_id::text, ''), n.sector, n.source, n.grade, n.found_on, n.state, n.deadline, 1
      WHERE has_new
      UNION ALL
      SELECT o.area_code, coalesce(o.park_id::text, ''), o.sector, o.source, o.grade, o.found_on, o.state, o.deadline, -1
      WHERE has_old
    ) v(a, p, s, src, g, f, st, dl, sg)
    WHERE v.st IN ('reported', 'rectifying', 'awaiting_acceptance')
  ) c
  CROSS JOIN unnest(levels) AS l(len)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(c.sg) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (area_len, area_code, park_key, sector, source, grade, state, deadline_key, month) DO UPDATE SET
    n = hazard_open_counts.n + EXCLUDED.n;
  IF has_old AND o.state IN ('reported', 'rectifying', 'awaiting_acceptance') THEN
    DELETE FROM hazard_open_counts r
    WHERE r.n = 0
      AND (r.area_len, r.area_code) IN (SELECT l.len, left(o.area_code, l.len) FROM unnest(levels) AS l(len))
      AND r.park_key = coalesce(o.park_id::text, '') AND r.sector = o.sector AND r.source = o.source
      AND r.grade = o.grade AND r.state = o.state AND r.deadline_key = coalesce(o.deadline, DATE '9999-12-31')
      AND r.month = to_char(o.found_on, 'YYYY-MM');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
