CREATE TABLE "state_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "state_transitions_record_idx" ON "state_transitions" USING btree ("record_type","record_id","id");--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_state_check" CHECK ("hazards"."state" in ('reported', 'rectifying', 'awaiting_acceptance', 'closed'));--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_status_check" CHECK ("risk_events"."status" in ('open', 'closed'));--> statement-breakpoint
ALTER TABLE "check_tasks" ADD CONSTRAINT "check_tasks_state_check" CHECK ("check_tasks"."state" in ('pending', 'done'));--> statement-breakpoint
ALTER TABLE "accident_investigations" ADD CONSTRAINT "accident_investigations_status_check" CHECK ("accident_investigations"."status" in ('not_started', 'in_progress', 'reported', 'approved'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_state_check" CHECK ("inspections"."state" in ('planned', 'done'));--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_status_check" CHECK ("penalty_cases"."status" in ('filed', 'investigating', 'notified', 'hearing_requested', 'hearing_scheduled', 'heard', 'legal_review', 'reviewed', 'decided', 'served', 'paid', 'enforced', 'closed'));