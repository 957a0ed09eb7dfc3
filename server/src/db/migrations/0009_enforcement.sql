CREATE TABLE "enforcement_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"org_id" uuid,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"inspection_id" uuid,
	"case_id" uuid,
	"fields" jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"org_name" text,
	"area_code" text NOT NULL,
	"title" text NOT NULL,
	"seed" text NOT NULL,
	"filter" jsonb NOT NULL,
	"weight_table" jsonb NOT NULL,
	"k" integer NOT NULL,
	"inspectors_per_enterprise" integer DEFAULT 2 NOT NULL,
	"pool_count" integer NOT NULL,
	"pool_weight_total" double precision NOT NULL,
	"pool_checksum" text NOT NULL,
	"pool_weights" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"description" text NOT NULL,
	"location" text,
	"grade" text NOT NULL,
	"category" text NOT NULL,
	"basis_id" text,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	"deadline" date,
	"hazard_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"org_name" text,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"kind" text NOT NULL,
	"unannounced" boolean DEFAULT false NOT NULL,
	"draw_id" uuid,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"inspector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"inspector_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"planned_on" date NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inspected_on" date,
	"summary" text,
	"principal_signature" text,
	"inspector_signatures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	"rectification_deadline" date,
	"reinspection_due" date,
	"reinspected_on" date,
	"reinspection_result" text,
	"reinspection_opinion" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalty_case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalty_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"org_id" uuid,
	"org_name" text,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"inspection_id" uuid,
	"procedure" text NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"party_id_number" text,
	"party_phone" text,
	"party_address" text,
	"violation" text NOT NULL,
	"basis_id" text NOT NULL,
	"fine_band" text DEFAULT 'first' NOT NULL,
	"fine" numeric(14, 2),
	"status" text NOT NULL,
	"filed_on" date NOT NULL,
	"extension_days" integer[] DEFAULT '{}'::int[] NOT NULL,
	"decided_on" date,
	"served_on" date,
	"paid_on" date,
	"closed_on" date,
	"first_check_must_penalise" boolean DEFAULT false NOT NULL,
	"double_investigation" boolean DEFAULT false NOT NULL,
	"publish" boolean DEFAULT false NOT NULL,
	"changed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enforcement_documents" ADD CONSTRAINT "enforcement_documents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_documents" ADD CONSTRAINT "enforcement_documents_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_draws" ADD CONSTRAINT "enforcement_draws_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_draw_id_enforcement_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."enforcement_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_case_events" ADD CONSTRAINT "penalty_case_events_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_documents_number_uq" ON "enforcement_documents" USING btree ("org_id","kind","year","seq");--> statement-breakpoint
CREATE INDEX "enforcement_documents_inspection_idx" ON "enforcement_documents" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "enforcement_documents_case_idx" ON "enforcement_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "enforcement_draws_area_idx" ON "enforcement_draws" USING btree ("area_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspections_area_idx" ON "inspections" USING btree ("area_code" text_pattern_ops,"planned_on");--> statement-breakpoint
CREATE INDEX "inspections_enterprise_idx" ON "inspections" USING btree ("enterprise_id","planned_on");--> statement-breakpoint
CREATE INDEX "inspections_reinspection_idx" ON "inspections" USING btree ("reinspection_due") WHERE "inspections"."reinspected_on" is null;--> statement-breakpoint
CREATE INDEX "penalty_case_events_case_idx" ON "penalty_case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_number_uq" ON "penalty_cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "penalty_cases_area_idx" ON "penalty_cases" USING btree ("area_code" text_pattern_ops,"filed_on");--> statement-breakpoint
CREATE INDEX "penalty_cases_enterprise_idx" ON "penalty_cases" USING btree ("enterprise_id","decided_on");