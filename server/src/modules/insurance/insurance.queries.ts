// SQL of 安责险 policies, the coverage check and the coverage rates. Every read goes through the scope predicate on
// the table's own scope columns (policies copy the enterprise's at write time); the coverage check reads the
// enterprises table through the same predicate with the enterprise's id as its enterprise column.
import { and, asc, count, desc, eq, gte, inArray, isNull, like, lte, sql, type SQL } from 'drizzle-orm';
import type { CoverageQuery, PolicyListQuery } from '@anjian/contracts';
import { areas, enterprises, insurancePolicies } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { likePrefix, scopeWhere } from '../../platform/scope';
import { addDays } from '../../platform/time';
import { insuranceRules, type InsuranceRules } from './insurance.rules';

export type PolicyRow = typeof insurancePolicies.$inferSelect;
export type EnterpriseRow = typeof enterprises.$inferSelect;

export const policyScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: insurancePolicies.areaCode,
    sector: insurancePolicies.sector,
    parkId: insurancePolicies.parkId,
    enterpriseId: insurancePolicies.enterpriseId,
  });

export const enterpriseScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: enterprises.areaCode,
    sector: enterprises.sector,
    parkId: enterprises.parkId,
    enterpriseId: enterprises.id,
  });

/** A live enterprise the caller may see (FOR UPDATE when `lock`), or null: out of scope is "not found". */
export async function findEnterpriseInScope(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<EnterpriseRow | null> {
  const q = db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt), enterpriseScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPolicy(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<PolicyRow | null> {
  const q = db
    .select()
    .from(insurancePolicies)
    .where(and(eq(insurancePolicies.id, id), policyScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPolicies(db: DbOrTx, actor: Actor, q: PolicyListQuery, today: string) {
  const parts: SQL[] = [policyScope(actor)];
  if (q.enterpriseId) parts.push(eq(insurancePolicies.enterpriseId, q.enterpriseId));
  if (q.expiringWithin) {
    parts.push(lte(insurancePolicies.startsOn, today), gte(insurancePolicies.endsOn, today));
    parts.push(lte(insurancePolicies.endsOn, addDays(today, q.expiringWithin)));
  }
  const where = and(...parts);
  const order = q.expiringWithin
    ? [asc(insurancePolicies.endsOn), asc(insurancePolicies.id)]
    : [desc(insurancePolicies.endsOn), desc(insurancePolicies.id)];
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(insurancePolicies)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(insurancePolicies).where(where),
  ]);
  return { items, total: total!.n };
}

export async function enterpriseNames(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** Operating live enterprises that must hold a policy (insurance.rules mustInsure, in SQL). */
export function mandatoryWhere(rules: InsuranceRules = insuranceRules): SQL {
  const bySector = rules.mandatorySectors.length ? inArray(enterprises.sector, [...rules.mandatorySectors]) : sql`false`;
  const byTag = rules.mandatoryTags.length ? sql`${enterprises.hazardTags} && ${textArray(rules.mandatoryTags)}` : sql`false`;
  return and(isNull(enterprises.deletedAt), eq(enterprises.operatingStatus, 'operating'), sql`(${bySector} or ${byTag})`)!;
}

/** A policy of the enterprise in force on `today` (served by insurance_policies_enterprise_idx). */
export const insuredOn = (today: string) =>
  sql`exists (select 1 from insurance_policies p where p.enterprise_id = enterprises.id and p.ends_on >= ${today} and p.starts_on <= ${today})`;

/** The coverage check: mandatory enterprises in scope with no policy in force today, paged. */
export async function findUninsured(db: DbOrTx, actor: Actor, q: CoverageQuery, today: string, rules: InsuranceRules = insuranceRules) {
  const where = and(
    enterpriseScope(actor),
    mandatoryWhere(rules),
    q.areaCode ? like(enterprises.areaCode, likePrefix(q.areaCode)) : undefined,
    q.sector ? eq(enterprises.sector, q.sector) : undefined,
    sql`not ${insuredOn(today)}`,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        enterpriseId: enterprises.id,
        name: enterprises.name,
        creditCode: enterprises.creditCode,
        areaCode: enterprises.areaCode,
        sector: enterprises.sector,
        lastPolicyEndsOn: sql<
          string | null
        >`(select max(p.ends_on)::text from insurance_policies p where p.enterprise_id = enterprises.id)`,
      })
      .from(enterprises)
      .where(where)
      .orderBy(asc(enterprises.areaCode), asc(enterprises.name), asc(enterprises.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { items, total: total!.n };
}

/** The areas directly under `code` with their prefixes (a street's communities, a district's streets). */
export async function childAreas(db: DbOrTx, code: string) {
  return db
    .select({ code: areas.code, name: areas.name, prefix: areas.prefix })
    .from(areas)
    .where(eq(areas.parentCode, code))
    .orderBy(asc(areas.sort), asc(areas.code));
}

export async function areaName(db: DbOrTx, code: string) {
  const [a] = await db.select({ name: areas.name, prefix: areas.prefix }).from(areas).where(eq(areas.code, code));
  return a ?? null;
}

/**
 * Counts per child area in one grouped scan per prefix length: `filter` counts the subset (e.g. insured) among the
 * rows of `base` (e.g. mandatory) in the caller's scope under `prefix`.
 */
export async function countByChild(
  db: DbOrTx,
  children: { code: string; prefix: string }[],
  prefix: string,
  base: SQL,
  subset: SQL,
): Promise<Map<string, { n: number; k: number }>> {
  const out = new Map<string, { n: number; k: number }>();
  const lengths = [...new Set(children.map((c) => c.prefix.length))];
  for (const len of lengths) {
    const rows = rowsOf<{ key: string; n: number; k: number }>(
      await db.execute(sql`
        select left(area_code, ${len}) as key, count(*)::int as n, (count(*) filter (where ${subset}))::int as k
          from enterprises
         where ${base} and area_code like ${likePrefix(prefix)}
         group by 1`),
    );
    for (const r of rows) out.set(r.key, { n: r.n, k: r.k });
  }
  return out;
}
