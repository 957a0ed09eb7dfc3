-- function grid_due_counts_move: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies a
-- file whose checksum changed).
-- Moves one unit in grid_due_counts from its old bucket (area oa, last visit day od, risk colour orisk, key flag okey)
-- to its new one; a null area means "not counted" (not live or not operating), a null day "never visited". New minus
-- old is applied at every area level in ONE statement, merged per key and in key order, so concurrent writers lock
-- the count rows in the same order and cannot deadlock on them; the old bucket's rows left at zero are deleted.
CREATE OR REPLACE FUNCTION grid_due_counts_move(oa text, od date, orisk text, okey boolean,
                                                na text, nd date, nrisk text, nkey boolean) RETURNS void AS $$
BEGIN
  INSERT INTO grid_due_counts (area_len, area_code, due_month, due_in_visit_month, n)
  SELECT l.len, left(b.a, l.len), b.m, b.s, sum(b.sg)
  FROM (
    SELECT e.a,
           coalesce(to_char((e.d + grid_visit_interval(e.r, e.k))::timestamp, 'YYYY-MM'), ''),
           coalesce(to_char(e.d::timestamp, 'YYYY-MM') = to_char((e.d + grid_visit_interval(e.r, e.k))::timestamp, 'YYYY-MM'), false),
           e.sg
    FROM (
      SELECT na, nd, nrisk, nkey, 1 WHERE na IS NOT NULL
      UNION ALL
      SELECT oa, od, orisk, okey, -1 WHERE oa IS NOT NULL
    ) e(a, d, r, k, sg)
  ) b(a, m, s, sg)
  CROSS JOIN (VALUES (9), (12), (15)) AS l(len)
  WHERE length(b.a) >= l.len
  GROUP BY 1, 2, 3, 4
  HAVING sum(b.sg) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (area_len, area_code, due_month, due_in_visit_month) DO UPDATE SET n = grid_due_counts.n + EXCLUDED.n;
  IF oa IS NOT NULL THEN
    DELETE FROM grid_due_counts c
    WHERE c.n = 0
      AND (c.area_len, c.area_code) IN (SELECT l.len, left(oa, l.len) FROM (VALUES (9), (12), (15)) AS l(len))
      AND c.due_month = coalesce(to_char((od + grid_visit_interval(orisk, okey))::timestamp, 'YYYY-MM'), '')
      AND c.due_in_visit_month = coalesce(to_char(od::timestamp, 'YYYY-MM')
                                          = to_char((od + grid_visit_interval(orisk, okey))::timestamp, 'YYYY-MM'), false);
  END IF;
END;
$$ LANGUAGE plpgsql;
