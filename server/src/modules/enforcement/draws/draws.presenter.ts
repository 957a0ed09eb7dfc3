// enforcement_draws row → API shapes: the full record for staff, and the masked public notice (一公开).
import { can, type Draw } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { cstIso } from '../../../platform/time';
import type { WeightTable } from '../../../reference/enforcement/draw';
import { maskPersonName } from '../../../platform/masking';
import type { DrawRow } from './draws.queries';

type ResultItem = Draw['result'][number];
/** A stored result line: draws recorded before the credit factor carry no grade and no reasons. */
type StoredItem = Omit<ResultItem, 'creditGrade' | 'reasons'> & Partial<Pick<ResultItem, 'creditGrade' | 'reasons'>>;

export function presentDraw(actor: Actor, row: DrawRow): Draw {
  const abilities = ['verify'];
  if (!row.published && can(actor.role, 'enforcement.draw')) abilities.push('publish');
  const { scope: _scope, ...filter } = row.filter as Record<string, unknown>;
  return {
    id: row.id,
    title: row.title,
    orgName: row.orgName,
    areaCode: row.areaCode,
    seed: row.seed,
    filter,
    weightTable: row.weightTable as WeightTable,
    k: row.k,
    poolCount: row.poolCount,
    poolWeightTotal: row.poolWeightTotal,
    poolChecksum: row.poolChecksum,
    result: (row.result as StoredItem[]).map((r) => ({
      enterpriseId: r.enterpriseId,
      name: r.name,
      areaCode: r.areaCode,
      weight: r.weight,
      key: r.key,
      inspectorIds: r.inspectorIds,
      inspectorNames: r.inspectorNames,
      short: r.short,
      // Draws recorded before the reasons were kept show none.
      creditGrade: r.creditGrade ?? null,
      reasons: r.reasons ?? [],
    })),
    published: row.published,
    publishedAt: row.publishedAt ? cstIso(row.publishedAt) : null,
    createdByName: row.createdByName,
    createdAt: cstIso(row.createdAt),
    abilities,
  };
}

/** Enterprises are organisations and stay named; inspectors are people: family name only. */
export function presentPublicDraw(row: DrawRow) {
  return {
    id: row.id,
    title: row.title,
    orgName: row.orgName,
    seed: row.seed,
    weightTable: row.weightTable as WeightTable,
    poolCount: row.poolCount,
    poolChecksum: row.poolChecksum,
    publishedAt: row.publishedAt ? cstIso(row.publishedAt) : null,
    result: (row.result as StoredItem[]).map((r) => ({ name: r.name, inspectors: r.inspectorNames.map((n) => maskPersonName(n) ?? '') })),
  };
}
