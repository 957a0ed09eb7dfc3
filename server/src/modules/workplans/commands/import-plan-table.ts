// Importing a plan's task table (《工作分工及进展情况表》, Longgang 000) from the Word or Excel file it was written in.
// A dry run reads the file and answers what would be created — items, content rows, lead and co-operating units —
// and every problem (an empty cell, a unit no organisation matches). The confirming call sends the same file with the
// plan's version: with any problem it is a bilingual 400 listing them and nothing is written; otherwise, in one
// transaction on the locked plan (409 on a stale version), each content row becomes one task per lead unit through
// the task machine's writer, the plan's version moves on, and every task and the import itself are audited.
// A row's 进展情况 / 存在的困难或问题, when the table carries any, is stored as the current month's progress report of
// each task the row became (work_task_reports, as a lead unit's filing would be: due day, late flag), attributed to
// the importing user and audited per report. The task's state is left to its lead unit: the machine's file_report
// step is the unit's, and text copied from a paper table is a record of what was reported, not a new filing by it.
import { eq } from 'drizzle-orm';
import type { WorkPlanImportReport } from '@anjian/contracts';
import { workPlans, workTaskReports } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAuditMany, type AuditInput } from '../../../platform/audit';
import type { Db, DbOrTx } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { itemsOf } from '../plan-table';
import { readPlanTable } from '../plan-table.read';
import { IMPORT_LIMITS } from '../plan-table.rules';
import { monthlyReportDue, monthOf } from '../workplans.rules';
import { resolveRows, type ResolvedRow } from '../plan-table.units';
import { findIssuedPlan, nextTaskSeq, orgsInPlanArea, placeNames, type WorkPlanRow } from '../workplans.queries';
import { auditTask, presentPlans } from '../workplans.presenter';
import { writeWorkTask } from '../workplans.workflow';

export interface ImportInput {
  buffer: Buffer;
  dryRun: boolean;
  version: number;
}

const hasReport = (r: ResolvedRow) => r.row.progress !== '' || r.row.problems !== '';

async function preview(db: DbOrTx, plan: WorkPlanRow, buffer: Buffer) {
  const table = await readPlanTable(buffer);
  const [orgs, places] = await Promise.all([orgsInPlanArea(db, plan.areaCode), placeNames(db, plan.areaCode)]);
  const { resolved, problems } = resolveRows(table.rows, orgs, places);
  const names = new Map(orgs.map((o) => [o.id, o.shortName ?? o.name]));
  const byRow = new Map(resolved.map((r) => [r.row.row, r]));
  const allProblems = [...table.problems, ...problems].sort((a, b) => a.row - b.row);
  const taskCount = resolved.reduce((n, r) => n + r.leadIds.length, 0);
  if (taskCount > IMPORT_LIMITS.tasks)
    allProblems.push({
      row: 0,
      field: 'file',
      zh: `一次最多导入 ${IMPORT_LIMITS.tasks} 项任务`,
      en: `At most ${IMPORT_LIMITS.tasks} tasks can be imported at once`,
    });
  const items = itemsOf(table.rows).map(({ item, rows }) => ({
    item,
    rows: rows.map((row) => {
      const r = byRow.get(row.row)!;
      return {
        row: row.row,
        content: row.content,
        responsibility: row.responsibility,
        leadOrgNames: r.leadIds.map((id) => names.get(id) ?? ''),
        coOrgNames: r.coIds.filter((id) => !r.leadIds.includes(id)).map((id) => names.get(id) ?? ''),
        taskCount: r.leadIds.length,
        progress: row.progress,
        problems: row.problems,
      };
    }),
  }));
  const reportCount = resolved.reduce((n, r) => n + (hasReport(r) ? r.leadIds.length : 0), 0);
  return { format: table.format, items, resolved, problems: allProblems, rowCount: table.rows.length, taskCount, reportCount };
}

export async function importPlanTable(
  db: Db,
  actor: Actor,
  ip: string | null,
  planId: string,
  input: ImportInput,
  today = cstDate(),
): Promise<WorkPlanImportReport> {
  if (input.dryRun) {
    const plan = await findIssuedPlan(db, actor, planId);
    if (!plan) throw notFound();
    const p = await preview(db, plan, input.buffer);
    return report(p, true, 0, plan.version, today);
  }
  return db.transaction(async (tx) => {
    const plan = await loadForUpdate({
      load: () => findIssuedPlan(tx, actor, planId, true),
      version: input.version,
      present: async (row) => (await presentPlans(tx, actor, [row]))[0],
    });
    const p = await preview(tx, plan, input.buffer);
    if (p.problems.length > 0 || p.rowCount === 0) {
      const details = p.problems.length
        ? p.problems.slice(0, 50).map((x) => ({ field: x.row ? `rows.${x.row}.${x.field}` : 'file', zh: x.zh, en: x.en }))
        : [{ field: 'file', zh: '表格中没有工作内容', en: 'The table has no content rows' }];
      throw new AppError('VALIDATION', details);
    }
    const created = await createTasks(tx, actor, plan, p.resolved, today);
    const reports = await storeReports(tx, actor, plan, created, today);
    await tx
      .update(workPlans)
      .set({ version: plan.version + 1, updatedAt: new Date() })
      .where(eq(workPlans.id, plan.id));
    await recordAuditMany(tx, { actor, ip }, [
      {
        action: 'workplan.import',
        entityType: 'work_plan',
        entityId: plan.id,
        after: { format: p.format, items: p.items.length, rows: p.rowCount, tasks: created.length, reports: reports.length },
      },
      ...created.map(({ task }): AuditInput => ({
        action: 'workplan.addTask',
        entityType: 'work_task',
        entityId: task.id,
        after: auditTask(task),
      })),
      ...reports.map((r): AuditInput => ({
        action: 'workplan.importReport',
        entityType: 'work_task',
        entityId: r.taskId,
        after: { month: r.month, progress: r.progress, problems: r.problems, dueOn: r.dueOn, late: r.late },
      })),
    ]);
    return report(p, false, created.length, plan.version + 1, today);
  });
}

async function createTasks(tx: DbOrTx, actor: Actor, plan: WorkPlanRow, rows: ResolvedRow[], today: string) {
  let seq = await nextTaskSeq(tx, plan.id);
  const created: { row: ResolvedRow['row']; task: Awaited<ReturnType<typeof writeWorkTask>> }[] = [];
  for (const { row, leadIds, coIds } of rows) {
    for (const leadOrgId of leadIds) {
      const task = await writeWorkTask(tx, actor, null, 'create', {
        create: {
          planId: plan.id,
          seq,
          item: row.item,
          content: row.content,
          leadOrgId,
          coOrgIds: coIds.filter((id) => !leadIds.includes(id)),
          responsibility: row.responsibility,
          areaCode: plan.areaCode,
          assignedOn: today,
        },
        input: { leadOrgId },
      });
      created.push({ row, task });
    }
    seq++;
  }
  return created;
}

/** The rows' progress text as this month's report of each task made from them, filed by the importing user. */
async function storeReports(
  tx: DbOrTx,
  actor: Actor,
  plan: WorkPlanRow,
  created: { row: ResolvedRow['row']; task: { id: string; leadOrgId: string } }[],
  today: string,
) {
  const month = monthOf(today);
  const dueOn = monthlyReportDue(month, plan.reportDay);
  const values = created
    .filter(({ row }) => row.progress !== '' || row.problems !== '')
    .map(({ row, task }) => ({
      taskId: task.id,
      planId: plan.id,
      leadOrgId: task.leadOrgId,
      areaCode: plan.areaCode,
      month,
      progress: row.progress,
      problems: row.problems || null,
      dueOn,
      submittedOn: today,
      late: today > dueOn,
      submittedBy: actor.id,
    }));
  if (values.length > 0) await tx.insert(workTaskReports).values(values);
  return values;
}

function report(
  p: Awaited<ReturnType<typeof preview>>,
  dryRun: boolean,
  created: number,
  planVersion: number,
  today: string,
): WorkPlanImportReport {
  return {
    dryRun,
    format: p.format,
    itemCount: p.items.length,
    rowCount: p.rowCount,
    taskCount: p.taskCount,
    items: p.items,
    problems: p.problems,
    created,
    reportMonth: monthOf(today),
    reportCount: p.reportCount,
    planVersion,
  };
}
