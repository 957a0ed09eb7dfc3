// SQL of the 举报 routing rules: the lookup at submission (no caller scope: the rule table is configuration, read by
// the location's prefixes), and the administrators' list, read through the scope predicate on the rule's area prefix.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { areas, parks, reportRoutingRules } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { scopeWhere } from '../../../platform/scope';
import { chooseRule, prefixesOf, routeOf, type Route } from './routing.rules';

export type RoutingRuleRow = typeof reportRoutingRules.$inferSelect;

export async function routeReport(db: DbOrTx, areaCode: string, category: string): Promise<Route> {
  const rules = await db
    .select()
    .from(reportRoutingRules)
    .where(and(eq(reportRoutingRules.active, true), inArray(reportRoutingRules.areaPrefix, prefixesOf(areaCode))));
  return routeOf(chooseRule(rules, areaCode, category), areaCode);
}

const scope = (actor: Actor) => scopeWhere(actor, { areaCode: reportRoutingRules.areaPrefix });

export async function findRoutingRules(db: DbOrTx, actor: Actor) {
  return db
    .select()
    .from(reportRoutingRules)
    .where(scope(actor))
    .orderBy(asc(reportRoutingRules.areaPrefix), desc(reportRoutingRules.priority), asc(reportRoutingRules.createdAt))
    .limit(1000);
}

export async function findRoutingRule(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<RoutingRuleRow | null> {
  const q = db
    .select()
    .from(reportRoutingRules)
    .where(and(eq(reportRoutingRules.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Names of the target areas and parks a set of rules refers to. */
export async function routingNames(db: DbOrTx, rows: RoutingRuleRow[]) {
  const codes = [...new Set(rows.map((r) => r.targetAreaCode))];
  const parkIds = [...new Set(rows.map((r) => r.targetParkId).filter((x): x is string => !!x))];
  const [a, p] = await Promise.all([
    codes.length ? db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, codes)) : [],
    parkIds.length ? db.select({ id: parks.id, name: parks.name }).from(parks).where(inArray(parks.id, parkIds)) : [],
  ]);
  return { areas: new Map(a.map((x) => [x.code, x.name])), parks: new Map(p.map((x) => [x.id, x.name])) };
}

export async function parkExists(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: parks.id }).from(parks).where(eq(parks.id, id));
  return !!row;
}
