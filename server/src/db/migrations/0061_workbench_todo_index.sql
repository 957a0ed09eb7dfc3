-- The workbench's to-do lists (modules/workbench/workbench.todo.ts) take the first 20 open hidden dangers of one state
-- in a scope, ordered by deadline (none last), found day and id. Without an index in that order every open row of the
-- state was read and sorted (issue #19). With the state first and the scope columns last (area range, sector, park),
-- the scope is checked in the index and the walk stops at the 20th row. Partial: open states only, a few per cent of
-- the table.
CREATE INDEX "hazards_todo_idx" ON "hazards" USING btree ("state","deadline","found_on","id","area_code" text_pattern_ops,"sector","park_id") WHERE "hazards"."state" in ('reported', 'rectifying', 'awaiting_acceptance');