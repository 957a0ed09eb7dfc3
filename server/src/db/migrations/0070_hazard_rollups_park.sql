-- A park station's rows of the hidden-danger rollups as one range (modules/hazards/hazards.rollups.ts rollupWhere): its
-- statistics by street read the park's street rows instead of every street row of the province. Partial: most rows
-- have no park ('').
CREATE INDEX "hazard_open_counts_park_idx" ON "hazard_open_counts" USING btree ("park_key","area_len","area_code" text_pattern_ops) WHERE "hazard_open_counts"."park_key" <> '';--> statement-breakpoint
CREATE INDEX "hazard_stats_park_idx" ON "hazard_stats_monthly" USING btree ("park_key","area_len","area_code" text_pattern_ops) WHERE "hazard_stats_monthly"."park_key" <> '';
