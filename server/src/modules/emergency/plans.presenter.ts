// Plan and revision duty → response whitelist, with `abilities` from the plan's machine and the permission table.
import {
  can,
  enterprisePlanTypes,
  type PlanDetail,
  type PlanType,
  type EmergencyPlanView,
  type RevisionTrigger,
  type RevisionView,
} from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { inScope } from '../../platform/scope';
import { cstDate } from '../../platform/time';
import { enterpriseNames, findPlanParts, planTitles, type RevisionRow } from './plans.queries';
import { evaluationOverdue, filingDueOn } from './plans.rules';
import { availablePlanActions, type PlanRow } from './plans.workflow';

const isEnterprisePlan = (t: string) => (enterprisePlanTypes as readonly string[]).includes(t);

export function planAbilities(actor: Actor, row: PlanRow): string[] {
  if (!inScope(actor, row)) return [];
  const out: string[] = availablePlanActions(actor, row);
  const owner = row.enterpriseId ? actor.enterpriseId === row.enterpriseId : actor.scopeKind === 'area' && can(actor.role, 'plan.write');
  if (owner && can(actor.role, 'plan.write')) {
    if (row.status === 'draft' || row.status === 'returned') out.push('update');
    if (row.status === 'filed') out.push('evaluate', 'trigger');
  } else if (can(actor.role, 'plan.review') && row.status === 'filed' && isEnterprisePlan(row.planType)) {
    // The authority records triggers it learns of (a law change) on an enterprise's plan too.
    out.push('trigger');
  }
  return out.filter((a) => owner || !['revise'].includes(a));
}

export function presentPlan(actor: Actor, row: PlanRow, names: Map<string, string>, today = cstDate()): EmergencyPlanView {
  return {
    id: row.id,
    planType: row.planType as PlanType,
    title: row.title,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseId ? (names.get(row.enterpriseId) ?? null) : null,
    areaCode: row.areaCode,
    status: row.status as EmergencyPlanView['status'],
    versionNo: row.versionNo,
    publishedOn: row.publishedOn,
    filingDueOn: isEnterprisePlan(row.planType) && row.status !== 'filed' ? filingDueOn(row.publishedOn) : null,
    filingNo: row.filingNo,
    filedOn: row.filedOn,
    returnReason: row.returnReason,
    lastEvaluatedOn: row.lastEvaluatedOn,
    evaluationDueOn: row.evaluationDueOn,
    evaluationOverdue: evaluationOverdue(row.evaluationDueOn, today),
    openRevisions: row.openRevisions,
    version: row.version,
    abilities: planAbilities(actor, row),
  };
}

export async function presentPlans(db: DbOrTx, actor: Actor, rows: PlanRow[]) {
  const names = await enterpriseNames(
    db,
    rows.map((r) => r.enterpriseId),
  );
  return rows.map((r) => presentPlan(actor, r, names));
}

export function presentRevision(
  actor: Actor,
  r: RevisionRow,
  titles: Map<string, string>,
  names: Map<string, string>,
  today = cstDate(),
): RevisionView {
  const owner = r.enterpriseId ? actor.enterpriseId === r.enterpriseId : actor.scopeKind === 'area';
  return {
    id: r.id,
    planId: r.planId,
    planTitle: titles.get(r.planId) ?? '',
    enterpriseName: r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null,
    trigger: r.trigger as RevisionTrigger,
    occurredOn: r.occurredOn,
    dueOn: r.dueOn,
    note: r.note,
    completedOn: r.completedOn,
    overdue: !r.completedOn && today > r.dueOn,
    version: r.version,
    abilities: !r.completedOn && owner && can(actor.role, 'plan.write') && inScope(actor, r) ? ['complete'] : [],
  };
}

export async function presentRevisions(db: DbOrTx, actor: Actor, rows: RevisionRow[]) {
  const [titles, names] = await Promise.all([
    planTitles(
      db,
      rows.map((r) => r.planId),
    ),
    enterpriseNames(
      db,
      rows.map((r) => r.enterpriseId),
    ),
  ]);
  return rows.map((r) => presentRevision(actor, r, titles, names));
}

export async function presentPlanDetail(db: DbOrTx, actor: Actor, row: PlanRow): Promise<PlanDetail> {
  const [names, parts] = await Promise.all([enterpriseNames(db, [row.enterpriseId]), findPlanParts(db, row.id)]);
  const titles = new Map([[row.id, row.title]]);
  return {
    ...presentPlan(actor, row, names),
    summary: row.summary,
    cards: parts.cards.map((c) => ({ id: c.id, post: c.post, risks: c.risks, steps: c.steps, reportTo: c.reportTo })),
    versions: parts.versions.map((v) => ({
      versionNo: v.versionNo,
      publishedOn: v.publishedOn,
      changeNote: v.changeNote,
      createdAt: v.createdAt.toISOString(),
    })),
    revisions: parts.revisions.map((r) => presentRevision(actor, r, titles, names)),
  };
}

export function auditPlan(row: PlanRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
