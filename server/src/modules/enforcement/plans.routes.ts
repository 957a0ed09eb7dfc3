// 年度执法检查计划: an organisation's target groups with their yearly frequency, and progress against the calendar
// (inspections done so far vs the share of the year elapsed).
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { planParams, putPlanBody, type PutPlanBody } from '@anjian/contracts';
import { inspectionPlans } from '../../db/schema';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { likePrefix } from '../../platform/scope';
import { cstDate, daysBetween } from '../../platform/time';

type Group = PutPlanBody['groups'][number];

/** Share of `year` elapsed on `today` (0 before it starts, 1 after it ends). */
export function yearElapsed(year: number, today: string): number {
  const days = daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
  return Math.min(1, Math.max(0, (daysBetween(`${year}-01-01`, today) + 1) / days));
}

async function groupProgress(db: DbOrTx, areaPrefix: string, year: number, g: Group) {
  const parts: SQL[] = [sql`e.deleted_at is null`, sql`e.operating_status = 'operating'`, sql`e.area_code like ${likePrefix(areaPrefix)}`];
  if (g.filter.sector) parts.push(sql`e.sector = ${g.filter.sector}`);
  if (g.filter.isKey !== undefined) parts.push(sql`e.is_key = ${g.filter.isKey}`);
  if (g.filter.tag) parts.push(sql`e.hazard_tags @> array[${g.filter.tag}]::text[]`);
  const [r] = rowsOf<{ enterprises: number; done: number; covered: number }>(
    await db.execute(sql`
      with ents as (select e.id from enterprises e where ${sql.join(parts, sql` and `)})
      select (select count(*) from ents)::int as enterprises,
             count(i.id)::int as done,
             count(distinct i.enterprise_id)::int as covered
      from inspections i
      where i.state = 'done' and extract(year from i.inspected_on) = ${year} and i.enterprise_id in (select id from ents)`),
  );
  return r!;
}

export function plansRoutes(app: ZodApp) {
  const tags = ['enforcement'];
  app.get('/api/enforcement/plans/:year', { config: { access: 'enforcement.read' }, schema: { tags, params: planParams } }, async (req) => {
    const actor = actorOf(req);
    if (!actor.orgId || !actor.areaPrefix) throw new AppError('FORBIDDEN');
    const [plan] = await app.db
      .select()
      .from(inspectionPlans)
      .where(and(eq(inspectionPlans.orgId, actor.orgId), eq(inspectionPlans.year, req.params.year)));
    if (!plan) return { year: req.params.year, groups: [], version: 0, elapsed: yearElapsed(req.params.year, cstDate()) };
    const elapsed = yearElapsed(req.params.year, cstDate());
    const groups = [];
    for (const g of plan.groups as Group[]) {
      const p = await groupProgress(app.db, actor.areaPrefix, req.params.year, g);
      const required = p.enterprises * g.timesPerYear;
      const expectedToDate = Math.round(required * elapsed);
      groups.push({ ...g, ...p, required, expectedToDate, behind: p.done < expectedToDate });
    }
    return { year: plan.year, groups, version: plan.version, elapsed };
  });
  app.put(
    '/api/enforcement/plans/:year',
    { config: { access: 'enforcement.draw' }, schema: { tags, params: planParams, body: putPlanBody } },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.orgId || !actor.areaCode) throw new AppError('FORBIDDEN');
      await app.db.transaction(async (tx) => {
        await tx
          .insert(inspectionPlans)
          .values({ orgId: actor.orgId, areaCode: actor.areaCode!, year: req.params.year, groups: req.body.groups, updatedBy: actor.id })
          .onConflictDoUpdate({
            target: [inspectionPlans.orgId, inspectionPlans.year],
            set: { groups: req.body.groups, updatedBy: actor.id, updatedAt: new Date(), version: sql`${inspectionPlans.version} + 1` },
          });
        await recordAudit(
          tx,
          { actor, ip: clientIp(req) },
          { action: 'inspection.plan', entityType: 'inspection_plan', entityId: `${actor.orgId}:${req.params.year}`, after: req.body },
        );
      });
      return { ok: true as const };
    },
  );
}
