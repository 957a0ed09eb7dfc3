CREATE TABLE "report_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"label" text NOT NULL,
	"area_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_prefix" text NOT NULL,
	"category" text,
	"target_area_code" text NOT NULL,
	"target_sector" text,
	"target_park_id" uuid,
	"priority" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "extensions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "extended_days" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "extended_on" date;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "extended_by" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "routing_rule_id" uuid;--> statement-breakpoint
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_routing_rules" ADD CONSTRAINT "report_routing_rules_target_park_id_parks_id_fk" FOREIGN KEY ("target_park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_links_target_idx" ON "report_links" USING btree ("report_id","kind","target_id");--> statement-breakpoint
CREATE INDEX "report_links_kind_idx" ON "report_links" USING btree ("kind","target_id");--> statement-breakpoint
CREATE INDEX "report_routing_rules_prefix_idx" ON "report_routing_rules" USING btree ("area_prefix" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_handle_due_idx" ON "reports" USING btree ("status","handle_due");--> statement-breakpoint
CREATE INDEX "reports_sector_idx" ON "reports" USING btree ("sector","area_code");--> statement-breakpoint
CREATE INDEX "reports_park_idx" ON "reports" USING btree ("park_id");