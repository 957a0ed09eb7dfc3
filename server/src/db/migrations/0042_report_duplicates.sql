CREATE TABLE "report_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_submission_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key_hash" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_status_check";--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reporter_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "report_submission_marks_key_idx" ON "report_submission_marks" USING btree ("kind","key_hash","at");--> statement-breakpoint
CREATE INDEX "reports_lat_lon_idx" ON "reports" USING btree ("lat","lon","submitted_on") WHERE "reports"."lat" is not null;--> statement-breakpoint
CREATE INDEX "reports_enterprise_idx" ON "reports" USING btree ("enterprise_id","submitted_on") WHERE "reports"."enterprise_id" is not null;--> statement-breakpoint
CREATE INDEX "reports_enterprise_name_idx" ON "reports" USING btree (lower("enterprise_name"),"submitted_on") WHERE "reports"."enterprise_name" is not null;--> statement-breakpoint
CREATE INDEX "reports_merged_into_idx" ON "reports" USING btree ("merged_into") WHERE "reports"."merged_into" is not null;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('received', 'accepted', 'rejected', 'transferred', 'handling', 'replied', 'closed', 'merged'));