// Rows → response whitelists, with `abilities` (what this caller may do next) from the permission table, the task's
// machine and the caller's side (issuer or lead unit).
import {
  can,
  type MonthlyReportView,
  type SupervisionLevel,
  type WorkPlanView,
  type WorkTaskStatus,
  type WorkTaskView,
} from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { inScope } from '../../platform/scope';
import {
  countTasks,
  findReportsFor,
  findTaskHistory,
  orgNames,
  userNames,
  type WorkPlanRow,
  type WorkTaskReportRow,
} from './workplans.queries';
import { availableWorkTaskActions, type WorkTaskRow } from './workplans.workflow';

export const isIssuerSide = (actor: Actor, plan: { areaCode: string }) => inScope(actor, { areaCode: plan.areaCode });

export async function presentPlans(db: DbOrTx, actor: Actor, rows: WorkPlanRow[]): Promise<WorkPlanView[]> {
  const [names, counts] = await Promise.all([
    orgNames(
      db,
      rows.map((r) => r.issuerOrgId),
    ),
    countTasks(
      db,
      actor,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const abilities: string[] = [];
    if (isIssuerSide(actor, r) && can(actor.role, 'workplan.manage')) abilities.push('addTask');
    if (isIssuerSide(actor, r) && can(actor.role, 'workplan.export')) abilities.push('export', 'board');
    return {
      id: r.id,
      title: r.title,
      docNumber: r.docNumber,
      year: r.year,
      issuerOrgId: r.issuerOrgId,
      issuerOrgName: names.get(r.issuerOrgId) ?? null,
      areaCode: r.areaCode,
      phases: r.phases,
      sourceDocument: r.sourceDocument,
      reportDay: r.reportDay,
      taskCount: counts.get(r.id) ?? 0,
      version: r.version,
      abilities,
    };
  });
}

export async function presentTasks(
  db: DbOrTx,
  actor: Actor,
  rows: WorkTaskRow[],
  planTitles: Map<string, string>,
): Promise<WorkTaskView[]> {
  const names = await orgNames(db, [...rows.map((r) => r.leadOrgId), ...rows.flatMap((r) => r.coOrgIds)]);
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    planTitle: planTitles.get(r.planId) ?? '',
    seq: r.seq,
    item: r.item,
    content: r.content,
    leadOrgId: r.leadOrgId,
    leadOrgName: names.get(r.leadOrgId) ?? null,
    coOrgIds: r.coOrgIds,
    coOrgNames: r.coOrgIds.map((id) => names.get(id) ?? ''),
    responsibility: r.responsibility,
    deadline: r.deadline,
    targets: r.targets,
    status: r.status as WorkTaskStatus,
    summary: r.summary,
    returnReason: r.returnReason,
    supervised: r.supervised,
    supervisionLevel: (r.supervisionLevel as SupervisionLevel | null) ?? null,
    supervisionReason: r.supervisionReason,
    version: r.version,
    abilities: availableWorkTaskActions(actor, r),
  }));
}

export async function presentReports(db: DbOrTx, rows: WorkTaskReportRow[]): Promise<MonthlyReportView[]> {
  const names = await userNames(
    db,
    rows.map((r) => r.submittedBy).filter((x): x is string => !!x),
  );
  return rows.map((r) => presentReport(r, names));
}

export function presentReport(r: WorkTaskReportRow, names: Map<string, string>): MonthlyReportView {
  return {
    month: r.month,
    progress: r.progress,
    problems: r.problems,
    dueOn: r.dueOn,
    submittedOn: r.submittedOn,
    late: r.late,
    submittedByName: r.submittedBy ? (names.get(r.submittedBy) ?? null) : null,
  };
}

export async function presentTaskDetail(db: DbOrTx, actor: Actor, row: WorkTaskRow, planTitle: string) {
  const [[view], history, reports] = await Promise.all([
    presentTasks(db, actor, [row], new Map([[row.planId, planTitle]])),
    findTaskHistory(db, row.id),
    findReportsFor(db, [row.id]),
  ]);
  return {
    ...view!,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    reports: await presentReports(db, reports),
  };
}

/** The audit entry's picture of a task. */
export function auditTask(row: WorkTaskRow) {
  return {
    planId: row.planId,
    seq: row.seq,
    item: row.item,
    leadOrgId: row.leadOrgId,
    status: row.status,
    supervised: row.supervised,
    supervisionLevel: row.supervisionLevel,
    deadline: row.deadline,
    version: row.version,
  };
}
