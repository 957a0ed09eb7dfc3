-- The workbench's open slices: planned inspections (assigned to me) and undecided penalty cases (past the 90-day
-- limit), each a thin partial index beside millions of done inspections and decided cases.
CREATE INDEX IF NOT EXISTS "inspections_planned_idx" ON "inspections" USING btree ("area_code" text_pattern_ops,"planned_on") WHERE "inspections"."state" = 'planned';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "penalty_cases_undecided_idx" ON "penalty_cases" USING btree ("area_code" text_pattern_ops,"filed_on") WHERE "penalty_cases"."decided_on" is null and "penalty_cases"."status" <> 'closed';
