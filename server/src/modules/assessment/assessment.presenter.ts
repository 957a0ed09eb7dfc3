// Row → response for 年度考核: every field that leaves the server, names of units, the sheet's rank among its
// scheme's sheets, and `abilities` from the machines (what this caller may do next).
import type { SchemeView, SheetView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { countSheets, schemeTotals, sheetHistory, unitsOf } from './assessment.queries';
import { rankSheets, round2 } from './assessment.rules';
import { schemeAbilities, sheetAbilities, type SchemeRow, type SheetRow } from './assessment.workflow';

export async function presentSchemes(db: DbOrTx, actor: Actor, rows: SchemeRow[]): Promise<SchemeView[]> {
  const [units, sheets] = await Promise.all([
    unitsOf(
      db,
      rows.flatMap((r) => r.unitOrgIds),
    ),
    countSheets(
      db,
      actor,
      rows.map((r) => r.id),
    ),
  ]);
  const names = new Map(units.map((u) => [u.id, u.shortName ?? u.name]));
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    revision: r.revision,
    title: r.title,
    status: r.status as SchemeView['status'],
    indicators: r.indicators,
    vetoes: r.vetoes,
    units: r.unitOrgIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    totalWeight: round2(r.indicators.reduce((s, i) => s + i.weight, 0)),
    sheets: sheets.get(r.id) ?? 0,
    version: r.version,
    abilities: schemeAbilities(actor, r),
  }));
}

export async function presentSheets(db: DbOrTx, actor: Actor, rows: SheetRow[], withHistory = false): Promise<SheetView[]> {
  const [units, totals, histories] = await Promise.all([
    unitsOf(
      db,
      rows.map((r) => r.orgId),
    ),
    schemeTotals(
      db,
      rows.map((r) => r.schemeId),
    ),
    withHistory ? Promise.all(rows.map((r) => sheetHistory(db, r.id))) : Promise.resolve([]),
  ]);
  const names = new Map(units.map((u) => [u.id, u.shortName ?? u.name]));
  const bySchemes = new Map<string, typeof totals>();
  for (const t of totals) bySchemes.set(t.schemeId, [...(bySchemes.get(t.schemeId) ?? []), t]);
  const ranks = new Map<string, number | null>();
  for (const list of bySchemes.values()) for (const r of rankSheets(list)) ranks.set(r.id, r.rank);
  return rows.map((r, i) => ({
    id: r.id,
    schemeId: r.schemeId,
    year: r.year,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    status: r.status as SheetView['status'],
    lines: r.lines,
    vetoes: r.vetoLines,
    vetoed: r.vetoed,
    computedTotal: r.computedTotal,
    adjustment: r.adjustment,
    total: r.total,
    rank: ranks.get(r.id) ?? null,
    objection: r.objection,
    adjustReason: r.adjustReason,
    entered: r.entered,
    history: (histories[i] ?? []).map((h) => ({ ...h, actorName: h.actorName ?? '', at: h.at.toISOString() })),
    version: r.version,
    abilities: sheetAbilities(actor, r),
  }));
}

/** What the audit log keeps of a sheet. */
export const auditSheet = (r: SheetRow) => ({
  status: r.status,
  computedTotal: r.computedTotal,
  adjustment: r.adjustment,
  total: r.total,
  vetoed: r.vetoed,
  objection: r.objection,
  adjustReason: r.adjustReason,
  entered: r.entered,
  version: r.version,
});
export const auditScheme = (r: SchemeRow) => ({
  year: r.year,
  revision: r.revision,
  title: r.title,
  status: r.status,
  indicators: r.indicators,
  vetoes: r.vetoes,
  unitOrgIds: r.unitOrgIds,
  version: r.version,
});
