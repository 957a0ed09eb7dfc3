CREATE TABLE "enterprise_risk_summary" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"level" text,
	"major" integer DEFAULT 0 NOT NULL,
	"significant" integer DEFAULT 0 NOT NULL,
	"general" integer DEFAULT 0 NOT NULL,
	"low" integer DEFAULT 0 NOT NULL,
	"unassessed" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"name" text NOT NULL,
	"hazard_factors" text,
	"consequences" text,
	"accident_type_scheme" text,
	"accident_type_code" text,
	"method" text,
	"lec_l" double precision,
	"lec_e" double precision,
	"lec_c" double precision,
	"lec_d" double precision,
	"danger_degree" text,
	"matrix_l" smallint,
	"matrix_s" smallint,
	"matrix_r" smallint,
	"config_id" text,
	"level" text,
	"assessed_at" timestamp with time zone,
	"assessed_by" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"responsible_level" text NOT NULL,
	"responsible_person" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "risk_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"location" text,
	"description" text,
	"emergency_phone" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_task_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"source_key" text NOT NULL,
	"measure_id" uuid,
	"template_item_id" uuid,
	"event_id" uuid,
	"content" text NOT NULL,
	"basis" text,
	"unit_name" text,
	"event_name" text,
	"risk_level" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"photo_id" text,
	"hazard_id" uuid,
	"checked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "check_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"level" text NOT NULL,
	"frequency" text NOT NULL,
	"period_start" date NOT NULL,
	"due_date" date NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"done_by_name" text,
	"item_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"content" text NOT NULL,
	"basis" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "check_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sector" text,
	"hazard_tag" text,
	"check_level" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_risk_summary" ADD CONSTRAINT "enterprise_risk_summary_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_risk_summary" ADD CONSTRAINT "enterprise_risk_summary_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_unit_id_risk_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."risk_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_event_id_risk_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."risk_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_unit_id_risk_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."risk_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_settings" ADD CONSTRAINT "risk_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_units" ADD CONSTRAINT "risk_units_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_units" ADD CONSTRAINT "risk_units_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_task_items" ADD CONSTRAINT "check_task_items_task_id_check_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."check_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_tasks" ADD CONSTRAINT "check_tasks_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_tasks" ADD CONSTRAINT "check_tasks_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_tasks" ADD CONSTRAINT "check_tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_template_items" ADD CONSTRAINT "check_template_items_template_id_check_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."check_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_risk_summary_area_idx" ON "enterprise_risk_summary" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprise_risk_summary_sector_idx" ON "enterprise_risk_summary" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "risk_events_unit_idx" ON "risk_events" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "risk_events_enterprise_idx" ON "risk_events" USING btree ("enterprise_id","level") WHERE "risk_events"."status" = 'open' and "risk_events"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "risk_measures_event_idx" ON "risk_measures" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "risk_measures_level_idx" ON "risk_measures" USING btree ("responsible_level","enterprise_id") WHERE "risk_measures"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "risk_units_enterprise_idx" ON "risk_units" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "risk_units_area_idx" ON "risk_units" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "check_task_items_source_uq" ON "check_task_items" USING btree ("task_id","source_key");--> statement-breakpoint
CREATE UNIQUE INDEX "check_tasks_period_uq" ON "check_tasks" USING btree ("enterprise_id","level","period_start");--> statement-breakpoint
CREATE INDEX "check_tasks_area_due_idx" ON "check_tasks" USING btree ("area_code" text_pattern_ops,"due_date");--> statement-breakpoint
CREATE INDEX "check_tasks_enterprise_due_idx" ON "check_tasks" USING btree ("enterprise_id","due_date");--> statement-breakpoint
CREATE INDEX "check_template_items_template_idx" ON "check_template_items" USING btree ("template_id");