-- The daily sweep of uploads no record attached (platform/unattached-uploads.ts) now also covers signed-in uploads, so
-- its index covers every unattached row rather than only public ones with a claim token: few rows at any time, as
-- attached files (nearly all) are outside it.
DROP INDEX "files_unclaimed_public_idx";--> statement-breakpoint
CREATE INDEX "files_unattached_idx" ON "files" USING btree ("created_at") WHERE "files"."owner_id" is null;
