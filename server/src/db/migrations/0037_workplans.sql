CREATE TABLE "work_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"doc_number" text,
	"year" smallint NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_document" text,
	"report_day" smallint DEFAULT 28 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_task_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"lead_org_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"month" text NOT NULL,
	"progress" text NOT NULL,
	"problems" text,
	"due_on" date NOT NULL,
	"submitted_on" date NOT NULL,
	"late" boolean NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"item" text NOT NULL,
	"content" text NOT NULL,
	"lead_org_id" uuid NOT NULL,
	"co_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"responsibility" text,
	"deadline" date,
	"targets" text,
	"area_code" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"summary" text,
	"return_reason" text,
	"supervised" boolean DEFAULT false NOT NULL,
	"supervision_level" text,
	"supervision_reason" text,
	"assigned_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "work_tasks_status_check" CHECK ("work_tasks"."status" in ('assigned', 'in_progress', 'reported_done', 'accepted', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_task_reports" ADD CONSTRAINT "work_task_reports_task_id_work_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."work_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_task_reports" ADD CONSTRAINT "work_task_reports_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_task_reports" ADD CONSTRAINT "work_task_reports_lead_org_id_organisations_id_fk" FOREIGN KEY ("lead_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_task_reports" ADD CONSTRAINT "work_task_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_tasks" ADD CONSTRAINT "work_tasks_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_tasks" ADD CONSTRAINT "work_tasks_lead_org_id_organisations_id_fk" FOREIGN KEY ("lead_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_plans_area_idx" ON "work_plans" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "work_plans_year_idx" ON "work_plans" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "work_task_reports_task_month_uq" ON "work_task_reports" USING btree ("task_id","month");--> statement-breakpoint
CREATE INDEX "work_task_reports_plan_idx" ON "work_task_reports" USING btree ("plan_id","month");--> statement-breakpoint
CREATE INDEX "work_tasks_plan_idx" ON "work_tasks" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "work_tasks_lead_idx" ON "work_tasks" USING btree ("lead_org_id","status");--> statement-breakpoint
CREATE INDEX "work_tasks_area_idx" ON "work_tasks" USING btree ("area_code" text_pattern_ops);