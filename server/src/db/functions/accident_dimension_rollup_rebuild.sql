-- function accident_dimension_rollup_rebuild: its one source. Edit it here (CREATE OR REPLACE; the migration runner
-- re-applies a file whose checksum changed); migration 0056 made its table and filled it once the same way.
-- Rebuilds accident_dimension_rollup from the registry in two passes (per street, month and dimension value first,
-- then every level and filter key from those), for bulk loads that run with the trigger disabled and for repairs
-- (the CLI's rebuild-accident-rollup): SELECT accident_dimension_rollup_rebuild().
CREATE OR REPLACE FUNCTION accident_dimension_rollup_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM accident_dimension_rollup;
  INSERT INTO accident_dimension_rollup (area_len, area_code, dim, sector_key, category_key, ym, value,
                                         accidents, deaths, missing, serious_injuries, direct_loss_wan)
  SELECT l.len, left(b.a, l.len), b.dim, sk.k, ck.k, b.ym, b.val,
         sum(b.n), sum(b.de), sum(b.mi), sum(b.si), sum(b.lo)
  FROM (
    SELECT v.a, v.s, v.c, v.ym, d.dim, d.val,
           count(*)::int AS n, sum(v.de)::int AS de, sum(v.mi)::int AS mi, sum(v.si)::int AS si, sum(v.lo) AS lo
    FROM (
      SELECT left(area_code, 9), coalesce(sector, ''), category, type_scheme || ':' || type_code, cause_category, level,
             to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')::int, deaths, missing, serious_injuries,
             direct_loss_wan
      FROM accidents
    ) v(a, s, c, t, ca, lv, ym, de, mi, si, lo)
    CROSS JOIN LATERAL (VALUES ('all', ''), ('sector', v.s), ('category', v.c), ('type', v.t), ('cause', v.ca),
                               ('level', v.lv)) AS d(dim, val)
    GROUP BY 1, 2, 3, 4, 5, 6
  ) b
  CROSS JOIN (VALUES (2), (4), (6), (9)) AS l(len)
  CROSS JOIN LATERAL (VALUES ('*'), (b.s)) AS sk(k)
  CROSS JOIN LATERAL (VALUES ('*'), (b.c)) AS ck(k)
  WHERE (b.dim <> 'sector' OR sk.k = '*') AND (b.dim <> 'category' OR ck.k = '*')
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
END;
$$ LANGUAGE plpgsql;
