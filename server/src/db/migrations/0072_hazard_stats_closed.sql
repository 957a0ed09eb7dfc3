-- The hidden-danger board's 已销号 count sums `closed` over every month's rollup row of the caller's scope (issue
-- #19, the mixed workload: 4,245 rows for a district of the city-scale bench, 4–5.5 ms through the key index and
-- the heap pages it points to). This index holds every column that sum reads, so it is an index-only walk (1.3–2 ms).
-- Key columns, not INCLUDE (see 0057). `closed` changes only when a hidden danger closes.
CREATE INDEX "hazard_stats_closed_idx" ON "hazard_stats_monthly" USING btree ("area_len","area_code" text_pattern_ops,"park_key","sector","source","grade","closed");
