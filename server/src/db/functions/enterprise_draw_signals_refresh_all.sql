-- function enterprise_draw_signals_refresh_all: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0023 hold its history.
-- The same for every enterprise at once: after bulk loads that bypass the triggers, and for this migration.
CREATE OR REPLACE FUNCTION enterprise_draw_signals_refresh_all() RETURNS void AS $$
BEGIN
  UPDATE enterprises x SET enforcement_inspected = v.i, enforcement_last_decided_on = v.d, open_major_hazard = v.mh,
                           risk_level = v.rl, last_accident_at = v.la, credit_grade = v.cg
  FROM (
    SELECT y.id, coalesce(m.inspections_done, 0) > 0 AS i, m.last_decided_on AS d, h.enterprise_id IS NOT NULL AS mh,
           r.level AS rl, a.la, c.grade AS cg
    FROM enterprises y
    LEFT JOIN enterprise_enforcement_marks m ON m.enterprise_id = y.id
    LEFT JOIN (SELECT DISTINCT enterprise_id FROM hazards WHERE grade = 'major' AND state <> 'closed') h ON h.enterprise_id = y.id
    LEFT JOIN enterprise_risk_summary r ON r.enterprise_id = y.id
    LEFT JOIN credit_summaries c ON c.enterprise_id = y.id
    LEFT JOIN (SELECT enterprise_id, max(occurred_at) AS la FROM accidents GROUP BY 1) a ON a.enterprise_id = y.id
  ) v
  WHERE x.id = v.id
    AND (x.enforcement_inspected <> v.i OR x.enforcement_last_decided_on IS DISTINCT FROM v.d OR x.open_major_hazard <> v.mh
         OR x.risk_level IS DISTINCT FROM v.rl OR x.last_accident_at IS DISTINCT FROM v.la OR x.credit_grade IS DISTINCT FROM v.cg);
END;
$$ LANGUAGE plpgsql;
