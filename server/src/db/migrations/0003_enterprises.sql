CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"former_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"credit_code" text NOT NULL,
	"credit_code_override" text,
	"unit_type" text NOT NULL,
	"legal_representative" text,
	"principal_name" text,
	"principal_phone" text,
	"safety_manager_name" text,
	"safety_manager_phone" text,
	"address" text NOT NULL,
	"area_code" text NOT NULL,
	"park_id" uuid,
	"longitude" double precision,
	"latitude" double precision,
	"industry_code" text,
	"sector" text NOT NULL,
	"hazard_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"scale" text DEFAULT 'below' NOT NULL,
	"small_micro" boolean DEFAULT false NOT NULL,
	"employees" integer,
	"is_key" boolean DEFAULT false NOT NULL,
	"operating_status" text DEFAULT 'operating' NOT NULL,
	"premises" text,
	"landlord" text,
	"standardization_grade" text,
	"standardization_date" date,
	"standardization_expiry" date,
	"three_simultaneous" text DEFAULT 'not_applicable' NOT NULL,
	"supervising_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_credit_code_uq" ON "enterprises" USING btree ("credit_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_area_idx" ON "enterprises" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_sector_idx" ON "enterprises" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "enterprises_park_idx" ON "enterprises" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "enterprises_key_idx" ON "enterprises" USING btree ("area_code" text_pattern_ops) WHERE "enterprises"."is_key";--> statement-breakpoint
CREATE INDEX "enterprises_tags_idx" ON "enterprises" USING gin ("hazard_tags");--> statement-breakpoint
CREATE INDEX "enterprises_search_idx" ON "enterprises" USING gin (enterprise_search_grams("name", "former_names"));--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "enterprises_updated_idx" ON "enterprises" USING btree ("updated_at","id");