-- The region each draw's pool lies in, so a draw is shown only to callers whose scope covers the whole pool
-- (issue 12: a draw was shown to anyone under the drawing organisation's area). Existing draws get the region their
-- recorded filter implies: the drawer's frozen scope (a park's area for a park station) narrowed by the filter's area,
-- the filter's sector or the sector department's sectors, and the park of a park station (draw.queries.ts poolRegion).
ALTER TABLE "enforcement_draws" ADD COLUMN "pool_area_code" text;--> statement-breakpoint
ALTER TABLE "enforcement_draws" ADD COLUMN "pool_sectors" text[];--> statement-breakpoint
ALTER TABLE "enforcement_draws" ADD COLUMN "pool_park_id" uuid;--> statement-breakpoint
UPDATE "enforcement_draws" d SET
  "pool_area_code" = CASE
    WHEN r.filter_area IS NOT NULL AND r.scope_area IS NOT NULL AND r.filter_area LIKE r.scope_area || '%' THEN r.filter_area
    ELSE coalesce(r.scope_area, d."area_code") END,
  "pool_sectors" = CASE
    WHEN d."filter"->>'sector' IS NOT NULL THEN ARRAY[d."filter"->>'sector']
    WHEN r.kind = 'sector' THEN ARRAY(SELECT jsonb_array_elements_text(d."filter"->'scope'->'sectors'))
    ELSE NULL END,
  "pool_park_id" = CASE WHEN r.kind = 'park' THEN (d."filter"->'scope'->>'parkId')::uuid ELSE NULL END
FROM (
  SELECT x."id", x."filter"->'scope'->>'kind' AS kind, x."filter"->>'areaCode' AS filter_area,
    CASE WHEN x."filter"->'scope'->>'kind' = 'park'
      THEN (SELECT p."area_code" FROM "parks" p WHERE p."id"::text = x."filter"->'scope'->>'parkId')
      ELSE x."filter"->'scope'->>'areaPrefix' END AS scope_area
  FROM "enforcement_draws" x
) r
WHERE r."id" = d."id";--> statement-breakpoint
ALTER TABLE "enforcement_draws" ALTER COLUMN "pool_area_code" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "enforcement_draws_pool_area_idx" ON "enforcement_draws" USING btree ("pool_area_code" text_pattern_ops,"created_at");
