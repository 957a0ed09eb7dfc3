CREATE TABLE "duty_compliance" (
	"area_len" smallint NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_key" uuid NOT NULL,
	"year" integer NOT NULL,
	"duty" text NOT NULL,
	"period" text NOT NULL,
	"recorded" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "duty_compliance_year_area_len_area_code_sector_park_key_duty_period_pk" PRIMARY KEY("year","area_len","area_code","sector","park_key","duty","period")
);
--> statement-breakpoint
CREATE TABLE "duty_enterprise_years" (
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"recorded_mask" integer DEFAULT 0 NOT NULL,
	"accepted_mask" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_enterprise_years_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
CREATE TABLE "duty_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"duty" text NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"held_on" date NOT NULL,
	"summary" text NOT NULL,
	"participants" integer,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "duty_records_status_check" CHECK ("duty_records"."status" in ('submitted', 'accepted', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "safety_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"year" integer NOT NULL,
	"text_version" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"signer_name" text NOT NULL,
	"typed_name" text,
	"signature_image" text,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "duty_enterprise_years" ADD CONSTRAINT "duty_enterprise_years_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_enterprise_years" ADD CONSTRAINT "duty_enterprise_years_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_records" ADD CONSTRAINT "duty_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_records" ADD CONSTRAINT "duty_records_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_records" ADD CONSTRAINT "duty_records_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_records" ADD CONSTRAINT "duty_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_commitments" ADD CONSTRAINT "safety_commitments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_commitments" ADD CONSTRAINT "safety_commitments_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_commitments" ADD CONSTRAINT "safety_commitments_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_compliance_area_idx" ON "duty_compliance" USING btree ("year","area_len","area_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "duty_records_enterprise_period" ON "duty_records" USING btree ("enterprise_id","duty","period");--> statement-breakpoint
CREATE INDEX "duty_records_area_status_idx" ON "duty_records" USING btree ("area_code" text_pattern_ops,"status","created_at");--> statement-breakpoint
CREATE INDEX "duty_records_sector_status_idx" ON "duty_records" USING btree ("sector","status","created_at");--> statement-breakpoint
CREATE INDEX "duty_records_park_status_idx" ON "duty_records" USING btree ("park_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_commitments_enterprise_year" ON "safety_commitments" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "safety_commitments_area_idx" ON "safety_commitments" USING btree ("year","area_code" text_pattern_ops);