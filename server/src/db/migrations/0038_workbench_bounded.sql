DROP INDEX "penalty_cases_number_uq";--> statement-breakpoint
DROP INDEX "penalty_cases_undecided_idx";--> statement-breakpoint
CREATE INDEX "enforcement_stats_month_area_idx" ON "enforcement_stats_monthly" USING btree ("month","area_code" text_pattern_ops,"inspections");--> statement-breakpoint
CREATE INDEX "inspections_planned_mine_idx" ON "inspections" USING gin ("inspector_ids") WHERE "inspections"."state" = 'planned';--> statement-breakpoint
CREATE INDEX "inspections_reinspect_mine_idx" ON "inspections" USING gin ("inspector_ids") WHERE "inspections"."reinspection_due" is not null and "inspections"."reinspected_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_org_number_uq" ON "penalty_cases" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "penalty_cases_open_by_creator_idx" ON "penalty_cases" USING btree ("created_by","filed_on") WHERE "penalty_cases"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "penalty_cases_undecided_idx" ON "penalty_cases" USING btree ("area_code" text_pattern_ops,"filed_on","hearing_requested_on","hearing_held_on","extension_days") WHERE "penalty_cases"."decided_on" is null and "penalty_cases"."status" <> 'closed';