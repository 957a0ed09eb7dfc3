// The month's progress board of a plan (its issuer side only): one row per task with the lead unit's report for the
// month and its state (filed / late / missing / pending / not required, workplans.rules.ts), and per lead unit the
// counts — the laggards the bureau urges. The .xlsx export (workplans.export.ts) writes the same rows.
import type { ProgressBoard } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { findIssuedPlan, findPlanTasks, findReportsFor, orgNames } from './workplans.queries';
import { monthlyReportDue, reportState } from './workplans.rules';

export async function buildBoard(db: DbOrTx, actor: Actor, planId: string, month: string, today: string): Promise<ProgressBoard> {
  const plan = await findIssuedPlan(db, actor, planId);
  if (!plan) throw notFound();
  const tasks = await findPlanTasks(db, actor, plan.id);
  const [reports, names] = await Promise.all([
    findReportsFor(
      db,
      tasks.map((t) => t.id),
      month,
    ),
    orgNames(
      db,
      tasks.map((t) => t.leadOrgId),
    ),
  ]);
  const byTask = new Map(reports.map((r) => [r.taskId, r]));
  const dueOn = monthlyReportDue(month, plan.reportDay);
  const rows = tasks.map((t) => {
    const r = byTask.get(t.id) ?? null;
    return {
      taskId: t.id,
      seq: t.seq,
      item: t.item,
      content: t.content,
      leadOrgId: t.leadOrgId,
      leadOrgName: names.get(t.leadOrgId) ?? null,
      responsibility: t.responsibility,
      status: t.status as ProgressBoard['rows'][number]['status'],
      supervised: t.supervised,
      reportState: reportState({ submittedOn: r?.submittedOn ?? null, dueOn, today, assignedOn: t.assignedOn, status: t.status }),
      progress: r?.progress ?? null,
      problems: r?.problems ?? null,
      submittedOn: r?.submittedOn ?? null,
    };
  });
  const units = new Map<string, ProgressBoard['units'][number]>();
  for (const row of rows) {
    const u = units.get(row.leadOrgId) ?? {
      orgId: row.leadOrgId,
      orgName: row.leadOrgName,
      required: 0,
      filed: 0,
      late: 0,
      missing: 0,
      pending: 0,
    };
    if (row.reportState !== 'not_required') u.required++;
    if (row.reportState === 'filed') u.filed++;
    if (row.reportState === 'late') u.late++;
    if (row.reportState === 'missing') u.missing++;
    if (row.reportState === 'pending') u.pending++;
    units.set(row.leadOrgId, u);
  }
  const ranked = [...units.values()].sort(
    (a, b) => b.missing - a.missing || b.late - a.late || (a.orgName ?? '').localeCompare(b.orgName ?? ''),
  );
  return { planId: plan.id, planTitle: plan.title, month, dueOn, rows, units: ranked };
}
