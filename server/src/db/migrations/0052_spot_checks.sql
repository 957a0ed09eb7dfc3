CREATE TABLE "spot_check_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"spot_check_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"outcome" text,
	"checked_on" date,
	"note" text,
	"photo_id" uuid,
	"revoked" boolean DEFAULT false NOT NULL,
	"checked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "spot_check_items_outcome_check" CHECK ("spot_check_items"."outcome" in ('pass', 'identity_mismatch', 'unqualified', 'unlicensed', 'expired', 'other'))
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"kind" text,
	"sample_size" integer NOT NULL,
	"ratio" real,
	"population" integer NOT NULL,
	"seed" text NOT NULL,
	"drawn_on" date NOT NULL,
	"drawn_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "standing" text DEFAULT 'held' NOT NULL;--> statement-breakpoint
UPDATE "certificates" SET "standing" = 'revoked' WHERE "revoked_on" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_spot_check_id_spot_checks_id_fk" FOREIGN KEY ("spot_check_id") REFERENCES "public"."spot_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_photo_id_files_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_items_check_certificate_idx" ON "spot_check_items" USING btree ("spot_check_id","certificate_id");--> statement-breakpoint
CREATE INDEX "spot_check_items_certificate_idx" ON "spot_check_items" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "spot_checks_area_idx" ON "spot_checks" USING btree ("area_code" text_pattern_ops,"drawn_on");--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_standing_check" CHECK ("certificates"."standing" in ('held', 'revoked'));