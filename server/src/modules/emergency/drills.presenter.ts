// Drill → response whitelist; the enterprise that holds the drill records it and its findings.
import { can, type DrillKind, type DrillView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { enterpriseNames, planTitles } from './plans.queries';
import { findFindings, type DrillRow, type FindingRow } from './drills.queries';

export function drillAbilities(actor: Actor, row: DrillRow): string[] {
  if (!can(actor.role, 'drill.record') || actor.enterpriseId !== row.enterpriseId) return [];
  return row.heldOn ? ['record', 'addFinding'] : ['record'];
}

export function presentDrill(
  actor: Actor,
  row: DrillRow,
  names: Map<string, string>,
  titles: Map<string, string>,
  findings: FindingRow[],
): DrillView {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: names.get(row.enterpriseId) ?? '',
    planId: row.planId,
    planTitle: row.planId ? (titles.get(row.planId) ?? null) : null,
    planType: row.planType as DrillView['planType'],
    kind: row.kind as DrillKind,
    doubleBlind: row.doubleBlind,
    scenario: row.scenario,
    plannedOn: row.plannedOn,
    heldOn: row.heldOn,
    participants: row.participants,
    participantsNote: row.participantsNote,
    evaluation: row.evaluation,
    findings: findings.map((f) => ({ id: f.id, description: f.description, action: f.action, dueOn: f.dueOn, revisionId: f.revisionId })),
    version: row.version,
    abilities: drillAbilities(actor, row),
  };
}

export async function presentDrills(db: DbOrTx, actor: Actor, rows: DrillRow[]) {
  const [names, titles, findings] = await Promise.all([
    enterpriseNames(
      db,
      rows.map((r) => r.enterpriseId),
    ),
    planTitles(
      db,
      rows.flatMap((r) => (r.planId ? [r.planId] : [])),
    ),
    findFindings(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => presentDrill(actor, r, names, titles, findings.get(r.id) ?? []));
}

export const presentDrillOne = async (db: DbOrTx, actor: Actor, row: DrillRow) => (await presentDrills(db, actor, [row]))[0]!;

export function auditDrill(row: DrillRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
