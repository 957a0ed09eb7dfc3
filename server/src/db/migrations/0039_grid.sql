CREATE TABLE "grid_coverage_monthly" (
	"area_code" text NOT NULL,
	"month" text NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"units_visited" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "grid_coverage_monthly_area_code_month_pk" PRIMARY KEY("area_code","month")
);
--> statement-breakpoint
CREATE TABLE "grid_info_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"area_code" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_inspector_monthly" (
	"inspector_id" uuid NOT NULL,
	"month" text NOT NULL,
	"area_code" text NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "grid_inspector_monthly_inspector_id_month_pk" PRIMARY KEY("inspector_id","month")
);
--> statement-breakpoint
CREATE TABLE "grid_inspector_unit_months" (
	"inspector_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"month" text NOT NULL,
	CONSTRAINT "grid_inspector_unit_months_inspector_id_enterprise_id_month_pk" PRIMARY KEY("inspector_id","enterprise_id","month")
);
--> statement-breakpoint
CREATE TABLE "grid_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"credit_code" text,
	"sector" text,
	"principal_name" text,
	"principal_phone" text,
	"business_description" text,
	"lon" double precision,
	"lat" double precision,
	"status" text DEFAULT 'pending' NOT NULL,
	"registered_by" uuid NOT NULL,
	"enterprise_id" uuid,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "grid_registrations_status_check" CHECK ("grid_registrations"."status" in ('pending', 'confirmed', 'merged', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "grid_unit_months" (
	"enterprise_id" uuid NOT NULL,
	"month" text NOT NULL,
	CONSTRAINT "grid_unit_months_enterprise_id_month_pk" PRIMARY KEY("enterprise_id","month")
);
--> statement-breakpoint
CREATE TABLE "grid_unit_status" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"last_visit_id" uuid NOT NULL,
	"last_visited_at" timestamp with time zone NOT NULL,
	"last_visited_on" date NOT NULL,
	"last_inspector_id" uuid NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"inspector_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"lon" double precision,
	"lat" double precision,
	"distance_m" integer,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rental_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"premises_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"tenant_name" text NOT NULL,
	"tenant_enterprise_id" uuid,
	"intended_use" text NOT NULL,
	"lease_start" date NOT NULL,
	"lease_end" date NOT NULL,
	"commitment_text" text NOT NULL,
	"commitment_signed" boolean NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rental_filings_status_check" CHECK ("rental_filings"."status" in ('submitted', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "rental_premises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"address" text NOT NULL,
	"landlord_kind" text NOT NULL,
	"landlord_name" text NOT NULL,
	"landlord_phone" text,
	"occupancy" text NOT NULL,
	"occupant_name" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grid_info_reports" ADD CONSTRAINT "grid_info_reports_visit_id_grid_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."grid_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_info_reports" ADD CONSTRAINT "grid_info_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_info_reports" ADD CONSTRAINT "grid_info_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_inspector_monthly" ADD CONSTRAINT "grid_inspector_monthly_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_registrations" ADD CONSTRAINT "grid_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_registrations" ADD CONSTRAINT "grid_registrations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_registrations" ADD CONSTRAINT "grid_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_unit_status" ADD CONSTRAINT "grid_unit_status_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_visits" ADD CONSTRAINT "grid_visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_visits" ADD CONSTRAINT "grid_visits_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_visits" ADD CONSTRAINT "grid_visits_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_filings" ADD CONSTRAINT "rental_filings_premises_id_rental_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."rental_premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_filings" ADD CONSTRAINT "rental_filings_tenant_enterprise_id_enterprises_id_fk" FOREIGN KEY ("tenant_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_filings" ADD CONSTRAINT "rental_filings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_filings" ADD CONSTRAINT "rental_filings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_premises" ADD CONSTRAINT "rental_premises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grid_coverage_monthly_month_idx" ON "grid_coverage_monthly" USING btree ("month","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "grid_info_reports_visit_idx" ON "grid_info_reports" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "grid_info_reports_area_idx" ON "grid_info_reports" USING btree ("area_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "grid_inspector_monthly_area_idx" ON "grid_inspector_monthly" USING btree ("month","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "grid_registrations_area_idx" ON "grid_registrations" USING btree ("area_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "grid_unit_status_area_idx" ON "grid_unit_status" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "grid_visits_enterprise_idx" ON "grid_visits" USING btree ("enterprise_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "grid_visits_area_idx" ON "grid_visits" USING btree ("area_code" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "grid_visits_inspector_idx" ON "grid_visits" USING btree ("inspector_id","month");--> statement-breakpoint
CREATE INDEX "rental_filings_premises_idx" ON "rental_filings" USING btree ("premises_id","status","lease_end");--> statement-breakpoint
CREATE INDEX "rental_filings_area_idx" ON "rental_filings" USING btree ("area_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "rental_premises_area_idx" ON "rental_premises" USING btree ("area_code" text_pattern_ops,"occupancy");