CREATE TABLE "insurance_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"insurer" text NOT NULL,
	"policy_no" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"insured_persons" integer NOT NULL,
	"premium_fen" bigint NOT NULL,
	"rate_factor" double precision NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "insurance_policies_period_check" CHECK ("insurance_policies"."ends_on" >= "insurance_policies"."starts_on"),
	CONSTRAINT "insurance_policies_amounts_check" CHECK ("insurance_policies"."premium_fen" >= 0 and "insurance_policies"."insured_persons" >= 0 and "insurance_policies"."rate_factor" > 0)
);
--> statement-breakpoint
CREATE TABLE "standardization_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"kind" text NOT NULL,
	"grade" text,
	"previous_grade" text,
	"certifying_body" text,
	"certified_on" date,
	"expires_on" date,
	"note" text,
	"accident_id" uuid,
	"source_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standardization_records_kind_check" CHECK ("standardization_records"."kind" in ('certified', 'renewed', 'downgraded', 'revoked')),
	CONSTRAINT "standardization_records_grade_check" CHECK ("standardization_records"."grade" is null or "standardization_records"."grade" in ('1', '2', '3', 'small'))
);
--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standardization_records" ADD CONSTRAINT "standardization_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standardization_records" ADD CONSTRAINT "standardization_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policies_number_uq" ON "insurance_policies" USING btree ("enterprise_id","policy_no");--> statement-breakpoint
CREATE INDEX "insurance_policies_enterprise_idx" ON "insurance_policies" USING btree ("enterprise_id","ends_on","starts_on");--> statement-breakpoint
CREATE INDEX "insurance_policies_ends_idx" ON "insurance_policies" USING btree ("ends_on");--> statement-breakpoint
CREATE INDEX "insurance_policies_area_idx" ON "insurance_policies" USING btree ("area_code" text_pattern_ops,"ends_on");--> statement-breakpoint
CREATE INDEX "insurance_policies_sector_idx" ON "insurance_policies" USING btree ("sector","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "insurance_policies_park_idx" ON "insurance_policies" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "standardization_records_enterprise_idx" ON "standardization_records" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "standardization_records_area_idx" ON "standardization_records" USING btree ("area_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "standardization_records_sector_idx" ON "standardization_records" USING btree ("sector","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "standardization_records_park_idx" ON "standardization_records" USING btree ("park_id");--> statement-breakpoint
CREATE UNIQUE INDEX "standardization_records_source_uq" ON "standardization_records" USING btree ("enterprise_id","source_key");--> statement-breakpoint
CREATE INDEX "enterprises_standardization_idx" ON "enterprises" USING btree ("area_code" text_pattern_ops,"standardization_grade","standardization_expiry") WHERE "enterprises"."deleted_at" is null and "enterprises"."operating_status" = 'operating' and "enterprises"."scale" = 'above';--> statement-breakpoint
CREATE INDEX "enterprises_standardization_expiry_idx" ON "enterprises" USING btree ("standardization_expiry") WHERE "enterprises"."deleted_at" is null and "enterprises"."standardization_expiry" is not null;