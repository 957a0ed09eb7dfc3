// Coverage and standardization rates per child area of an area (a district's streets, a street's communities),
// counted from the enterprise file through the caller's scope predicate at read time: both depend on today (a policy
// or a grade lapses without any write), so they are computed over indexes rather than maintained — insurance through
// enterprises_sector_idx + the policies' (enterprise_id, ends_on) index, standardization as one index-only range scan
// of enterprises_standardization_idx.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { InsuranceRatesView, StandardizationRatesView } from '@anjian/contracts';
import { enterprises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { loadInsuranceRules } from './insurance.settings';
import { areaName, childAreas, countByChild, enterpriseScope, insuredOn, mandatoryWhere } from './insurance.queries';
import { ratePct, standardizationRules, standardizationShortfall } from './standardization.rules';

async function areaOf(db: DbOrTx, actor: Actor, code: string | undefined) {
  const areaCode = code ?? actor.areaCode;
  if (!areaCode) throw notFound();
  const area = await areaName(db, areaCode);
  if (!area) throw notFound();
  return { areaCode, ...area, children: await childAreas(db, areaCode) };
}

export async function insuranceRates(db: DbOrTx, actor: Actor, code: string | undefined, today: string): Promise<InsuranceRatesView> {
  const a = await areaOf(db, actor, code);
  const base = and(enterpriseScope(actor), mandatoryWhere(await loadInsuranceRules(db)))!;
  const counts = await countByChild(
    db,
    a.children.length ? a.children : [{ code: a.areaCode, prefix: a.prefix }],
    a.prefix,
    base,
    insuredOn(today),
  );
  const row = (areaCode: string, name: string, c?: { n: number; k: number }) => ({
    areaCode,
    areaName: name,
    mandatory: c?.n ?? 0,
    insured: c?.k ?? 0,
    ratePct: ratePct(c?.k ?? 0, c?.n ?? 0),
  });
  const rows = a.children.map((ch) => row(ch.code, ch.name, counts.get(ch.prefix)));
  const sum = [...counts.values()].reduce((s, c) => ({ n: s.n + c.n, k: s.k + c.k }), { n: 0, k: 0 });
  return { areaCode: a.areaCode, today, rows, total: row(a.areaCode, a.name, sum) };
}

export async function standardizationRates(
  db: DbOrTx,
  actor: Actor,
  code: string | undefined,
  today: string,
): Promise<StandardizationRatesView> {
  const a = await areaOf(db, actor, code);
  const base = and(
    enterpriseScope(actor),
    sql`${enterprises.deletedAt} is null`,
    eq(enterprises.operatingStatus, 'operating'),
    eq(enterprises.scale, 'above'),
  )!;
  const graded = and(inArray(enterprises.standardizationGrade, ['1', '2', '3']), sql`${enterprises.standardizationExpiry} >= ${today}`)!;
  const counts = await countByChild(db, a.children.length ? a.children : [{ code: a.areaCode, prefix: a.prefix }], a.prefix, base, graded);
  const row = (areaCode: string, name: string, c?: { n: number; k: number }) => {
    const rate = ratePct(c?.k ?? 0, c?.n ?? 0);
    return { areaCode, areaName: name, above: c?.n ?? 0, graded: c?.k ?? 0, ratePct: rate, deduction: standardizationShortfall(rate) };
  };
  const rows = a.children.map((ch) => row(ch.code, ch.name, counts.get(ch.prefix)));
  const sum = [...counts.values()].reduce((s, c) => ({ n: s.n + c.n, k: s.k + c.k }), { n: 0, k: 0 });
  const r = standardizationRules;
  return {
    areaCode: a.areaCode,
    today,
    targetPct: r.targetPct,
    stepPct: r.stepPct,
    deductPerStep: r.deductPerStep,
    rows,
    total: row(a.areaCode, a.name, sum),
  };
}
