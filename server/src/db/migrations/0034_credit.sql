CREATE TABLE "credit_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"kind" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"source_ref" text,
	"severity" text,
	"title" text NOT NULL,
	"points" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"withdrawn_on" date,
	"withdrawn_reason" text,
	"event_id" bigint NOT NULL,
	"last_event_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"party_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"principal_name" text,
	"status" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"grounds" text NOT NULL,
	"sources" jsonb NOT NULL,
	"proposed_on" date NOT NULL,
	"noticed_on" date,
	"objection_due" date,
	"objection" text,
	"objection_received_on" date,
	"review_reason" text,
	"decided_on" date,
	"document_number" text,
	"published_on" date,
	"period_end" date,
	"early_removal_from" date,
	"removed_on" date,
	"removal_kind" text,
	"removal_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "credit_listings_status_check" CHECK ("credit_listings"."status" in ('proposed', 'noticed', 'objection_received', 'reviewed', 'decided', 'published', 'removed', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "credit_summaries" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"scheme_version" text NOT NULL,
	"score" integer NOT NULL,
	"grade" text NOT NULL,
	"active_entries" integer NOT NULL,
	"as_of" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_listings" ADD CONSTRAINT "credit_listings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_summaries" ADD CONSTRAINT "credit_summaries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_entries_source_uq" ON "credit_entries" USING btree ("source_type","source_id","kind");--> statement-breakpoint
CREATE INDEX "credit_entries_enterprise_idx" ON "credit_entries" USING btree ("enterprise_id","occurred_on");--> statement-breakpoint
CREATE INDEX "credit_entries_area_idx" ON "credit_entries" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "credit_listings_enterprise_idx" ON "credit_listings" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "credit_listings_credit_code_idx" ON "credit_listings" USING btree ("credit_code","status");--> statement-breakpoint
CREATE INDEX "credit_listings_status_idx" ON "credit_listings" USING btree ("status","period_end");--> statement-breakpoint
CREATE INDEX "credit_listings_area_idx" ON "credit_listings" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "credit_summaries_grade_idx" ON "credit_summaries" USING btree ("grade","score");--> statement-breakpoint
CREATE INDEX "credit_summaries_area_idx" ON "credit_summaries" USING btree ("area_code" text_pattern_ops);