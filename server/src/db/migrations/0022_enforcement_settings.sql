-- The deployment's penalty-procedure settings (hearing threshold and periods, hearing time and the decision limit),
-- one JSON value per key like risk_settings; no row means the documented default.
CREATE TABLE "enforcement_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "enforcement_settings" ADD CONSTRAINT "enforcement_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;