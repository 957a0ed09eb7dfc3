DROP INDEX "penalty_cases_number_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_org_number_uq" ON "penalty_cases" USING btree ("org_id","number");