CREATE TABLE "report_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"enterprise_id" uuid,
	"year" integer NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"finding" text NOT NULL,
	"due_on" date NOT NULL,
	"report_accepted_on" date,
	"matter" text,
	"fine_fen" bigint,
	"accident_level" text,
	"deaths" integer,
	"basis_ref" text,
	"amount_fen" bigint,
	"computation" text,
	"proposed_by" uuid,
	"proposed_on" date,
	"approved_by" uuid,
	"approved_on" date,
	"paid_on" date,
	"pay_method" text,
	"receipt_no" text,
	"reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_rewards_report_id_unique" UNIQUE("report_id"),
	CONSTRAINT "report_rewards_status_check" CHECK ("report_rewards"."status" in ('due', 'proposed', 'approved', 'paid', 'declined', 'lapsed'))
);
--> statement-breakpoint
CREATE TABLE "report_verifications" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"finding" text NOT NULL,
	"note" text NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_rewards" ADD CONSTRAINT "report_rewards_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD CONSTRAINT "report_rewards_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD CONSTRAINT "report_rewards_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_verifications" ADD CONSTRAINT "report_verifications_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_verifications" ADD CONSTRAINT "report_verifications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_rewards_year_area_idx" ON "report_rewards" USING btree ("year","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "report_rewards_area_due_idx" ON "report_rewards" USING btree ("area_code" text_pattern_ops,"due_on");--> statement-breakpoint
CREATE INDEX "report_rewards_basis_idx" ON "report_rewards" USING btree ("basis_ref") WHERE "report_rewards"."basis_ref" is not null;