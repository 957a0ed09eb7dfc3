CREATE TABLE "responsibility_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"parent_id" uuid,
	"issuer_org_id" uuid,
	"issuer_name" text NOT NULL,
	"issuer_area_code" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_name" text NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"enterprise_id" uuid,
	"scheme_id" uuid,
	"targets" jsonb NOT NULL,
	"status" text NOT NULL,
	"issued_on" date,
	"signed_on" date,
	"signer_name" text,
	"withdrawn_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responsibility_letters_status_check" CHECK ("responsibility_letters"."status" in ('draft', 'issued', 'signed', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "responsibility_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"sector" text,
	"park_id" uuid,
	"post" text NOT NULL,
	"holder_name" text,
	"duties" jsonb NOT NULL,
	"letter_year" smallint,
	"letter_signed_on" date,
	"letter_signer" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_posts" ADD CONSTRAINT "responsibility_posts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responsibility_letters_area_idx" ON "responsibility_letters" USING btree ("area_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "responsibility_letters_enterprise_idx" ON "responsibility_letters" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "responsibility_letters_parent_idx" ON "responsibility_letters" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responsibility_posts_post_uq" ON "responsibility_posts" USING btree ("enterprise_id","post");--> statement-breakpoint
CREATE INDEX "responsibility_posts_area_idx" ON "responsibility_posts" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "credit_entries_disclosure_idx" ON "credit_entries" USING btree ("status","occurred_on","id");