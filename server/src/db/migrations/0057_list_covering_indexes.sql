-- The list's sort indexes cover every column a list filter reads, so a page at any offset is an index-only walk to
-- its 20 ids (issue #19: deep pages and broad searches at a million enterprises). Key columns, not INCLUDE, which
-- not every PostgreSQL-derived database accepts. At a million rows each is ~170 MB and builds in seconds.
DROP INDEX "enterprises_name_idx";--> statement-breakpoint
DROP INDEX "enterprises_updated_idx";--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name","id","area_code","sector","is_key","park_id","credit_code","former_names","hazard_tags") WHERE "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_updated_idx" ON "enterprises" USING btree ("updated_at","id","name","area_code","sector","is_key","park_id","credit_code","former_names","hazard_tags") WHERE "enterprises"."deleted_at" is null;