CREATE TABLE "grid_due_counts" (
	"area_len" smallint NOT NULL,
	"area_code" text NOT NULL,
	"due_month" text NOT NULL,
	"due_in_visit_month" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "grid_due_counts_key" ON "grid_due_counts" USING btree ("area_len","area_code" text_pattern_ops,"due_month","due_in_visit_month");--> statement-breakpoint
-- Filled once from enterprises ⟕ grid_unit_status (the body of functions/grid_due_counts_rebuild.sql as of this
-- migration, with grid_visit_interval inlined: the function files are applied after the migrations); from here the
-- triggers enterprises_grid_due_counts and grid_unit_status_due_counts keep it.
INSERT INTO grid_due_counts (area_len, area_code, due_month, due_in_visit_month, n)
SELECT l.len, left(u.a, l.len), u.m, u.s, count(*)::int
FROM (
  SELECT e.area_code,
         coalesce(to_char((s.last_visited_on + i.d)::timestamp, 'YYYY-MM'), ''),
         coalesce(to_char(s.last_visited_on::timestamp, 'YYYY-MM') = to_char((s.last_visited_on + i.d)::timestamp, 'YYYY-MM'), false)
  FROM enterprises e
  LEFT JOIN grid_unit_status s ON s.enterprise_id = e.id
  CROSS JOIN LATERAL (
    SELECT CASE WHEN e.is_key THEN least(c.d, 15) ELSE c.d END
    FROM (SELECT CASE e.risk_level WHEN 'red' THEN 7 WHEN 'orange' THEN 15 WHEN 'yellow' THEN 30 WHEN 'blue' THEN 90
                 ELSE 30 END) c(d)
  ) i(d)
  WHERE e.deleted_at IS NULL AND e.operating_status = 'operating'
) u(a, m, s)
CROSS JOIN (VALUES (9), (12), (15)) AS l(len)
WHERE length(u.a) >= l.len
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Statistics now, so the first coverage reads after an upgrade are planned on the filled table.
ANALYZE grid_due_counts;
