-- function enforcement_aggregates_rebuild: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
-- Migration 0021's rebuild, now also refreshing every enterprise's signals.
CREATE OR REPLACE FUNCTION enforcement_aggregates_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM enforcement_stats_monthly;
  INSERT INTO enforcement_stats_monthly (area_code, sector, park_key, month, inspections, findings, cases, fines)
  SELECT area_code, sector, park_key, month, sum(i)::int, sum(f)::int, sum(c)::int, sum(fine)
  FROM (
    SELECT i.area_code, i.sector, coalesce(i.park_id::text, '') AS park_key, to_char(i.inspected_on, 'YYYY-MM') AS month,
           1 AS i, coalesce(f.n, 0) AS f, 0 AS c, 0::numeric AS fine
    FROM inspections i
    LEFT JOIN (SELECT inspection_id, count(*) AS n FROM inspection_findings GROUP BY 1) f ON f.inspection_id = i.id
    WHERE i.state = 'done' AND i.inspected_on IS NOT NULL
    UNION ALL
    SELECT area_code, sector, coalesce(park_id::text, ''), to_char(decided_on, 'YYYY-MM'), 0, 0, 1, coalesce(fine, 0)
    FROM penalty_cases WHERE decided_on IS NOT NULL
  ) x
  GROUP BY 1, 2, 3, 4;
  DELETE FROM enterprise_enforcement_marks;
  INSERT INTO enterprise_enforcement_marks (enterprise_id, inspections_done, last_decided_on)
  SELECT enterprise_id, sum(n)::int, max(d)
  FROM (
    SELECT enterprise_id, count(*) AS n, NULL::date AS d FROM inspections WHERE state = 'done' GROUP BY 1
    UNION ALL
    SELECT enterprise_id, 0, max(decided_on) FROM penalty_cases WHERE decided_on IS NOT NULL GROUP BY 1
  ) x
  GROUP BY 1;
  PERFORM enterprise_draw_signals_refresh_all();
END;
$$ LANGUAGE plpgsql;
