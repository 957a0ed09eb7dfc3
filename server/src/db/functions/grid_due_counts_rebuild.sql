-- function grid_due_counts_rebuild: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migration 0060 made its table and filled it once the same way.
-- Rebuilds grid_due_counts from enterprises ⟕ grid_unit_status, for bulk loads that run with the triggers disabled,
-- after a change of grid_visit_interval, and for repairs (the CLI's rebuild-grid-due): SELECT grid_due_counts_rebuild().
CREATE OR REPLACE FUNCTION grid_due_counts_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM grid_due_counts;
  INSERT INTO grid_due_counts (area_len, area_code, due_month, due_in_visit_month, n)
  SELECT l.len, left(u.a, l.len), u.m, u.s, count(*)::int
  FROM (
    SELECT e.area_code,
           coalesce(to_char((s.last_visited_on + grid_visit_interval(e.risk_level, e.is_key))::timestamp, 'YYYY-MM'), ''),
           coalesce(to_char(s.last_visited_on::timestamp, 'YYYY-MM')
                    = to_char((s.last_visited_on + grid_visit_interval(e.risk_level, e.is_key))::timestamp, 'YYYY-MM'), false)
    FROM enterprises e
    LEFT JOIN grid_unit_status s ON s.enterprise_id = e.id
    WHERE e.deleted_at IS NULL AND e.operating_status = 'operating'
  ) u(a, m, s)
  CROSS JOIN (VALUES (9), (12), (15)) AS l(len)
  WHERE length(u.a) >= l.len
  GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;
