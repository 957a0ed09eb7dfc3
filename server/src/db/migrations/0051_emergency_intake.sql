CREATE TABLE "duty_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"from_shift_id" uuid NOT NULL,
	"to_shift_id" uuid NOT NULL,
	"handed_by" uuid NOT NULL,
	"notes" text,
	"open_incidents" jsonb NOT NULL,
	"handed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_incident_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"team_name" text NOT NULL,
	"team_type" text NOT NULL,
	"user_id" uuid,
	"distance_m" double precision,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "emergency_drill_area_counts" (
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_key" uuid NOT NULL,
	"plan_year" integer NOT NULL,
	"onsite_half" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "emergency_drill_area_counts_area_code_sector_park_key_plan_year_onsite_half_pk" PRIMARY KEY("area_code","sector","park_key","plan_year","onsite_half")
);
--> statement-breakpoint
ALTER TABLE "emergency_incident_timeline" DROP CONSTRAINT "emergency_incident_timeline_kind_check";--> statement-breakpoint
ALTER TABLE "emergency_incidents" ADD COLUMN "source" text DEFAULT 'duty' NOT NULL;--> statement-breakpoint
ALTER TABLE "emergency_incidents" ADD COLUMN "photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "emergency_resources" ADD COLUMN "contact_user_id" uuid;--> statement-breakpoint
ALTER TABLE "duty_handovers" ADD CONSTRAINT "duty_handovers_from_shift_id_duty_shifts_id_fk" FOREIGN KEY ("from_shift_id") REFERENCES "public"."duty_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handovers" ADD CONSTRAINT "duty_handovers_to_shift_id_duty_shifts_id_fk" FOREIGN KEY ("to_shift_id") REFERENCES "public"."duty_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handovers" ADD CONSTRAINT "duty_handovers_handed_by_users_id_fk" FOREIGN KEY ("handed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handovers" ADD CONSTRAINT "duty_handovers_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_incident_notices" ADD CONSTRAINT "emergency_incident_notices_incident_id_emergency_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."emergency_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_incident_notices" ADD CONSTRAINT "emergency_incident_notices_team_id_emergency_resources_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."emergency_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_incident_notices" ADD CONSTRAINT "emergency_incident_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duty_handovers_from_key" ON "duty_handovers" USING btree ("from_shift_id");--> statement-breakpoint
CREATE INDEX "duty_handovers_area_idx" ON "duty_handovers" USING btree ("area_code" text_pattern_ops,"handed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_incident_notices_key" ON "emergency_incident_notices" USING btree ("incident_id","team_id");--> statement-breakpoint
CREATE INDEX "emergency_incident_notices_user_idx" ON "emergency_incident_notices" USING btree ("user_id","notified_at");--> statement-breakpoint
CREATE INDEX "emergency_drill_area_counts_sector_idx" ON "emergency_drill_area_counts" USING btree ("sector");--> statement-breakpoint
ALTER TABLE "emergency_resources" ADD CONSTRAINT "emergency_resources_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_incidents_enterprise_idx" ON "emergency_incidents" USING btree ("enterprise_id","received_at");--> statement-breakpoint
ALTER TABLE "emergency_incident_timeline" ADD CONSTRAINT "emergency_incident_timeline_kind_check" CHECK ("emergency_incident_timeline"."kind" in ('received', 'reported', 'notified', 'no_leader_on_duty', 'team_notified', 'team_unreachable', 'team_acknowledged', 'acknowledged', 'accident_opened', 'closed'));--> statement-breakpoint
ALTER TABLE "emergency_incidents" ADD CONSTRAINT "emergency_incidents_source_check" CHECK ("emergency_incidents"."source" in ('duty', 'enterprise'));--> statement-breakpoint
-- The drill counts as they stand now; from here the triggers (db/triggers/*drill_counts*) keep them.
INSERT INTO "emergency_drill_area_counts" ("area_code", "sector", "park_key", "plan_year", "onsite_half", "n")
SELECT left(e.area_code, 9), coalesce(e.sector, 'other'), coalesce(e.park_id, '00000000-0000-0000-0000-000000000000'::uuid),
       coalesce(extract(year from s.last_plan_drill_on)::int, 0),
       coalesce(extract(year from s.last_onsite_drill_on)::int * 2 + (CASE WHEN extract(month from s.last_onsite_drill_on) > 6 THEN 1 ELSE 0 END), 0),
       count(*)::int
  FROM "enterprises" e LEFT JOIN "emergency_drill_status" s ON s.enterprise_id = e.id
 WHERE e.deleted_at IS NULL AND e.unit_type = 'enterprise'
 GROUP BY 1, 2, 3, 4, 5;
