CREATE TABLE "enforcement_stats_monthly" (
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_key" text NOT NULL,
	"month" text NOT NULL,
	"inspections" integer DEFAULT 0 NOT NULL,
	"findings" integer DEFAULT 0 NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"fines" numeric(16, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "enforcement_stats_monthly_month_area_code_sector_park_key_pk" PRIMARY KEY("month","area_code","sector","park_key")
);
--> statement-breakpoint
CREATE TABLE "enterprise_enforcement_marks" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"inspections_done" integer DEFAULT 0 NOT NULL,
	"last_decided_on" date
);
--> statement-breakpoint
ALTER TABLE "enforcement_draws" ADD COLUMN "uniform" text DEFAULT 'md5' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise_enforcement_marks" ADD CONSTRAINT "enterprise_enforcement_marks_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enforcement_stats_area_idx" ON "enforcement_stats_monthly" USING btree ("area_code" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "penalty_cases_list_idx" ON "penalty_cases" USING btree ("filed_on" DESC NULLS LAST,"created_at" DESC NULLS LAST);--> statement-breakpoint
-- Keeps enforcement_stats_monthly and enterprise_enforcement_marks exact for every write path (API, seed, bulk SQL):
-- derived data, so triggers in the writing transaction rather than application code one path could forget (as
-- enterprise_counts does). An inspection counts once it is done, in the month of inspected_on, with the findings it
-- has at that moment; a finding added or removed later moves its done inspection's bucket by one. A penalty case
-- counts in the month of decided_on with its fine. Counts move by deltas under the row lock of the upsert, so
-- concurrent writers never lose an update.
CREATE OR REPLACE FUNCTION enforcement_stats_apply(a text, s text, p uuid, m date, di integer, df integer, dc integer, dfine numeric) RETURNS void AS $$
BEGIN
  INSERT INTO enforcement_stats_monthly (area_code, sector, park_key, month, inspections, findings, cases, fines)
  VALUES (a, s, coalesce(p::text, ''), to_char(m, 'YYYY-MM'), di, df, dc, dfine)
  ON CONFLICT (month, area_code, sector, park_key) DO UPDATE SET
    inspections = enforcement_stats_monthly.inspections + EXCLUDED.inspections,
    findings = enforcement_stats_monthly.findings + EXCLUDED.findings,
    cases = enforcement_stats_monthly.cases + EXCLUDED.cases,
    fines = enforcement_stats_monthly.fines + EXCLUDED.fines;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enforcement_marks_apply(e uuid, di integer, decided date) RETURNS void AS $$
BEGIN
  INSERT INTO enterprise_enforcement_marks (enterprise_id, inspections_done, last_decided_on)
  VALUES (e, di, decided)
  ON CONFLICT (enterprise_id) DO UPDATE SET
    inspections_done = enterprise_enforcement_marks.inspections_done + EXCLUDED.inspections_done,
    last_decided_on = greatest(enterprise_enforcement_marks.last_decided_on, EXCLUDED.last_decided_on);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enforcement_track_inspections() RETURNS trigger AS $$
DECLARE
  n integer;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.state = 'done') = (NEW.state = 'done') AND OLD.inspected_on IS NOT DISTINCT FROM NEW.inspected_on
     AND OLD.enterprise_id = NEW.enterprise_id AND OLD.area_code = NEW.area_code AND OLD.sector = NEW.sector
     AND OLD.park_id IS NOT DISTINCT FROM NEW.park_id THEN
    RETURN NULL; -- nothing counted changed
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'done' THEN
    PERFORM enforcement_marks_apply(OLD.enterprise_id, -1, NULL);
    IF OLD.inspected_on IS NOT NULL THEN
      SELECT count(*) INTO n FROM inspection_findings WHERE inspection_id = OLD.id;
      PERFORM enforcement_stats_apply(OLD.area_code, OLD.sector, OLD.park_id, OLD.inspected_on, -1, -n, 0, 0);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'done' THEN
    PERFORM enforcement_marks_apply(NEW.enterprise_id, 1, NULL);
    IF NEW.inspected_on IS NOT NULL THEN
      SELECT count(*) INTO n FROM inspection_findings WHERE inspection_id = NEW.id;
      PERFORM enforcement_stats_apply(NEW.area_code, NEW.sector, NEW.park_id, NEW.inspected_on, 1, n, 0, 0);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enforcement_track_findings() RETURNS trigger AS $$
DECLARE
  i record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.inspection_id = NEW.inspection_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT area_code, sector, park_id, inspected_on INTO i FROM inspections
      WHERE id = OLD.inspection_id AND state = 'done' AND inspected_on IS NOT NULL;
    IF FOUND THEN
      PERFORM enforcement_stats_apply(i.area_code, i.sector, i.park_id, i.inspected_on, 0, -1, 0, 0);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT area_code, sector, park_id, inspected_on INTO i FROM inspections
      WHERE id = NEW.inspection_id AND state = 'done' AND inspected_on IS NOT NULL;
    IF FOUND THEN
      PERFORM enforcement_stats_apply(i.area_code, i.sector, i.park_id, i.inspected_on, 0, 1, 0, 0);
    END IF;
  END IF;
  RETURN NULL;
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
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.decided_on IS NOT NULL THEN
    PERFORM enforcement_stats_apply(NEW.area_code, NEW.sector, NEW.park_id, NEW.decided_on, 0, 0, 1, coalesce(NEW.fine, 0));
    PERFORM enforcement_marks_apply(NEW.enterprise_id, 0, NEW.decided_on);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER inspections_enforcement_track AFTER INSERT OR UPDATE OR DELETE ON inspections
  FOR EACH ROW EXECUTE PROCEDURE enforcement_track_inspections();
--> statement-breakpoint
CREATE TRIGGER inspection_findings_enforcement_track AFTER INSERT OR UPDATE OR DELETE ON inspection_findings
  FOR EACH ROW EXECUTE PROCEDURE enforcement_track_findings();
--> statement-breakpoint
CREATE TRIGGER penalty_cases_enforcement_track AFTER INSERT OR UPDATE OR DELETE ON penalty_cases
  FOR EACH ROW EXECUTE PROCEDURE enforcement_track_cases();
--> statement-breakpoint
-- The rows written before the triggers existed; modules/enforcement/stats.queries.ts rebuildEnforcementAggregates
-- runs the same statements after bulk loads that bypass the triggers.
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
--> statement-breakpoint
INSERT INTO enterprise_enforcement_marks (enterprise_id, inspections_done, last_decided_on)
SELECT enterprise_id, sum(n)::int, max(d)
FROM (
  SELECT enterprise_id, count(*) AS n, NULL::date AS d FROM inspections WHERE state = 'done' GROUP BY 1
  UNION ALL
  SELECT enterprise_id, 0, max(decided_on) FROM penalty_cases WHERE decided_on IS NOT NULL GROUP BY 1
) x
GROUP BY 1;
--> statement-breakpoint
-- The draw's "open major hidden danger" signal: the few open 重大事故隐患 by enterprise, so a draw reads a handful of
-- index entries instead of scanning every hidden danger (10,000,000 at province scale). Declared here, with the
-- enforcement reads it serves, rather than in the hazards schema; IF NOT EXISTS so a later declaration there is harmless.
CREATE INDEX IF NOT EXISTS "hazards_open_major_enterprise_idx" ON "hazards" USING btree ("enterprise_id")
  WHERE "grade" = 'major' AND "state" IN ('reported', 'rectifying', 'awaiting_acceptance');
