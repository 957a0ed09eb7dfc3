-- function accident_dimension_rollup_track: its one source. Edit it here (CREATE OR REPLACE; the migration runner
-- re-applies a file whose checksum changed); migration 0056 made its table.
-- Keeps accident_dimension_rollup for every write path (commands, seeds, imports, SQL by hand). Each row version
-- contributes once per area level (2, 4, 6, 9), per dimension and per filter key ('*' = any sector / category, and
-- the accident's own); an update applies new minus old in ONE statement, merged per key and in key order, so
-- concurrent writers lock rollup rows in the same order. Row variables (not OLD/NEW) keep the SQL valid for INSERT
-- and DELETE. The month is the China month of occurred_at, as the registry's analysis counts it.
CREATE OR REPLACE FUNCTION accident_dimension_rollup_track() RETURNS trigger AS $$
DECLARE
  has_old boolean := TG_OP IN ('UPDATE', 'DELETE');
  has_new boolean := TG_OP IN ('INSERT', 'UPDATE');
  o accidents;
  n accidents;
BEGIN
  IF has_old THEN o := OLD; END IF;
  IF has_new THEN n := NEW; END IF;
  IF has_old AND has_new AND o.area_code = n.area_code AND o.sector IS NOT DISTINCT FROM n.sector
     AND o.category = n.category AND o.type_scheme = n.type_scheme AND o.type_code = n.type_code
     AND o.cause_category = n.cause_category AND o.level = n.level
     AND to_char(o.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') = to_char(n.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')
     AND o.deaths = n.deaths AND o.missing = n.missing AND o.serious_injuries = n.serious_injuries
     AND o.direct_loss_wan = n.direct_loss_wan THEN
    RETURN NULL; -- nothing counted changed
  END IF;

  INSERT INTO accident_dimension_rollup (area_len, area_code, dim, sector_key, category_key, ym, value,
                                         accidents, deaths, missing, serious_injuries, direct_loss_wan)
  SELECT l.len, left(v.a, l.len), d.dim, sk.k, ck.k, v.ym, d.val,
         sum(v.sg), sum(v.sg * v.de), sum(v.sg * v.mi), sum(v.sg * v.si), sum(v.sg * v.lo)
  FROM (
    SELECT n.area_code, coalesce(n.sector, ''), n.category, n.type_scheme || ':' || n.type_code, n.cause_category, n.level,
           to_char(n.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')::int, n.deaths, n.missing, n.serious_injuries,
           n.direct_loss_wan, 1
    WHERE has_new
    UNION ALL
    SELECT o.area_code, coalesce(o.sector, ''), o.category, o.type_scheme || ':' || o.type_code, o.cause_category, o.level,
           to_char(o.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')::int, o.deaths, o.missing, o.serious_injuries,
           o.direct_loss_wan, -1
    WHERE has_old
  ) v(a, s, c, t, ca, lv, ym, de, mi, si, lo, sg)
  CROSS JOIN (VALUES (2), (4), (6), (9)) AS l(len)
  CROSS JOIN LATERAL (VALUES ('all', ''), ('sector', v.s), ('category', v.c), ('type', v.t), ('cause', v.ca),
                             ('level', v.lv)) AS d(dim, val)
  CROSS JOIN LATERAL (VALUES ('*'), (v.s)) AS sk(k)
  CROSS JOIN LATERAL (VALUES ('*'), (v.c)) AS ck(k)
  WHERE (d.dim <> 'sector' OR sk.k = '*') AND (d.dim <> 'category' OR ck.k = '*')
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(v.sg) <> 0 OR sum(v.sg * v.de) <> 0 OR sum(v.sg * v.mi) <> 0 OR sum(v.sg * v.si) <> 0
      OR sum(v.sg * v.lo) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (area_len, dim, sector_key, category_key, area_code, ym, value) DO UPDATE SET
    accidents = accident_dimension_rollup.accidents + EXCLUDED.accidents,
    deaths = accident_dimension_rollup.deaths + EXCLUDED.deaths,
    missing = accident_dimension_rollup.missing + EXCLUDED.missing,
    serious_injuries = accident_dimension_rollup.serious_injuries + EXCLUDED.serious_injuries,
    direct_loss_wan = accident_dimension_rollup.direct_loss_wan + EXCLUDED.direct_loss_wan;
  IF has_old THEN
    -- Each accident adds exactly 1 to `accidents` under every key it touches: 0 there means none is left. Only the
    -- old version's keys can have fallen to 0; each is one index lookup.
    DELETE FROM accident_dimension_rollup r
    USING (VALUES (2), (4), (6), (9)) AS l(len),
          (VALUES ('all', ''), ('sector', coalesce(o.sector, '')), ('category', o.category),
                  ('type', o.type_scheme || ':' || o.type_code), ('cause', o.cause_category), ('level', o.level)) AS d(dim, val),
          (VALUES ('*'), (coalesce(o.sector, ''))) AS sk(k),
          (VALUES ('*'), (o.category)) AS ck(k)
    WHERE r.accidents = 0 AND r.area_len = l.len AND r.dim = d.dim AND r.sector_key = sk.k AND r.category_key = ck.k
      AND r.area_code = left(o.area_code, l.len) AND r.value = d.val
      AND r.ym = to_char(o.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')::int;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
