CREATE TABLE "hazard_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"actor_role" text,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachments" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_listings" (
	"hazard_id" uuid PRIMARY KEY NOT NULL,
	"supervising_org_id" uuid,
	"supervising_org_name" text,
	"document_number" text NOT NULL,
	"listed_on" date NOT NULL,
	"required_completion_date" date NOT NULL,
	"stop_production" boolean DEFAULT false NOT NULL,
	"review_applied_on" date,
	"review_due" date,
	"reviewed_on" date,
	"delisted_on" date,
	"delist_document_number" text
);
--> statement-breakpoint
CREATE TABLE "hazard_stats_monthly" (
	"area_code" text NOT NULL,
	"park_key" text NOT NULL,
	"sector" text NOT NULL,
	"source" text NOT NULL,
	"grade" text NOT NULL,
	"month" text NOT NULL,
	"found" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_late" integer DEFAULT 0 NOT NULL,
	"close_days" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hazard_stats_monthly_area_code_park_key_sector_source_grade_month_pk" PRIMARY KEY("area_code","park_key","sector","source","grade","month")
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"source" text NOT NULL,
	"description" text NOT NULL,
	"location" text,
	"category" text NOT NULL,
	"accident_type" text,
	"grade" text NOT NULL,
	"major_item_id" text,
	"found_on" date NOT NULL,
	"responsible_person" text,
	"measures" text,
	"funds" numeric(14, 2),
	"deadline" date,
	"deadline_days" integer,
	"deadline_unit" text,
	"implementations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"treatment_plan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text NOT NULL,
	"submitted_on" date,
	"closed_on" date,
	"origin_type" text,
	"origin_id" text,
	"reported_by" uuid,
	"reported_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "hazards_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_name" text NOT NULL,
	"original_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"kind" text NOT NULL,
	"thumbnail_name" text,
	"owner_type" text,
	"owner_id" uuid,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_storage_name_unique" UNIQUE("storage_name")
);
--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_listings" ADD CONSTRAINT "hazard_listings_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_listings" ADD CONSTRAINT "hazard_listings_supervising_org_id_organisations_id_fk" FOREIGN KEY ("supervising_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","id");--> statement-breakpoint
CREATE INDEX "hazard_listings_due_idx" ON "hazard_listings" USING btree ("required_completion_date");--> statement-breakpoint
CREATE INDEX "hazard_stats_area_idx" ON "hazard_stats_monthly" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "hazard_stats_month_idx" ON "hazard_stats_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "hazards_area_idx" ON "hazards" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "hazards_enterprise_idx" ON "hazards" USING btree ("enterprise_id","found_on");--> statement-breakpoint
CREATE INDEX "hazards_state_idx" ON "hazards" USING btree ("state","found_on");--> statement-breakpoint
CREATE INDEX "hazards_open_deadline_idx" ON "hazards" USING btree ("deadline") WHERE "hazards"."state" in ('reported', 'rectifying');--> statement-breakpoint
CREATE INDEX "hazards_origin_idx" ON "hazards" USING btree ("origin_type","origin_id");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "files_uploader_idx" ON "files" USING btree ("uploaded_by","created_at");