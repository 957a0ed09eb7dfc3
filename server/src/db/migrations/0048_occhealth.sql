CREATE TABLE "publicity_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"theme" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"items" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "publicity_campaigns_kind_check" CHECK ("publicity_campaigns"."kind" in ('four_ones', 'quarterly_theme', 'safety_month', 'other'))
);
--> statement-breakpoint
CREATE TABLE "publicity_coverage" (
	"campaign_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"targets" integer DEFAULT 0 NOT NULL,
	"reached" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "publicity_coverage_campaign_id_area_code_sector_pk" PRIMARY KEY("campaign_id","area_code","sector")
);
--> statement-breakpoint
CREATE TABLE "publicity_deliveries" (
	"target_id" uuid NOT NULL,
	"item" text NOT NULL,
	"channel" text NOT NULL,
	"source_id" text,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicity_deliveries_target_id_item_pk" PRIMARY KEY("target_id","item"),
	CONSTRAINT "publicity_deliveries_item_check" CHECK ("publicity_deliveries"."item" in ('poster', 'handbook', 'tip', 'lecture', 'film')),
	CONSTRAINT "publicity_deliveries_channel_check" CHECK ("publicity_deliveries"."channel" in ('visit', 'confirm', 'lecture', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "publicity_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"reached" boolean DEFAULT false NOT NULL,
	"reached_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oh_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"declared_on" date NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oh_detections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"report_no" text NOT NULL,
	"agency" text NOT NULL,
	"detected_on" date NOT NULL,
	"results" jsonb NOT NULL,
	"passed" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oh_health_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"kind" text NOT NULL,
	"checked_on" date NOT NULL,
	"result" text NOT NULL,
	"institution" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oh_health_checks_kind_check" CHECK ("oh_health_checks"."kind" in ('pre_employment', 'periodic', 'leaving')),
	CONSTRAINT "oh_health_checks_result_check" CHECK ("oh_health_checks"."result" in ('normal', 'other_abnormal', 'contraindication', 'suspected'))
);
--> statement-breakpoint
CREATE TABLE "oh_ppe_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"issued_on" date NOT NULL,
	"item" text NOT NULL,
	"quantity" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oh_profiles" (
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"declared_on" date,
	"declaration_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_detection_on" date,
	"last_detection_passed" boolean,
	"next_detection_due" date,
	"last_ppe_on" date,
	"grade" text,
	"graded_on" date,
	"declared" boolean DEFAULT false NOT NULL,
	"detected" boolean DEFAULT false NOT NULL,
	"ppe" boolean DEFAULT false NOT NULL,
	"graded" boolean DEFAULT false NOT NULL,
	"exposed_workers" integer DEFAULT 0 NOT NULL,
	"workers_checked" integer DEFAULT 0 NOT NULL,
	"lapses_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "oh_profiles_enterprise_id_pk" PRIMARY KEY("enterprise_id"),
	CONSTRAINT "oh_profiles_grade_check" CHECK ("oh_profiles"."grade" in ('serious', 'heavier', 'general'))
);
--> statement-breakpoint
CREATE TABLE "oh_rate_cells" (
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"enterprises" integer DEFAULT 0 NOT NULL,
	"declared" integer DEFAULT 0 NOT NULL,
	"detected" integer DEFAULT 0 NOT NULL,
	"ppe" integer DEFAULT 0 NOT NULL,
	"graded" integer DEFAULT 0 NOT NULL,
	"exposed_workers" integer DEFAULT 0 NOT NULL,
	"workers_checked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "oh_rate_cells_area_code_sector_pk" PRIMARY KEY("area_code","sector")
);
--> statement-breakpoint
CREATE TABLE "oh_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"name" text NOT NULL,
	"id_number_sealed" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"post" text NOT NULL,
	"factors" text[] NOT NULL,
	"employed_from" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "publicity_campaigns" ADD CONSTRAINT "publicity_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_coverage" ADD CONSTRAINT "publicity_coverage_campaign_id_publicity_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."publicity_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_deliveries" ADD CONSTRAINT "publicity_deliveries_target_id_publicity_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."publicity_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_targets" ADD CONSTRAINT "publicity_targets_campaign_id_publicity_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."publicity_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_targets" ADD CONSTRAINT "publicity_targets_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_targets" ADD CONSTRAINT "publicity_targets_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_declarations" ADD CONSTRAINT "oh_declarations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_declarations" ADD CONSTRAINT "oh_declarations_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_declarations" ADD CONSTRAINT "oh_declarations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_detections" ADD CONSTRAINT "oh_detections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_detections" ADD CONSTRAINT "oh_detections_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_detections" ADD CONSTRAINT "oh_detections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_health_checks" ADD CONSTRAINT "oh_health_checks_worker_id_oh_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."oh_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_health_checks" ADD CONSTRAINT "oh_health_checks_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_health_checks" ADD CONSTRAINT "oh_health_checks_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_ppe_issues" ADD CONSTRAINT "oh_ppe_issues_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_ppe_issues" ADD CONSTRAINT "oh_ppe_issues_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_ppe_issues" ADD CONSTRAINT "oh_ppe_issues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_profiles" ADD CONSTRAINT "oh_profiles_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_profiles" ADD CONSTRAINT "oh_profiles_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_profiles" ADD CONSTRAINT "oh_profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_workers" ADD CONSTRAINT "oh_workers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oh_workers" ADD CONSTRAINT "oh_workers_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publicity_campaigns_area_idx" ON "publicity_campaigns" USING btree ("area_code" text_pattern_ops,"starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "publicity_targets_campaign_enterprise_idx" ON "publicity_targets" USING btree ("campaign_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "publicity_targets_enterprise_idx" ON "publicity_targets" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "publicity_targets_unreached_idx" ON "publicity_targets" USING btree ("campaign_id","area_code" text_pattern_ops) WHERE not "publicity_targets"."reached";--> statement-breakpoint
CREATE INDEX "oh_declarations_enterprise_idx" ON "oh_declarations" USING btree ("enterprise_id","declared_on");--> statement-breakpoint
CREATE INDEX "oh_detections_enterprise_idx" ON "oh_detections" USING btree ("enterprise_id","detected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "oh_detections_report_idx" ON "oh_detections" USING btree ("enterprise_id","report_no");--> statement-breakpoint
CREATE INDEX "oh_health_checks_worker_idx" ON "oh_health_checks" USING btree ("worker_id","checked_on");--> statement-breakpoint
CREATE INDEX "oh_ppe_issues_enterprise_idx" ON "oh_ppe_issues" USING btree ("enterprise_id","issued_on");--> statement-breakpoint
CREATE INDEX "oh_profiles_area_idx" ON "oh_profiles" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "oh_profiles_due_idx" ON "oh_profiles" USING btree ("next_detection_due");--> statement-breakpoint
CREATE INDEX "oh_profiles_lapse_idx" ON "oh_profiles" USING btree ("lapses_on");--> statement-breakpoint
CREATE INDEX "oh_workers_enterprise_idx" ON "oh_workers" USING btree ("enterprise_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "oh_workers_enterprise_id_number_idx" ON "oh_workers" USING btree ("enterprise_id","id_number_hash");