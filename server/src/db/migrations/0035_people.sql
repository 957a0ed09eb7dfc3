CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"kind" text NOT NULL,
	"operation_item" text,
	"item_text" text,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"reviewed_on" date,
	"review_extended" boolean DEFAULT false NOT NULL,
	"next_review_on" date,
	"due_on" date NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "certificates_kind_check" CHECK ("certificates"."kind" in ('safety_qualification', 'special_operation', 'special_equipment'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"name" text NOT NULL,
	"id_number_sealed" text NOT NULL,
	"id_number_key_id" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"phone" text,
	"post" text NOT NULL,
	"post_title" text,
	"employed_from" date NOT NULL,
	"employed_to" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "people_post_check" CHECK ("people"."post" in ('principal', 'safety_manager', 'special_operator', 'equipment_operator', 'other'))
);
--> statement-breakpoint
CREATE TABLE "people_summaries" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"post_people" integer DEFAULT 0 NOT NULL,
	"post_holders" integer DEFAULT 0 NOT NULL,
	"computed_on" date NOT NULL,
	"next_change_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retraining_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"accident_id" text NOT NULL,
	"event_id" bigint NOT NULL,
	"due_on" date NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_summaries" ADD CONSTRAINT "people_summaries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_summaries" ADD CONSTRAINT "people_summaries_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retraining_duties" ADD CONSTRAINT "retraining_duties_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retraining_duties" ADD CONSTRAINT "retraining_duties_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retraining_duties" ADD CONSTRAINT "retraining_duties_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "certificates" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "certificates_enterprise_idx" ON "certificates" USING btree ("enterprise_id","due_on");--> statement-breakpoint
CREATE INDEX "certificates_area_due_idx" ON "certificates" USING btree ("area_code" text_pattern_ops,"due_on");--> statement-breakpoint
CREATE INDEX "certificates_sector_due_idx" ON "certificates" USING btree ("sector","area_code" text_pattern_ops,"due_on");--> statement-breakpoint
CREATE INDEX "certificates_park_due_idx" ON "certificates" USING btree ("park_id","due_on");--> statement-breakpoint
CREATE INDEX "certificates_due_idx" ON "certificates" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "people_enterprise_id_number_idx" ON "people" USING btree ("enterprise_id","id_number_hash");--> statement-breakpoint
CREATE INDEX "people_enterprise_idx" ON "people" USING btree ("enterprise_id","post");--> statement-breakpoint
CREATE INDEX "people_area_idx" ON "people" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_sector_idx" ON "people" USING btree ("sector","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_park_idx" ON "people" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "people_summaries_area_idx" ON "people_summaries" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_summaries_sector_idx" ON "people_summaries" USING btree ("sector","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_summaries_park_idx" ON "people_summaries" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "people_summaries_next_change_idx" ON "people_summaries" USING btree ("next_change_on");--> statement-breakpoint
CREATE UNIQUE INDEX "retraining_duties_event_person_idx" ON "retraining_duties" USING btree ("event_id","person_id");--> statement-breakpoint
CREATE INDEX "retraining_duties_person_idx" ON "retraining_duties" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "retraining_duties_area_due_idx" ON "retraining_duties" USING btree ("area_code" text_pattern_ops,"due_on");