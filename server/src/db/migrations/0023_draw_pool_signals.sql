DROP INDEX "enterprises_draw_pool_idx";--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "draw_word_a" bigint GENERATED ALWAYS AS ((get_byte(uuid_send(id), 0)::bigint << 24) | (get_byte(uuid_send(id), 1)::bigint << 16) | (get_byte(uuid_send(id), 2)::bigint << 8) | (get_byte(uuid_send(id), 3)::bigint << 0)) STORED;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "draw_word_b" bigint GENERATED ALWAYS AS ((get_byte(uuid_send(id), 12)::bigint << 24) | (get_byte(uuid_send(id), 13)::bigint << 16) | (get_byte(uuid_send(id), 14)::bigint << 8) | (get_byte(uuid_send(id), 15)::bigint << 0)) STORED;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "enforcement_inspected" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "enforcement_last_decided_on" date;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "open_major_hazard" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "risk_level" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "last_accident_at" timestamp with time zone;--> statement-breakpoint
-- The draw's risk signals, mirrored onto enterprises so the pool index carries them: a draw over a million
-- enterprises then reads one index, without joining the marks, hidden dangers, risk levels and accidents to every
-- member. One function recomputes all of an enterprise's signals from where they live; triggers on those tables call
-- it in the writing transaction, for the few writes that can change a signal (an enterprise's first inspection, a
-- penalty decision, a major hidden danger opened or closed, a risk level or accident recorded).
CREATE OR REPLACE FUNCTION enterprise_draw_signals_refresh(e uuid) RETURNS void AS $$
DECLARE
  n integer;
  d date;
  mh boolean;
  rl text;
  la timestamptz;
BEGIN
  IF e IS NULL THEN
    RETURN;
  END IF;
  SELECT inspections_done, last_decided_on INTO n, d FROM enterprise_enforcement_marks WHERE enterprise_id = e;
  mh := EXISTS (SELECT 1 FROM hazards WHERE enterprise_id = e AND grade = 'major' AND state <> 'closed');
  SELECT level INTO rl FROM enterprise_risk_summary WHERE enterprise_id = e;
  SELECT max(occurred_at) INTO la FROM accidents WHERE enterprise_id = e;
  UPDATE enterprises SET enforcement_inspected = coalesce(n, 0) > 0, enforcement_last_decided_on = d,
                         open_major_hazard = mh, risk_level = rl, last_accident_at = la
  WHERE id = e
    AND (enforcement_inspected <> (coalesce(n, 0) > 0) OR enforcement_last_decided_on IS DISTINCT FROM d
         OR open_major_hazard <> mh OR risk_level IS DISTINCT FROM rl OR last_accident_at IS DISTINCT FROM la);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The same for every enterprise at once: after bulk loads that bypass the triggers, and for this migration.
CREATE OR REPLACE FUNCTION enterprise_draw_signals_refresh_all() RETURNS void AS $$
BEGIN
  UPDATE enterprises x SET enforcement_inspected = v.i, enforcement_last_decided_on = v.d, open_major_hazard = v.mh,
                           risk_level = v.rl, last_accident_at = v.la
  FROM (
    SELECT y.id, coalesce(m.inspections_done, 0) > 0 AS i, m.last_decided_on AS d, h.enterprise_id IS NOT NULL AS mh,
           r.level AS rl, a.la
    FROM enterprises y
    LEFT JOIN enterprise_enforcement_marks m ON m.enterprise_id = y.id
    LEFT JOIN (SELECT DISTINCT enterprise_id FROM hazards WHERE grade = 'major' AND state <> 'closed') h ON h.enterprise_id = y.id
    LEFT JOIN enterprise_risk_summary r ON r.enterprise_id = y.id
    LEFT JOIN (SELECT enterprise_id, max(occurred_at) AS la FROM accidents GROUP BY 1) a ON a.enterprise_id = y.id
  ) v
  WHERE x.id = v.id
    AND (x.enforcement_inspected <> v.i OR x.enforcement_last_decided_on IS DISTINCT FROM v.d OR x.open_major_hazard <> v.mh
         OR x.risk_level IS DISTINCT FROM v.rl OR x.last_accident_at IS DISTINCT FROM v.la);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enterprise_draw_signals_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM enterprise_draw_signals_refresh(OLD.enterprise_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.enterprise_id IS DISTINCT FROM OLD.enterprise_id) THEN
    PERFORM enterprise_draw_signals_refresh(NEW.enterprise_id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Hidden dangers are written often; only a major one opening, closing, moving or changing grade can change a signal.
CREATE TRIGGER hazards_draw_signal_insert AFTER INSERT ON hazards
  FOR EACH ROW WHEN (NEW.grade = 'major' AND NEW.state <> 'closed') EXECUTE PROCEDURE enterprise_draw_signals_track();
--> statement-breakpoint
CREATE TRIGGER hazards_draw_signal_update AFTER UPDATE ON hazards
  FOR EACH ROW WHEN ((OLD.grade = 'major' OR NEW.grade = 'major')
    AND (OLD.grade IS DISTINCT FROM NEW.grade OR (OLD.state = 'closed') IS DISTINCT FROM (NEW.state = 'closed')
         OR OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id))
  EXECUTE PROCEDURE enterprise_draw_signals_track();
--> statement-breakpoint
CREATE TRIGGER hazards_draw_signal_delete AFTER DELETE ON hazards
  FOR EACH ROW WHEN (OLD.grade = 'major' AND OLD.state <> 'closed') EXECUTE PROCEDURE enterprise_draw_signals_track();
--> statement-breakpoint
CREATE TRIGGER enterprise_risk_summary_draw_signal_insert AFTER INSERT OR DELETE ON enterprise_risk_summary
  FOR EACH ROW EXECUTE PROCEDURE enterprise_draw_signals_track();
--> statement-breakpoint
CREATE TRIGGER enterprise_risk_summary_draw_signal_update AFTER UPDATE ON enterprise_risk_summary
  FOR EACH ROW WHEN (OLD.level IS DISTINCT FROM NEW.level OR OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id)
  EXECUTE PROCEDURE enterprise_draw_signals_track();
--> statement-breakpoint
CREATE TRIGGER accidents_draw_signal_insert AFTER INSERT OR DELETE ON accidents
  FOR EACH ROW EXECUTE PROCEDURE enterprise_draw_signals_track();
--> statement-breakpoint
CREATE TRIGGER accidents_draw_signal_update AFTER UPDATE ON accidents
  FOR EACH ROW WHEN (OLD.occurred_at IS DISTINCT FROM NEW.occurred_at OR OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id)
  EXECUTE PROCEDURE enterprise_draw_signals_track();
--> statement-breakpoint
-- Migration 0017's functions, now refreshing the signals after each change of the marks.
CREATE OR REPLACE FUNCTION enforcement_marks_apply(e uuid, di integer, decided date) RETURNS void AS $$
BEGIN
  INSERT INTO enterprise_enforcement_marks (enterprise_id, inspections_done, last_decided_on)
  VALUES (e, di, decided)
  ON CONFLICT (enterprise_id) DO UPDATE SET
    inspections_done = enterprise_enforcement_marks.inspections_done + EXCLUDED.inspections_done,
    last_decided_on = greatest(enterprise_enforcement_marks.last_decided_on, EXCLUDED.last_decided_on);
  PERFORM enterprise_draw_signals_refresh(e);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enforcement_track_cases() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.decided_on IS NOT DISTINCT FROM NEW.decided_on AND OLD.fine IS NOT DISTINCT FROM NEW.fine
     AND OLD.enterprise_id = NEW.enterprise_id AND OLD.area_code = NEW.area_code AND OLD.sector = NEW.sector
     AND OLD.park_id IS NOT DISTINCT FROM NEW.park_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.decided_on IS NOT NULL THEN
    PERFORM enforcement_stats_apply(OLD.area_code, OLD.sector, OLD.park_id, OLD.decided_on, 0, 0, -1, -coalesce(OLD.fine, 0));
    -- A decision removed or moved: the latest one is looked up again (rare; additions only ever raise it).
    UPDATE enterprise_enforcement_marks SET last_decided_on =
      (SELECT max(decided_on) FROM penalty_cases WHERE enterprise_id = OLD.enterprise_id)
    WHERE enterprise_id = OLD.enterprise_id;
    PERFORM enterprise_draw_signals_refresh(OLD.enterprise_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.decided_on IS NOT NULL THEN
    PERFORM enforcement_stats_apply(NEW.area_code, NEW.sector, NEW.park_id, NEW.decided_on, 0, 0, 1, coalesce(NEW.fine, 0));
    PERFORM enforcement_marks_apply(NEW.enterprise_id, 0, NEW.decided_on);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
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
--> statement-breakpoint
-- Backfilled before the index exists, so the index is built once, compact, rather than grown by a million updates.
SELECT enterprise_draw_signals_refresh_all();--> statement-breakpoint
CREATE INDEX "enterprises_draw_pool_idx" ON "enterprises" USING btree ("area_code" text_pattern_ops,"id","sector","is_key","park_id","enforcement_inspected","enforcement_last_decided_on","open_major_hazard","risk_level","last_accident_at","draw_word_a","draw_word_b") WHERE "enterprises"."deleted_at" is null and "enterprises"."operating_status" = 'operating';
