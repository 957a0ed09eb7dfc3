CREATE TABLE "accident_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"accident_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"due" date NOT NULL,
	"conducted_by" text,
	"listing_mandatory" boolean,
	"source" text NOT NULL,
	"done_at" date,
	"done_by" uuid,
	"done_by_name" text,
	"evidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accident_investigations" (
	"accident_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"direct_causes" text,
	"indirect_causes" text,
	"management_gaps" text,
	"responsibility_findings" text,
	"extension_days" smallint DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"report_submitted_on" date,
	"approved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accident_monthly_rollup" (
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"category" text NOT NULL,
	"type_key" text NOT NULL,
	"cause_category" text NOT NULL,
	"level" text NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"accidents" integer DEFAULT 0 NOT NULL,
	"deaths" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"serious_injuries" integer DEFAULT 0 NOT NULL,
	"direct_loss_wan" numeric(14, 4) DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accident_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"accident_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accident_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"accident_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_at" timestamp with time zone,
	"actor_id" uuid,
	"actor_name" text,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"level_before" text NOT NULL,
	"level_after" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "accidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"area_code" text NOT NULL,
	"address" text NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	"enterprise_id" uuid,
	"unit_name" text,
	"sector" text,
	"park_id" uuid,
	"category" text NOT NULL,
	"type_scheme" text NOT NULL,
	"type_code" text NOT NULL,
	"cause_category" text DEFAULT 'undetermined' NOT NULL,
	"deaths" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"serious_injuries" integer DEFAULT 0 NOT NULL,
	"minor_injuries" integer DEFAULT 0 NOT NULL,
	"direct_loss_wan" numeric(14, 4) DEFAULT 0 NOT NULL,
	"level" text NOT NULL,
	"level_reached_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"head_informed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accident_statistics" (
	"area_code" text NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"category" text NOT NULL,
	"accidents" integer NOT NULL,
	"deaths" integer NOT NULL,
	"injuries" integer,
	"source" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_base" (
	"area_code" text NOT NULL,
	"year" smallint NOT NULL,
	"gdp_yi" double precision,
	"imc_workers" double precision,
	"motor_vehicles" double precision,
	"source" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"area_code" text NOT NULL,
	"year" smallint NOT NULL,
	"indicator" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision,
	"base_year" smallint,
	"base_value" double precision,
	"reduction_percent" double precision,
	"set_by" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accident_follow_ups" ADD CONSTRAINT "accident_follow_ups_accident_id_accidents_id_fk" FOREIGN KEY ("accident_id") REFERENCES "public"."accidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accident_investigations" ADD CONSTRAINT "accident_investigations_accident_id_accidents_id_fk" FOREIGN KEY ("accident_id") REFERENCES "public"."accidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accident_reports" ADD CONSTRAINT "accident_reports_accident_id_accidents_id_fk" FOREIGN KEY ("accident_id") REFERENCES "public"."accidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accident_revisions" ADD CONSTRAINT "accident_revisions_accident_id_accidents_id_fk" FOREIGN KEY ("accident_id") REFERENCES "public"."accidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accidents" ADD CONSTRAINT "accidents_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accidents" ADD CONSTRAINT "accidents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accidents" ADD CONSTRAINT "accidents_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accidents" ADD CONSTRAINT "accidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accident_statistics" ADD CONSTRAINT "accident_statistics_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_base" ADD CONSTRAINT "indicator_base_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accident_follow_ups_duty_uq" ON "accident_follow_ups" USING btree ("accident_id","duty");--> statement-breakpoint
CREATE UNIQUE INDEX "accident_rollup_key_uq" ON "accident_monthly_rollup" USING btree ("area_code","sector","category","type_key","cause_category","level","year","month");--> statement-breakpoint
CREATE INDEX "accident_rollup_area_idx" ON "accident_monthly_rollup" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "accident_rollup_period_idx" ON "accident_monthly_rollup" USING btree ("year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "accident_reports_tier_uq" ON "accident_reports" USING btree ("accident_id","tier");--> statement-breakpoint
CREATE INDEX "accident_revisions_accident_idx" ON "accident_revisions" USING btree ("accident_id","id");--> statement-breakpoint
CREATE INDEX "accidents_area_idx" ON "accidents" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "accidents_occurred_idx" ON "accidents" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "accidents_enterprise_idx" ON "accidents" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "accidents_sector_idx" ON "accidents" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "accidents_park_idx" ON "accidents" USING btree ("park_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accident_statistics_uq" ON "accident_statistics" USING btree ("area_code","year","month","category");--> statement-breakpoint
CREATE INDEX "accident_statistics_area_idx" ON "accident_statistics" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_base_uq" ON "indicator_base" USING btree ("area_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_uq" ON "indicator_targets" USING btree ("area_code","year","indicator");