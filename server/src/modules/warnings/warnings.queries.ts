// SQL of the 警兆知识库: rules and their versions through the scope predicate on the rule's own area (the issuing
// bureau's), warnings through the predicate on their subject's area, sector, park and enterprise — so a street, an
// industry department or a park station sees exactly the warnings about records it can open.
import { and, asc, count, desc, eq, inArray, max, type SQL } from 'drizzle-orm';
import type { WarningListQuery, WarningRuleListQuery } from '@anjian/contracts';
import { warningRuleVersions, warningRules, warnings } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import type { RuleVersionRow, WarningRow } from './warnings.workflow';

export type RuleRow = typeof warningRules.$inferSelect;

const ruleScope = (actor: Actor) => scopeWhere(actor, { areaCode: warningRules.areaCode });
const versionScope = (actor: Actor) => scopeWhere(actor, { areaCode: warningRuleVersions.areaCode });
export const warningScope = (actor: Actor): SQL =>
  scopeWhere(actor, {
    areaCode: warnings.areaCode,
    sector: warnings.sector,
    parkId: warnings.parkId,
    enterpriseId: warnings.enterpriseId,
  });

export async function findRule(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<RuleRow | null> {
  const q = db
    .select()
    .from(warningRules)
    .where(and(eq(warningRules.id, id), ruleScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findRules(db: DbOrTx, actor: Actor, q: WarningRuleListQuery) {
  const where = ruleScope(actor);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(warningRules)
      .where(where)
      .orderBy(desc(warningRules.createdAt), asc(warningRules.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(warningRules).where(where),
  ]);
  return { items, total: total!.n };
}

export async function versionsOf(db: DbOrTx, ruleIds: string[]): Promise<RuleVersionRow[]> {
  if (ruleIds.length === 0) return [];
  return db.select().from(warningRuleVersions).where(inArray(warningRuleVersions.ruleId, ruleIds)).orderBy(desc(warningRuleVersions.seq));
}

export async function findRuleVersion(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<RuleVersionRow | null> {
  const q = db
    .select()
    .from(warningRuleVersions)
    .where(and(eq(warningRuleVersions.id, id), versionScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The rule's active version, locked (activation retires it in the same transaction). */
export async function activeVersionOf(db: DbOrTx, ruleId: string, lock = false): Promise<RuleVersionRow | null> {
  const q = db
    .select()
    .from(warningRuleVersions)
    .where(and(eq(warningRuleVersions.ruleId, ruleId), eq(warningRuleVersions.status, 'active')));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function nextSeq(db: DbOrTx, ruleId: string): Promise<number> {
  const [row] = await db
    .select({ n: max(warningRuleVersions.seq) })
    .from(warningRuleVersions)
    .where(eq(warningRuleVersions.ruleId, ruleId));
  return (row?.n ?? 0) + 1;
}

/** Every active version with its rule's name and area: what the nightly evaluation walks. */
export async function activeVersions(db: DbOrTx, kinds?: string[]) {
  return db
    .select({ v: warningRuleVersions, name: warningRules.name })
    .from(warningRuleVersions)
    .innerJoin(warningRules, eq(warningRules.id, warningRuleVersions.ruleId))
    .where(and(eq(warningRuleVersions.status, 'active'), kinds ? inArray(warningRuleVersions.conditionKind, kinds) : undefined))
    .orderBy(asc(warningRuleVersions.id));
}

export async function findWarning(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<WarningRow | null> {
  const q = db
    .select()
    .from(warnings)
    .where(and(eq(warnings.id, id), warningScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findWarnings(db: DbOrTx, actor: Actor, q: WarningListQuery) {
  const where = and(
    warningScope(actor),
    q.status ? eq(warnings.status, q.status) : undefined,
    q.level ? eq(warnings.level, q.level) : undefined,
    q.ruleId ? eq(warnings.ruleId, q.ruleId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(warnings)
      .where(where)
      .orderBy(desc(warnings.firedOn), asc(warnings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(warnings).where(where),
  ]);
  return { items, total: total!.n };
}

/** Rule names and version numbers of warnings (presenter). */
export async function ruleLabels(db: DbOrTx, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, { name: string; seq: number }>();
  const rows = await db
    .select({ id: warningRuleVersions.id, seq: warningRuleVersions.seq, name: warningRules.name })
    .from(warningRuleVersions)
    .innerJoin(warningRules, eq(warningRules.id, warningRuleVersions.ruleId))
    .where(inArray(warningRuleVersions.id, [...new Set(versionIds)]));
  return new Map(rows.map((r) => [r.id, { name: r.name, seq: r.seq }]));
}
