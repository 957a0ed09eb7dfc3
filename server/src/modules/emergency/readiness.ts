// 应急准备情况 for one area: each figure a count in the caller's scope with the web path of the list behind it.
// Resources are area-scoped (the register), so readiness is for area staff; plans and drills use their own scope.
import { and, count, eq, gt, lt, or, sql } from 'drizzle-orm';
import { resourceKinds, type ReadinessView } from '@anjian/contracts';
import { emergencyPlans, emergencyResources, emergencyStock, enterprises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import { areaPrefixOf, inScope, likePrefix, scopeWhere } from '../../platform/scope';
import { countOverdue } from './drills.queries';
import { evaluationDueWhere, planScope } from './plans.queries';
import { readinessMinimums } from './readiness.rules';
import { resourceScope } from './resources.queries';

export async function readinessOf(db: DbOrTx, actor: Actor, areaCode: string | undefined, today: string): Promise<ReadinessView> {
  const area = areaCode ?? actor.areaCode;
  if (!area || !inScope(actor, { areaCode: area }))
    throw fieldError('areaCode', '该地区不在本单位辖区内', 'This area is outside your jurisdiction');
  const prefix = likePrefix(areaPrefixOf(area));
  const q = `areaCode=${area}`;
  const [byKind, [expired], [plansDue], drillsOverdue, [teams]] = await Promise.all([
    db
      .select({ kind: emergencyResources.kind, n: count() })
      .from(emergencyResources)
      .where(and(resourceScope(actor), sql`${emergencyResources.areaCode} like ${prefix}`))
      .groupBy(emergencyResources.kind),
    db
      .select({ n: count() })
      .from(emergencyStock)
      .where(
        and(
          sql`${emergencyStock.areaCode} like ${prefix}`,
          scopeWhere(actor, { areaCode: emergencyStock.areaCode }),
          lt(emergencyStock.expiresOn, today),
          gt(emergencyStock.onHand, 0),
        ),
      ),
    db
      .select({ n: count() })
      .from(emergencyPlans)
      .where(and(planScope(actor), sql`${emergencyPlans.areaCode} like ${prefix}`, evaluationDueWhere(today))),
    countOverdue(db, actor, today, sql`${enterprises.areaCode} like ${prefix}`),
    db
      .select({ n: count() })
      .from(emergencyResources)
      .where(
        and(
          resourceScope(actor),
          sql`${emergencyResources.areaCode} like ${prefix}`,
          eq(emergencyResources.kind, 'team'),
          or(eq(emergencyResources.available, false), sql`coalesce(${emergencyResources.members}, 0) = 0`),
        ),
      ),
  ]);
  const counts = new Map(byKind.map((r) => [r.kind, r.n]));
  return {
    areaCode: area,
    resources: resourceKinds.map((kind) => {
      const n = counts.get(kind) ?? 0;
      return {
        kind,
        count: n,
        minimum: readinessMinimums[kind],
        short: n < readinessMinimums[kind],
        link: `/emergency/resources?kind=${kind}&${q}`,
      };
    }),
    expiredBatches: { count: expired!.n, link: `/emergency/resources?kind=depot&${q}` },
    plansDueForEvaluation: { count: plansDue!.n, link: `/emergency/plans?evaluationDue=true` },
    drillsOverdue: { count: drillsOverdue, link: `/emergency/drills?tab=compliance&overdue=true` },
    teamsNotOnDuty: { count: teams!.n, link: `/emergency/resources?kind=team&${q}` },
  };
}
