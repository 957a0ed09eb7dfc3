CREATE TABLE "accident_dimension_rollup" (
	"area_len" smallint NOT NULL,
	"area_code" text NOT NULL,
	"dim" text NOT NULL,
	"sector_key" text NOT NULL,
	"category_key" text NOT NULL,
	"ym" integer NOT NULL,
	"value" text NOT NULL,
	"accidents" integer DEFAULT 0 NOT NULL,
	"deaths" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"serious_injuries" integer DEFAULT 0 NOT NULL,
	"direct_loss_wan" numeric(14, 4) DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "accident_dimension_rollup_key" ON "accident_dimension_rollup" USING btree ("area_len","dim","sector_key","category_key","area_code" text_pattern_ops,"ym","value");--> statement-breakpoint
-- Filled once from the registry (the body of functions/accident_dimension_rollup_rebuild.sql as of this migration);
-- from here the trigger accidents_dimension_rollup keeps it.
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
--> statement-breakpoint
-- Statistics now, so the first analyses after an upgrade are planned on the filled table, not an empty one.
ANALYZE accident_dimension_rollup;
