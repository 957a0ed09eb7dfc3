-- Photos attached to a public report (举报) by a member of the public, who may have no account: such an upload has no
-- uploader, and the record that claims it must present the token handed back at upload (only its SHA-256 is stored
-- here, cleared on claim). The partial index finds the public uploads never claimed, which a daily job discards.
ALTER TABLE "files" ALTER COLUMN "uploaded_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "claim_token_hash" text;--> statement-breakpoint
CREATE INDEX "files_unclaimed_public_idx" ON "files" USING btree ("created_at") WHERE "files"."claim_token_hash" is not null and "files"."owner_id" is null;
