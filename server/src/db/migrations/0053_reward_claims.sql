ALTER TABLE "report_rewards" ADD COLUMN "fine_source" text;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD COLUMN "fine_cases" jsonb;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD COLUMN "fine_read_on" date;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD COLUMN "receipt_file_id" uuid;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD COLUMN "no_receipt_reason" text;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD COLUMN "claim_due" date;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD CONSTRAINT "report_rewards_receipt_file_id_files_id_fk" FOREIGN KEY ("receipt_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_rewards_claim_idx" ON "report_rewards" USING btree ("claim_due") WHERE "report_rewards"."status" = 'approved';--> statement-breakpoint
-- Rewards approved before the claim period was kept: 60 calendar days from approval (rewards.rules.ts rewardClaim).
UPDATE "report_rewards" SET "claim_due" = "approved_on" + 60 WHERE "status" = 'approved' AND "claim_due" IS NULL AND "approved_on" IS NOT NULL;
