-- The 双随机 draw's pool as its own narrow table (issue 17: the draw under 2 s at p95 over a province's ~930,000
-- operating enterprises). Half of a draw went to reading the 860 MB enterprise table (or the 212 MB covering index
-- enterprises_draw_pool_idx, which only the draw read); the same rows with only the columns a draw reads are ~120 MB.
-- Filled once here (the body of functions/enterprise_draw_pool_rebuild.sql as of this migration: the function files
-- are applied after the migrations), in area order so a street's or district's pool lies on neighbouring pages; the
-- primary key and indexes are built after the fill. From here the triggers enterprises_draw_pool and
-- enterprises_draw_pool_update keep it.
CREATE TABLE "enterprise_draw_pool" (
	"id" uuid NOT NULL,
	"draw_word_a" bigint NOT NULL,
	"draw_word_b" bigint NOT NULL,
	"last_accident_at" timestamp with time zone,
	"enforcement_last_decided_on" date,
	"is_key" boolean NOT NULL,
	"enforcement_inspected" boolean NOT NULL,
	"open_major_hazard" boolean NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"risk_level" text,
	"credit_grade" text,
	"hazard_tags" text[] NOT NULL
);
--> statement-breakpoint
INSERT INTO enterprise_draw_pool (id, draw_word_a, draw_word_b, last_accident_at, enforcement_last_decided_on, is_key,
                                  enforcement_inspected, open_major_hazard, area_code, sector, park_id, risk_level,
                                  credit_grade, hazard_tags)
SELECT id, draw_word_a, draw_word_b, last_accident_at, enforcement_last_decided_on, is_key, enforcement_inspected,
       open_major_hazard, area_code, sector, park_id, risk_level, credit_grade, hazard_tags
FROM enterprises
WHERE deleted_at IS NULL AND operating_status = 'operating'
ORDER BY area_code, id;
--> statement-breakpoint
ALTER TABLE "enterprise_draw_pool" ADD CONSTRAINT "enterprise_draw_pool_pkey" PRIMARY KEY ("id");--> statement-breakpoint
CREATE INDEX "enterprise_draw_pool_area_idx" ON "enterprise_draw_pool" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprise_draw_pool_park_idx" ON "enterprise_draw_pool" USING btree ("park_id");--> statement-breakpoint
-- Nothing else reads the covering index: the draw reads the table above.
DROP INDEX "enterprises_draw_pool_idx";--> statement-breakpoint
-- Churned like enterprises (every signal change rewrites a row): the same autovacuum thresholds (migration 0055).
ALTER TABLE "enterprise_draw_pool" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);--> statement-breakpoint
-- Statistics now, so the first draws after an upgrade are planned on the filled table.
ANALYZE enterprise_draw_pool;
