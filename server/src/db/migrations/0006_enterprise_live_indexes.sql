DROP INDEX "enterprises_area_idx";--> statement-breakpoint
DROP INDEX "enterprises_sector_idx";--> statement-breakpoint
DROP INDEX "enterprises_park_idx";--> statement-breakpoint
DROP INDEX "enterprises_key_idx";--> statement-breakpoint
DROP INDEX "enterprises_name_idx";--> statement-breakpoint
DROP INDEX "enterprises_updated_idx";--> statement-breakpoint
CREATE INDEX "enterprises_area_idx" ON "enterprises" USING btree ("area_code" text_pattern_ops) WHERE "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_sector_idx" ON "enterprises" USING btree ("sector","area_code" text_pattern_ops) WHERE "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_park_idx" ON "enterprises" USING btree ("park_id") WHERE "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_key_idx" ON "enterprises" USING btree ("area_code" text_pattern_ops) WHERE "enterprises"."is_key" and "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name","id") WHERE "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_updated_idx" ON "enterprises" USING btree ("updated_at","id") WHERE "enterprises"."deleted_at" is null;