CREATE TABLE "enterprise_counts" (
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid NOT NULL,
	"is_key" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_counts_key" ON "enterprise_counts" USING btree ("area_code","sector","park_id","is_key");--> statement-breakpoint
CREATE INDEX "enterprise_counts_area_idx" ON "enterprise_counts" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
-- Keeps enterprise_counts exact for every write path (API, import, bulk seed, SQL by hand): a derived
-- counter, so a trigger rather than application code that one path could forget. Only live rows count.
CREATE OR REPLACE FUNCTION enterprise_counts_apply(a text, s text, p uuid, k boolean, delta integer) RETURNS void AS $$
BEGIN
  INSERT INTO enterprise_counts (area_code, sector, park_id, is_key, n)
  VALUES (a, s, coalesce(p, '00000000-0000-0000-0000-000000000000'::uuid), k, delta)
  ON CONFLICT (area_code, sector, park_id, is_key) DO UPDATE SET n = enterprise_counts.n + EXCLUDED.n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enterprise_counts_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
    IF TG_OP = 'UPDATE' AND NEW.deleted_at IS NULL AND NEW.area_code = OLD.area_code AND NEW.sector = OLD.sector
       AND NEW.park_id IS NOT DISTINCT FROM OLD.park_id AND NEW.is_key = OLD.is_key THEN
      RETURN NULL; -- nothing counted changed
    END IF;
    PERFORM enterprise_counts_apply(OLD.area_code, OLD.sector, OLD.park_id, OLD.is_key, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
    PERFORM enterprise_counts_apply(NEW.area_code, NEW.sector, NEW.park_id, NEW.is_key, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER enterprises_counts AFTER INSERT OR UPDATE OR DELETE ON enterprises
  FOR EACH ROW EXECUTE PROCEDURE enterprise_counts_track();
--> statement-breakpoint
INSERT INTO enterprise_counts (area_code, sector, park_id, is_key, n)
SELECT area_code, sector, coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid), is_key, count(*)::int
FROM enterprises WHERE deleted_at IS NULL
GROUP BY 1, 2, 3, 4;
