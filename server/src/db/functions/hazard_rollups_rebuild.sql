-- function hazard_rollups_rebuild: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0015 hold its history.
-- Rebuilds both rollups from the hazards in two passes (finest key first, then every level from that), for
-- bulk loads that run with the trigger disabled and for repairs: SELECT hazard_rollups_rebuild().
CREATE OR REPLACE FUNCTION hazard_rollups_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM hazard_stats_monthly;
  INSERT INTO hazard_stats_monthly (area_len, area_code, park_key, sector, source, grade, month, found, closed, closed_late, close_days)
  SELECT l.len, left(b.area_code, l.len), b.park_key, b.sector, b.source, b.grade, b.month,
         sum(b.found), sum(b.closed), sum(b.late), sum(b.days)
  FROM (
    SELECT area_code, coalesce(park_id::text, '') AS park_key, sector, source, grade, to_char(found_on, 'YYYY-MM') AS month,
           count(*)::int AS found, (count(*) FILTER (WHERE state = 'closed'))::int AS closed,
           (count(*) FILTER (WHERE state = 'closed' AND deadline IS NOT NULL AND coalesce(submitted_on, closed_on) > deadline))::int AS late,
           (coalesce(sum(coalesce(closed_on - found_on, 0)) FILTER (WHERE state = 'closed'), 0))::int AS days
    FROM hazards GROUP BY 1, 2, 3, 4, 5, 6
  ) b
  CROSS JOIN unnest(ARRAY[2, 4, 6, 9, 12, 15]) AS l(len)
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  DELETE FROM hazard_open_counts;
  INSERT INTO hazard_open_counts (area_len, area_code, park_key, sector, source, grade, state, deadline_key, month, n)
  SELECT l.len, left(b.area_code, l.len), b.park_key, b.sector, b.source, b.grade, b.state, b.d, b.month, sum(b.n)
  FROM (
    SELECT area_code, coalesce(park_id::text, '') AS park_key, sector, source, grade, state,
           coalesce(deadline, DATE '9999-12-31') AS d, to_char(found_on, 'YYYY-MM') AS month, count(*)::int AS n
    FROM hazards WHERE state IN ('reported', 'rectifying', 'awaiting_acceptance') GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ) b
  CROSS JOIN unnest(ARRAY[2, 4, 6, 9, 12, 15]) AS l(len)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
END;
$$ LANGUAGE plpgsql;
