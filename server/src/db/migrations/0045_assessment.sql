CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"indicators" jsonb NOT NULL,
	"vetoes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_org_ids" uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessment_schemes_status_check" CHECK ("assessment_schemes"."status" in ('draft', 'frozen'))
);
--> statement-breakpoint
CREATE TABLE "assessment_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"org_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"veto_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vetoed" boolean DEFAULT false NOT NULL,
	"entered" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_total" double precision DEFAULT 0 NOT NULL,
	"adjustment" double precision DEFAULT 0 NOT NULL,
	"total" double precision DEFAULT 0 NOT NULL,
	"objection" text,
	"adjust_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessment_sheets_status_check" CHECK ("assessment_sheets"."status" in ('draft', 'published', 'objection', 'adjusted', 'final'))
);
--> statement-breakpoint
CREATE TABLE "work_bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"plan_id" uuid,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"min_items" integer NOT NULL,
	"rule" text NOT NULL,
	"body" text NOT NULL,
	"rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipient_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "work_bulletins_status_check" CHECK ("work_bulletins"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "work_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"person_title" text,
	"held_on" date NOT NULL,
	"held_by" text NOT NULL,
	"reason" text NOT NULL,
	"task_id" uuid,
	"minutes" text,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sheets" ADD CONSTRAINT "assessment_sheets_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sheets" ADD CONSTRAINT "assessment_sheets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_bulletins" ADD CONSTRAINT "work_bulletins_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_bulletins" ADD CONSTRAINT "work_bulletins_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_bulletins" ADD CONSTRAINT "work_bulletins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_interviews" ADD CONSTRAINT "work_interviews_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_interviews" ADD CONSTRAINT "work_interviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_interviews" ADD CONSTRAINT "work_interviews_task_id_work_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."work_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_interviews" ADD CONSTRAINT "work_interviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_rev_uq" ON "assessment_schemes" USING btree ("area_code","year","revision");--> statement-breakpoint
CREATE INDEX "assessment_schemes_area_idx" ON "assessment_schemes" USING btree ("area_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_sheets_scheme_org_uq" ON "assessment_sheets" USING btree ("scheme_id","org_id");--> statement-breakpoint
CREATE INDEX "assessment_sheets_rank_idx" ON "assessment_sheets" USING btree ("scheme_id","vetoed","total" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assessment_sheets_org_idx" ON "assessment_sheets" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "assessment_sheets_area_idx" ON "assessment_sheets" USING btree ("area_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "work_bulletins_area_idx" ON "work_bulletins" USING btree ("area_code" text_pattern_ops,"created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "work_bulletins_recipients_idx" ON "work_bulletins" USING gin ("recipient_org_ids");--> statement-breakpoint
CREATE INDEX "work_interviews_area_idx" ON "work_interviews" USING btree ("area_code" text_pattern_ops,"held_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "work_interviews_org_idx" ON "work_interviews" USING btree ("org_id","held_on" DESC NULLS LAST);