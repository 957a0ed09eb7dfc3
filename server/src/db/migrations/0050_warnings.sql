CREATE TABLE "warning_rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"seq" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"condition_kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"level" text NOT NULL,
	"recipients" text[] NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "warning_rule_versions_status_check" CHECK ("warning_rule_versions"."status" in ('draft', 'active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "warning_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"area_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"level" text NOT NULL,
	"period" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"subject_label" text NOT NULL,
	"enterprise_id" uuid,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"evidence" jsonb NOT NULL,
	"action" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"fired_on" date NOT NULL,
	"handled_note" text,
	"closed_note" text,
	"escalated_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "warnings_status_check" CHECK ("warnings"."status" in ('open', 'acknowledged', 'handled', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "warning_rule_versions" ADD CONSTRAINT "warning_rule_versions_rule_id_warning_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."warning_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_rule_versions" ADD CONSTRAINT "warning_rule_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_rules" ADD CONSTRAINT "warning_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_rule_id_warning_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."warning_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_rule_version_id_warning_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."warning_rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "warning_rule_versions_seq_uq" ON "warning_rule_versions" USING btree ("rule_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_rule_versions_active_uq" ON "warning_rule_versions" USING btree ("rule_id") WHERE "warning_rule_versions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "warning_rule_versions_status_idx" ON "warning_rule_versions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "warning_rules_area_idx" ON "warning_rules" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_dedupe_uq" ON "warnings" USING btree ("rule_id","subject_type","subject_id","period");--> statement-breakpoint
CREATE INDEX "warnings_area_idx" ON "warnings" USING btree ("area_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "warnings_sector_idx" ON "warnings" USING btree ("sector","area_code");--> statement-breakpoint
CREATE INDEX "warnings_park_idx" ON "warnings" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "warnings_enterprise_idx" ON "warnings" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "warnings_status_fired_idx" ON "warnings" USING btree ("status","fired_on");