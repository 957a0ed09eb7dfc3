DROP INDEX "enterprises_tags_idx";--> statement-breakpoint
DROP INDEX "enterprises_search_idx";--> statement-breakpoint
CREATE INDEX "enterprises_tags_idx" ON "enterprises" USING gin ("hazard_tags") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "enterprises_search_idx" ON "enterprises" USING gin (enterprise_search_grams("name", "former_names")) WITH (fastupdate=false);