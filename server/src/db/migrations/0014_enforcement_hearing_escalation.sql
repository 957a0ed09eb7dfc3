ALTER TABLE "inspections" ADD COLUMN "principal_duty" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "origin" text DEFAULT 'direct' NOT NULL;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "hazard_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "hearing_requested_on" date;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "hearing_on" date;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "hearing_place" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "hearing_presider_id" uuid;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "hearing_presider_name" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "hearing_held_on" date;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "hearing_record" text;--> statement-breakpoint
CREATE INDEX "inspections_principal_duty_idx" ON "inspections" USING btree ("area_code" text_pattern_ops,"inspected_on") WHERE "inspections"."principal_duty" and "inspections"."state" = 'done';--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_reinspection_uq" ON "penalty_cases" USING btree ("inspection_id") WHERE "penalty_cases"."origin" = 'reinspection';