CREATE TABLE "exam_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"paper_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"attempt_no" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"questions" jsonb NOT NULL,
	"answer_key" jsonb NOT NULL,
	"answers" jsonb,
	"score" integer,
	"max_score" integer NOT NULL,
	"passed" boolean,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "exam_attempts_status_check" CHECK ("exam_attempts"."status" in ('active', 'submitted', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "exam_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"paper_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"score" integer NOT NULL,
	"hours" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"title" text NOT NULL,
	"rules" jsonb NOT NULL,
	"duration_minutes" integer NOT NULL,
	"pass_mark" integer NOT NULL,
	"max_attempts" integer NOT NULL,
	"hours" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"topic" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"type" text NOT NULL,
	"stem" text NOT NULL,
	"options" jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "exam_questions_type_check" CHECK ("exam_questions"."type" in ('single', 'multiple', 'true_false'))
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "training_lecturers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"specialty" text NOT NULL,
	"organisation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_person_years" (
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"hours" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_person_years_person_id_year_pk" PRIMARY KEY("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"enterprise_id" uuid,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"hours" integer NOT NULL,
	"lecturer_id" uuid,
	"lecturer_name" text,
	"date" date NOT NULL,
	"mode" text NOT NULL,
	"place" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "training_sessions_status_check" CHECK ("training_sessions"."status" in ('planned', 'completed', 'cancelled')),
	CONSTRAINT "training_sessions_kind_check" CHECK ("training_sessions"."kind" in ('initial', 'refresher', 'retraining', 'three_level', 'government')),
	CONSTRAINT "training_sessions_mode_check" CHECK ("training_sessions"."mode" in ('onsite', 'online'))
);
--> statement-breakpoint
CREATE TABLE "training_summaries" (
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"park_id" uuid,
	"principals" integer DEFAULT 0 NOT NULL,
	"principals_trained" integer DEFAULT 0 NOT NULL,
	"post_people" integer DEFAULT 0 NOT NULL,
	"post_trained" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_summaries_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_paper_id_exam_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."exam_papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_completions" ADD CONSTRAINT "exam_completions_attempt_id_exam_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."exam_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_completions" ADD CONSTRAINT "exam_completions_paper_id_exam_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."exam_papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_completions" ADD CONSTRAINT "exam_completions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_completions" ADD CONSTRAINT "exam_completions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_completions" ADD CONSTRAINT "exam_completions_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_papers" ADD CONSTRAINT "exam_papers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_person_years" ADD CONSTRAINT "training_person_years_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_person_years" ADD CONSTRAINT "training_person_years_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_person_years" ADD CONSTRAINT "training_person_years_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_lecturer_id_training_lecturers_id_fk" FOREIGN KEY ("lecturer_id") REFERENCES "public"."training_lecturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_summaries" ADD CONSTRAINT "training_summaries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_summaries" ADD CONSTRAINT "training_summaries_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exam_attempts_one_active_idx" ON "exam_attempts" USING btree ("paper_id","person_id") WHERE "exam_attempts"."status" = 'active';--> statement-breakpoint
CREATE INDEX "exam_attempts_person_idx" ON "exam_attempts" USING btree ("person_id","paper_id");--> statement-breakpoint
CREATE INDEX "exam_attempts_enterprise_idx" ON "exam_attempts" USING btree ("enterprise_id","started_at");--> statement-breakpoint
CREATE INDEX "exam_attempts_area_idx" ON "exam_attempts" USING btree ("area_code" text_pattern_ops,"started_at");--> statement-breakpoint
CREATE INDEX "exam_attempts_sector_idx" ON "exam_attempts" USING btree ("sector","started_at");--> statement-breakpoint
CREATE INDEX "exam_attempts_park_idx" ON "exam_attempts" USING btree ("park_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exam_completions_attempt_idx" ON "exam_completions" USING btree ("attempt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exam_completions_number_idx" ON "exam_completions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "exam_completions_person_idx" ON "exam_completions" USING btree ("person_id","issued_on");--> statement-breakpoint
CREATE INDEX "exam_papers_area_idx" ON "exam_papers" USING btree ("area_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "exam_questions_draw_idx" ON "exam_questions" USING btree ("topic","type","active");--> statement-breakpoint
CREATE INDEX "exam_questions_area_idx" ON "exam_questions" USING btree ("area_code" text_pattern_ops,"topic");--> statement-breakpoint
CREATE INDEX "training_attendance_person_idx" ON "training_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_lecturers_area_idx" ON "training_lecturers" USING btree ("area_code" text_pattern_ops,"name");--> statement-breakpoint
CREATE INDEX "training_person_years_enterprise_idx" ON "training_person_years" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "training_sessions_area_date_idx" ON "training_sessions" USING btree ("area_code" text_pattern_ops,"date");--> statement-breakpoint
CREATE INDEX "training_sessions_sector_date_idx" ON "training_sessions" USING btree ("sector","date");--> statement-breakpoint
CREATE INDEX "training_sessions_park_date_idx" ON "training_sessions" USING btree ("park_id","date");--> statement-breakpoint
CREATE INDEX "training_sessions_enterprise_date_idx" ON "training_sessions" USING btree ("enterprise_id","date");--> statement-breakpoint
CREATE INDEX "training_summaries_area_idx" ON "training_summaries" USING btree ("year","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "training_summaries_sector_idx" ON "training_summaries" USING btree ("year","sector");--> statement-breakpoint
CREATE INDEX "training_summaries_park_idx" ON "training_summaries" USING btree ("year","park_id");