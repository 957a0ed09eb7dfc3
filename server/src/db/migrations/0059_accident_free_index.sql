-- The 无事故 sweep (modules/credit/accident-free.job.ts) reads live enterprises by the instant their accident-free years
-- are counted from, the later of created_at and last_accident_at (mirrored from accidents by the draw-signal
-- triggers), so a daily run is one range of this index: the anchors whose N-th anniversary came since the last run.
-- At a million enterprises it is ~40 MB.
CREATE INDEX "enterprises_accident_free_idx" ON "enterprises" USING btree (greatest("created_at", "last_accident_at"),"id") WHERE "enterprises"."deleted_at" is null;