// Enforcement statistics: inspections done, findings, cases decided and fines, by month (of the year) or by sector,
// over the caller's scope — one GROUP BY per table, the same scope predicate as the lists.
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import { inspections, penaltyCases } from '../../db/schema';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf } from '../../platform/http';
import { rowsOf } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { cstDate } from '../../platform/time';

const query = z
  .object({ by: z.enum(['month', 'sector']).default('month'), year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();

export function enforcementStatsRoutes(app: ZodApp) {
  app.get(
    '/api/enforcement/stats',
    { config: { access: 'enforcement.read' }, schema: { tags: ['enforcement'], querystring: query } },
    async (req) => {
      const actor = actorOf(req);
      const year = req.query.year ?? Number(cstDate().slice(0, 4));
      const inspScope = scopeWhere(actor, {
        areaCode: inspections.areaCode,
        sector: inspections.sector,
        parkId: inspections.parkId,
        enterpriseId: inspections.enterpriseId,
      });
      const caseScope = scopeWhere(actor, {
        areaCode: penaltyCases.areaCode,
        sector: penaltyCases.sector,
        parkId: penaltyCases.parkId,
        enterpriseId: penaltyCases.enterpriseId,
      });
      const key = (day: SQL, sector: SQL) => (req.query.by === 'month' ? sql`to_char(${day}, 'YYYY-MM')` : sector);
      const insp = rowsOf<{ key: string; inspections: number; findings: number }>(
        await app.db.execute(sql`
        select ${key(sql`inspections.inspected_on`, sql`inspections.sector`)} as key, count(*)::int as inspections,
               coalesce(sum((select count(*) from inspection_findings f where f.inspection_id = inspections.id)), 0)::int as findings
        from ${inspections}
        where inspections.state = 'done' and extract(year from inspections.inspected_on) = ${year} and ${inspScope}
        group by 1 order by 1`),
      );
      const cases = rowsOf<{ key: string; cases: number; fines: number }>(
        await app.db.execute(sql`
        select ${key(sql`penalty_cases.decided_on`, sql`penalty_cases.sector`)} as key, count(*)::int as cases, coalesce(sum(penalty_cases.fine), 0)::float8 as fines
        from ${penaltyCases}
        where penalty_cases.decided_on is not null and extract(year from penalty_cases.decided_on) = ${year} and ${caseScope}
        group by 1 order by 1`),
      );
      const keys = [...new Set([...insp.map((r) => r.key), ...cases.map((r) => r.key)])].sort();
      return {
        year,
        by: req.query.by,
        rows: keys.map((k) => {
          const a = insp.find((r) => r.key === k);
          const b = cases.find((r) => r.key === k);
          return {
            key: k,
            inspections: a?.inspections ?? 0,
            findings: a?.findings ?? 0,
            cases: b?.cases ?? 0,
            fines: Number(b?.fines ?? 0),
          };
        }),
      };
    },
  );
}
