-- The official calendar supplement: years of the State Council's holiday schedule entered by the administrator (notice
-- title and 文号 as the source), their days off and make-up working days; the checks hold what is certain.
CREATE TABLE "calendar_supplement_days" (
	"date" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "calendar_supplement_days_kind_check" CHECK ("calendar_supplement_days"."kind" in ('holiday', 'workday')),
	CONSTRAINT "calendar_supplement_days_in_year_check" CHECK (extract(year from "calendar_supplement_days"."date") = "calendar_supplement_days"."year"),
	CONSTRAINT "calendar_supplement_days_workday_weekend_check" CHECK ("calendar_supplement_days"."kind" = 'holiday' or extract(isodow from "calendar_supplement_days"."date") in (6, 7))
);
--> statement-breakpoint
CREATE TABLE "calendar_supplement_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"notice_title" text NOT NULL,
	"notice_number" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL,
	CONSTRAINT "calendar_supplement_years_year_check" CHECK ("calendar_supplement_years"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "calendar_supplement_days" ADD CONSTRAINT "calendar_supplement_days_year_calendar_supplement_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."calendar_supplement_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_supplement_years" ADD CONSTRAINT "calendar_supplement_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_supplement_days_year_idx" ON "calendar_supplement_days" USING btree ("year");