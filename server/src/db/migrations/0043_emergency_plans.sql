CREATE TABLE "emergency_drill_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"drill_id" uuid NOT NULL,
	"description" text NOT NULL,
	"action" text NOT NULL,
	"due_on" date NOT NULL,
	"revision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_drill_status" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"last_plan_drill_on" date,
	"last_onsite_drill_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"plan_id" uuid,
	"plan_type" text NOT NULL,
	"kind" text NOT NULL,
	"double_blind" boolean DEFAULT false NOT NULL,
	"scenario" text NOT NULL,
	"planned_on" date,
	"held_on" date,
	"participants" integer DEFAULT 0 NOT NULL,
	"participants_note" text,
	"evaluation" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "emergency_drills_kind_check" CHECK ("emergency_drills"."kind" in ('tabletop', 'functional', 'full_scale')),
	CONSTRAINT "emergency_drills_plan_type_check" CHECK ("emergency_drills"."plan_type" in ('comprehensive', 'special', 'onsite'))
);
--> statement-breakpoint
CREATE TABLE "emergency_plan_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"post" text NOT NULL,
	"risks" text NOT NULL,
	"steps" text NOT NULL,
	"report_to" text
);
--> statement-breakpoint
CREATE TABLE "emergency_plan_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"trigger" text NOT NULL,
	"occurred_on" date NOT NULL,
	"due_on" date NOT NULL,
	"note" text NOT NULL,
	"source_key" text,
	"completed_on" date,
	"completed_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "emergency_plan_revisions_trigger_check" CHECK ("emergency_plan_revisions"."trigger" in ('law_change', 'organisation_change', 'major_risk_change', 'accident', 'drill_finding'))
);
--> statement-breakpoint
CREATE TABLE "emergency_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"published_on" date NOT NULL,
	"change_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_type" text NOT NULL,
	"title" text NOT NULL,
	"enterprise_id" uuid,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"status" text NOT NULL,
	"summary" text,
	"version_no" integer DEFAULT 1 NOT NULL,
	"published_on" date NOT NULL,
	"filing_no" text,
	"filed_on" date,
	"return_reason" text,
	"last_evaluated_on" date,
	"evaluation_due_on" date,
	"open_revisions" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "emergency_plans_status_check" CHECK ("emergency_plans"."status" in ('draft', 'submitted', 'filed', 'returned')),
	CONSTRAINT "emergency_plans_type_check" CHECK ("emergency_plans"."plan_type" in ('gov_overall', 'gov_special', 'gov_departmental', 'comprehensive', 'special', 'onsite'))
);
--> statement-breakpoint
ALTER TABLE "emergency_drill_findings" ADD CONSTRAINT "emergency_drill_findings_drill_id_emergency_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."emergency_drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_drill_findings" ADD CONSTRAINT "emergency_drill_findings_revision_id_emergency_plan_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."emergency_plan_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_drill_status" ADD CONSTRAINT "emergency_drill_status_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_drills" ADD CONSTRAINT "emergency_drills_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_drills" ADD CONSTRAINT "emergency_drills_plan_id_emergency_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."emergency_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_drills" ADD CONSTRAINT "emergency_drills_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_plan_cards" ADD CONSTRAINT "emergency_plan_cards_plan_id_emergency_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."emergency_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_plan_revisions" ADD CONSTRAINT "emergency_plan_revisions_plan_id_emergency_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."emergency_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_plan_revisions" ADD CONSTRAINT "emergency_plan_revisions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_plan_revisions" ADD CONSTRAINT "emergency_plan_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_plan_versions" ADD CONSTRAINT "emergency_plan_versions_plan_id_emergency_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."emergency_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_plan_versions" ADD CONSTRAINT "emergency_plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_plans" ADD CONSTRAINT "emergency_plans_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_plans" ADD CONSTRAINT "emergency_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_drill_findings_drill_idx" ON "emergency_drill_findings" USING btree ("drill_id");--> statement-breakpoint
CREATE INDEX "emergency_drill_status_area_idx" ON "emergency_drill_status" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "emergency_drill_status_sector_idx" ON "emergency_drill_status" USING btree ("sector","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "emergency_drill_status_park_idx" ON "emergency_drill_status" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "emergency_drills_area_idx" ON "emergency_drills" USING btree ("area_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "emergency_drills_sector_idx" ON "emergency_drills" USING btree ("sector","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "emergency_drills_park_idx" ON "emergency_drills" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "emergency_drills_enterprise_idx" ON "emergency_drills" USING btree ("enterprise_id","held_on");--> statement-breakpoint
CREATE INDEX "emergency_plan_cards_plan_idx" ON "emergency_plan_cards" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "emergency_plan_revisions_plan_idx" ON "emergency_plan_revisions" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "emergency_plan_revisions_area_idx" ON "emergency_plan_revisions" USING btree ("area_code" text_pattern_ops,"due_on");--> statement-breakpoint
CREATE INDEX "emergency_plan_revisions_open_idx" ON "emergency_plan_revisions" USING btree ("due_on") WHERE "emergency_plan_revisions"."completed_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_plan_revisions_source_key" ON "emergency_plan_revisions" USING btree ("plan_id","source_key");--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_plan_versions_key" ON "emergency_plan_versions" USING btree ("plan_id","version_no");--> statement-breakpoint
CREATE INDEX "emergency_plans_area_idx" ON "emergency_plans" USING btree ("area_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "emergency_plans_sector_idx" ON "emergency_plans" USING btree ("sector","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "emergency_plans_park_idx" ON "emergency_plans" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "emergency_plans_enterprise_idx" ON "emergency_plans" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "emergency_plans_status_idx" ON "emergency_plans" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "emergency_plans_evaluation_idx" ON "emergency_plans" USING btree ("evaluation_due_on");