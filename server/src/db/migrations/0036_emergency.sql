CREATE TABLE "duty_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"post" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"officer_id" uuid NOT NULL,
	"leader_id" uuid NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "duty_shifts_order_check" CHECK ("duty_shifts"."ends_at" > "duty_shifts"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "emergency_depot_items" (
	"depot_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"area_code" text NOT NULL,
	"minimum" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_depot_items_depot_id_item_code_pk" PRIMARY KEY("depot_id","item_code"),
	CONSTRAINT "emergency_depot_items_minimum_check" CHECK ("emergency_depot_items"."minimum" >= 0)
);
--> statement-breakpoint
CREATE TABLE "emergency_incident_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"user_name" text,
	"note" text,
	CONSTRAINT "emergency_incident_timeline_kind_check" CHECK ("emergency_incident_timeline"."kind" in ('received', 'notified', 'no_leader_on_duty', 'acknowledged', 'accident_opened', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "emergency_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"enterprise_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"kind" text NOT NULL,
	"address" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"unit_name" text,
	"deaths" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"injured" integer DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"accident_type_code" text,
	"status" text DEFAULT 'received' NOT NULL,
	"officer_id" uuid,
	"shift_id" uuid,
	"leader_id" uuid,
	"accident_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "emergency_incidents_status_check" CHECK ("emergency_incidents"."status" in ('received', 'acknowledged', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "emergency_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"area_code" text NOT NULL,
	"address" text,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"team_type" text,
	"members" integer,
	"equipment" text,
	"speciality" text,
	"organisation" text,
	"available" boolean DEFAULT true NOT NULL,
	"capacity" integer,
	"facilities" text,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "emergency_resources_kind_check" CHECK ("emergency_resources"."kind" in ('depot', 'team', 'expert', 'shelter')),
	CONSTRAINT "emergency_resources_lnglat_check" CHECK ("emergency_resources"."lng" between -180 and 180 and "emergency_resources"."lat" between -90 and 90)
);
--> statement-breakpoint
CREATE TABLE "emergency_stock" (
	"depot_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"batch_no" text NOT NULL,
	"area_code" text NOT NULL,
	"expires_on" date,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_stock_depot_id_item_code_batch_no_pk" PRIMARY KEY("depot_id","item_code","batch_no"),
	CONSTRAINT "emergency_stock_on_hand_check" CHECK ("emergency_stock"."on_hand" >= 0)
);
--> statement-breakpoint
CREATE TABLE "emergency_stock_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"depot_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"item_code" text NOT NULL,
	"batch_no" text NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"transfer_id" uuid,
	"counterpart_id" uuid,
	"reason" text,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_stock_movements_kind_check" CHECK ("emergency_stock_movements"."kind" in ('in', 'out', 'transfer_out', 'transfer_in', 'correction')),
	CONSTRAINT "emergency_stock_movements_balance_check" CHECK ("emergency_stock_movements"."balance_after" >= 0)
);
--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_depot_items" ADD CONSTRAINT "emergency_depot_items_depot_id_emergency_resources_id_fk" FOREIGN KEY ("depot_id") REFERENCES "public"."emergency_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_incident_timeline" ADD CONSTRAINT "emergency_incident_timeline_incident_id_emergency_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."emergency_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_incident_timeline" ADD CONSTRAINT "emergency_incident_timeline_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_incidents" ADD CONSTRAINT "emergency_incidents_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_incidents" ADD CONSTRAINT "emergency_incidents_shift_id_duty_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."duty_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_incidents" ADD CONSTRAINT "emergency_incidents_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_resources" ADD CONSTRAINT "emergency_resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_stock" ADD CONSTRAINT "emergency_stock_depot_id_emergency_resources_id_fk" FOREIGN KEY ("depot_id") REFERENCES "public"."emergency_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_stock_movements" ADD CONSTRAINT "emergency_stock_movements_depot_id_emergency_resources_id_fk" FOREIGN KEY ("depot_id") REFERENCES "public"."emergency_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_stock_movements" ADD CONSTRAINT "emergency_stock_movements_counterpart_id_emergency_resources_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."emergency_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_stock_movements" ADD CONSTRAINT "emergency_stock_movements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_shifts_area_idx" ON "duty_shifts" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "duty_shifts_post_idx" ON "duty_shifts" USING btree ("area_code","post","starts_at");--> statement-breakpoint
CREATE INDEX "duty_shifts_time_idx" ON "duty_shifts" USING btree ("starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "emergency_incident_timeline_incident_idx" ON "emergency_incident_timeline" USING btree ("incident_id","at");--> statement-breakpoint
CREATE INDEX "emergency_incidents_area_idx" ON "emergency_incidents" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "emergency_incidents_received_idx" ON "emergency_incidents" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "emergency_incidents_status_idx" ON "emergency_incidents" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "emergency_resources_area_idx" ON "emergency_resources" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "emergency_resources_geo_idx" ON "emergency_resources" USING btree ("kind","lat","lng");--> statement-breakpoint
CREATE INDEX "emergency_resources_kind_name_idx" ON "emergency_resources" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "emergency_stock_item_idx" ON "emergency_stock" USING btree ("item_code","depot_id");--> statement-breakpoint
CREATE INDEX "emergency_stock_expiry_idx" ON "emergency_stock" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "emergency_stock_movements_depot_idx" ON "emergency_stock_movements" USING btree ("depot_id","at");