CREATE TABLE "commitment_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sector" text NOT NULL,
	"version" text NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_kept_counts" (
	"area_len" smallint NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_key" uuid NOT NULL,
	"year" integer NOT NULL,
	"kept_through" smallint NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "duty_kept_counts_year_area_len_area_code_sector_park_key_kept_through_pk" PRIMARY KEY("year","area_len","area_code","sector","park_key","kept_through")
);
--> statement-breakpoint
CREATE TABLE "insurance_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
DROP INDEX "enterprises_draw_pool_idx";--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "credit_grade" text;--> statement-breakpoint
ALTER TABLE "commitment_texts" ADD CONSTRAINT "commitment_texts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_settings" ADD CONSTRAINT "insurance_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_texts_sector_seq" ON "commitment_texts" USING btree ("sector","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_texts_version" ON "commitment_texts" USING btree ("version");--> statement-breakpoint
CREATE INDEX "duty_kept_counts_area_idx" ON "duty_kept_counts" USING btree ("year","area_len","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_draw_pool_idx" ON "enterprises" USING btree ("area_code" text_pattern_ops,"id","sector","is_key","park_id","enforcement_inspected","enforcement_last_decided_on","open_major_hazard","risk_level","last_accident_at","credit_grade","draw_word_a","draw_word_b") WHERE "enterprises"."deleted_at" is null and "enterprises"."operating_status" = 'operating';--> statement-breakpoint
-- The draw's credit factor: existing summaries' grades mirrored onto their enterprises (the credit consumer keeps
-- them from now on).
UPDATE "enterprises" e SET "credit_grade" = s."grade" FROM "credit_summaries" s WHERE s."enterprise_id" = e."id";--> statement-breakpoint
-- duty_kept_counts from the existing enterprise-year masks: stage s is kept when the mask holds every obligation due
-- after s months (commitments.rules.ts dueMaskAt/keptThrough; the masks below are dueMaskAt(0…12), each holding the
-- one before, so the largest s held is the stage kept through).
INSERT INTO "duty_kept_counts" ("area_len", "area_code", "sector", "park_key", "year", "kept_through", "n")
SELECT l.len, substr(y."area_code", 1, l.len), y."sector", coalesce(y."park_id", '00000000-0000-0000-0000-000000000000'::uuid), y."year",
       k.s, count(*)::int
FROM "duty_enterprise_years" y
CROSS JOIN (VALUES (2), (4), (6), (9)) l(len)
CROSS JOIN LATERAL (
  SELECT max(d.s) AS s FROM (VALUES (0, 0), (1, 1), (2, 3), (3, 4103), (4, 4111), (5, 4127), (6, 12351), (7, 12415), (8, 12543),
                                   (9, 29183), (10, 29695), (11, 30719), (12, 4194303)) d(s, m)
  WHERE (y."accepted_mask" & d.m) = d.m
) k
WHERE k.s > 0
GROUP BY 1, 2, 3, 4, 5, 6;
