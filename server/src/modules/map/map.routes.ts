// The map view's data: the base-map configuration and the caller's enterprises as compact points.
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { creditGrades, mapConfigView, mapPointsQuery, mapPointsView, sectors } from '@anjian/contracts';
import { enterpriseRiskSummary, enterprises } from '../../db/schema';
import { isRiskLevel, severityRank } from '../../reference/risk/levels';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf } from '../../platform/http';
import { likePrefix, scopeWhere } from '../../platform/scope';

/** Index into the web's risk colours (most severe first), or -1 for an enterprise with no assessed open risk. */
const riskIndex = (level: string | null) => (isRiskLevel(level) ? severityRank(level) : -1);

/** Index into the web's credit colours (A first), or -1 for an enterprise with no grade yet. */
const creditIndex = (grade: string | null) => creditGrades.indexOf(grade as (typeof creditGrades)[number]);

/** Enough for a district on one screen; a city or province view filters first. */
const MAX_POINTS = 50_000;

export function mapRoutes(app: ZodApp, opts: { webDir: string | null }) {
  app.get(
    '/api/map/config',
    { config: { access: 'enterprise.read' }, schema: { tags: ['map'], response: { 200: mapConfigView } } },
    async (req) => {
      const actor = actorOf(req);
      // Boundary files are shipped per district under web/public/boundaries/<code>.geojson.
      const district = actor.areaCode?.slice(0, 6) ?? null;
      const hasBoundary = !!(district && opts.webDir && fs.existsSync(path.join(opts.webDir, 'boundaries', `${district}.geojson`)));
      return {
        tileUrl: process.env.ANJIAN_MAP_TILE_URL || null,
        attribution: process.env.ANJIAN_MAP_ATTRIBUTION || null,
        tileDatum: process.env.ANJIAN_MAP_TILE_DATUM === 'gcj02' ? ('gcj02' as const) : ('wgs84' as const),
        boundaryUrl: hasBoundary ? `/boundaries/${district}.geojson` : null,
        boundaryDatum: 'gcj02' as const,
      };
    },
  );

  app.get(
    '/api/map/enterprises',
    { config: { access: 'enterprise.read' }, schema: { tags: ['map'], querystring: mapPointsQuery, response: { 200: mapPointsView } } },
    async (req) => {
      const actor = actorOf(req);
      const q = req.query;
      const filters: SQL[] = [
        scopeWhere(actor, {
          areaCode: enterprises.areaCode,
          sector: enterprises.sector,
          parkId: enterprises.parkId,
          enterpriseId: enterprises.id,
        }),
        isNull(enterprises.deletedAt),
        isNotNull(enterprises.longitude),
        isNotNull(enterprises.latitude),
      ];
      if (q.areaCode) filters.push(sql`${enterprises.areaCode} like ${likePrefix(q.areaCode)}`);
      if (q.sector) filters.push(eq(enterprises.sector, q.sector));
      if (q.tag) filters.push(sql`${enterprises.hazardTags} @> array[${q.tag}]::text[]`);
      const where = and(...filters);
      const rows = await app.db
        .select({
          id: enterprises.id,
          lng: enterprises.longitude,
          lat: enterprises.latitude,
          sector: enterprises.sector,
          name: enterprises.name,
          // Overall risk level from the risks capability's per-enterprise summary (no event scan).
          level: enterpriseRiskSummary.level,
          // The credit grade as the draw reads it: mirrored on the row by the credit consumer (差异化监管 on the map).
          credit: enterprises.creditGrade,
        })
        .from(enterprises)
        .leftJoin(enterpriseRiskSummary, eq(enterpriseRiskSummary.enterpriseId, enterprises.id))
        .where(where)
        .orderBy(asc(enterprises.id))
        .limit(MAX_POINTS + 1);
      const truncated = rows.length > MAX_POINTS;
      const [count] = truncated
        ? await app.db
            .select({ n: sql<number>`count(*)::int` })
            .from(enterprises)
            .where(where)
        : [{ n: rows.length }];
      const sectorIndex = new Map<string, number>(sectors.map((s, i) => [s, i]));
      return {
        total: count?.n ?? rows.length,
        truncated,
        points: rows
          .slice(0, MAX_POINTS)
          .map(
            (r) =>
              [
                r.id,
                r.lng!,
                r.lat!,
                sectorIndex.get(r.sector) ?? sectors.length - 1,
                r.name,
                riskIndex(r.level),
                creditIndex(r.credit),
              ] as [string, number, number, number, string, number, number],
          ),
      };
    },
  );
}
