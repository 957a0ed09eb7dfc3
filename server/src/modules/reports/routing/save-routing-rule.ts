// Creating and changing a 举报 routing rule (configuration, 'report.routing'): the prefix must be within the
// administrator's own area, the target area must exist (and the park, when named) → write with version + 1 → audit
// with before and after, in one transaction. A rule is retired by `active: false`, never deleted, so the reports it
// routed keep the rule they name.
import { eq } from 'drizzle-orm';
import type { RoutingRuleBody, RoutingRuleUpdateBody, RoutingRuleView } from '@anjian/contracts';
import { can } from '@anjian/contracts';
import { reportRoutingRules } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, DbOrTx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { inScope } from '../../../platform/scope';
import { areaExists } from '../reports.queries';
import { findRoutingRule, parkExists, routingNames, type RoutingRuleRow } from './routing.queries';

export async function presentRoutingRules(db: DbOrTx, actor: Actor, rows: RoutingRuleRow[]): Promise<RoutingRuleView[]> {
  const names = await routingNames(db, rows);
  const abilities = can(actor.role, 'report.routing') ? ['update'] : [];
  return rows.map((r) => ({
    id: r.id,
    areaPrefix: r.areaPrefix,
    category: r.category,
    targetAreaCode: r.targetAreaCode,
    targetAreaName: names.areas.get(r.targetAreaCode) ?? null,
    targetSector: r.targetSector,
    targetParkId: r.targetParkId,
    targetParkName: r.targetParkId ? (names.parks.get(r.targetParkId) ?? null) : null,
    priority: r.priority,
    active: r.active,
    note: r.note,
    version: r.version,
    abilities,
  }));
}

async function check(db: DbOrTx, actor: Actor, input: RoutingRuleBody) {
  if (!inScope(actor, { areaCode: input.areaPrefix }))
    throw fieldError('areaPrefix', '区划代码前缀须在本辖区内', 'The area prefix must be within your jurisdiction');
  if (!(await areaExists(db, input.targetAreaCode))) throw fieldError('targetAreaCode', '承办地区不存在', 'No such area');
  if (!inScope(actor, { areaCode: input.targetAreaCode }))
    throw fieldError('targetAreaCode', '承办地区须在本辖区内', 'The target area must be within your jurisdiction');
  if (input.targetParkId && !(await parkExists(db, input.targetParkId))) throw fieldError('targetParkId', '园区不存在', 'No such park');
}

const valuesOf = (input: RoutingRuleBody) => ({
  areaPrefix: input.areaPrefix,
  category: input.category ?? null,
  targetAreaCode: input.targetAreaCode,
  targetSector: input.targetSector ?? null,
  targetParkId: input.targetParkId ?? null,
  priority: input.priority ?? 0,
  active: input.active ?? true,
  note: input.note ?? null,
});

const rowValues = (r: RoutingRuleRow) => ({
  areaPrefix: r.areaPrefix,
  category: r.category,
  targetAreaCode: r.targetAreaCode,
  targetSector: r.targetSector,
  targetParkId: r.targetParkId,
  priority: r.priority,
  active: r.active,
  note: r.note,
});

export async function createRoutingRule(db: Db, actor: Actor, ip: string | null, input: RoutingRuleBody) {
  return db.transaction(async (tx) => {
    await check(tx, actor, input);
    const [row] = await tx.insert(reportRoutingRules).values(valuesOf(input)).returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'report.routing.create', entityType: 'report_routing_rule', entityId: row!.id, after: valuesOf(input) },
    );
    return (await presentRoutingRules(tx, actor, [row!]))[0]!;
  });
}

export async function updateRoutingRule(db: Db, actor: Actor, ip: string | null, id: string, input: RoutingRuleUpdateBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findRoutingRule(tx, actor, id, true),
      version: input.version,
      present: async (row) => (await presentRoutingRules(tx, actor, [row]))[0]!,
    });
    await check(tx, actor, input);
    const [row] = await tx
      .update(reportRoutingRules)
      .set({ ...valuesOf(input), updatedAt: new Date(), version: before.version + 1 })
      .where(eq(reportRoutingRules.id, before.id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'report.routing.update',
        entityType: 'report_routing_rule',
        entityId: id,
        before: rowValues(before),
        after: valuesOf(input),
      },
    );
    return (await presentRoutingRules(tx, actor, [row!]))[0]!;
  });
}
