CREATE TABLE "report_reporters" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"channel_ref" text,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"enterprise_id" uuid,
	"enterprise_name" text,
	"address" text NOT NULL,
	"lon" double precision,
	"lat" double precision,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"named" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid,
	"recorded_by" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"submitted_on" date NOT NULL,
	"accept_due" date NOT NULL,
	"accepted_on" date,
	"handle_due" date,
	"decision_reason" text,
	"transfer_target" text,
	"assignee_id" uuid,
	"findings" text,
	"reply" text,
	"replied_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('received', 'accepted', 'rejected', 'transferred', 'handling', 'replied', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "report_reporters" ADD CONSTRAINT "report_reporters_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_tracking_code_idx" ON "reports" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "reports_area_idx" ON "reports" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "reports_submitted_by_idx" ON "reports" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status","accept_due");