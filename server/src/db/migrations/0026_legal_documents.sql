-- Legal documents: officers' 行政执法证号 on their accounts; an organisation party's credit code and legal
-- representative copied from the enterprise registry when the case is filed.
ALTER TABLE "users" ADD COLUMN "enforcement_cert_no" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "party_credit_code" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "party_legal_representative" text;
