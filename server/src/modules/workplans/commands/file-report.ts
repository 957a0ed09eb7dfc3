// A lead unit files (or corrects) its monthly progress report on a task: 进展情况 and 存在的困难或问题 for one month.
// The task is loaded through the scope and its version checked; the machine's 'file_report' action (lead unit only,
// from assigned / in progress / returned → in progress) is written by the one writer; the report row is upserted
// per (task, month) with its due day (workplans.rules.ts: the plan's report day on the working-day calendar) and
// whether it came late. A month after the current one, or before the task was assigned, is refused.
import { sql } from 'drizzle-orm';
import type { FileMonthlyReportBody } from '@anjian/contracts';
import { workTaskReports } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findTask, planReportDays, planTitles } from '../workplans.queries';
import { auditTask, presentTaskDetail } from '../workplans.presenter';
import { monthlyReportDue, monthOf } from '../workplans.rules';
import { writeWorkTask, type WorkTaskRow } from '../workplans.workflow';

export async function fileReport(db: Db, actor: Actor, ip: string | null, id: string, input: FileMonthlyReportBody, today = cstDate()) {
  return db.transaction((tx) => fileReportIn(tx, actor, ip, id, input, today));
}

export async function fileReportIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: FileMonthlyReportBody, today = cstDate()) {
  const titleOf = async (row: WorkTaskRow) => (await planTitles(tx, [row.planId])).get(row.planId) ?? '';
  const before = await loadForUpdate({
    load: () => findTask(tx, actor, id, true),
    version: input.version,
    present: async (row) => presentTaskDetail(tx, actor, row, await titleOf(row)),
  });
  if (input.month > monthOf(today)) {
    throw fieldError('month', '不能填报未来月份的进展', 'Progress cannot be filed for a future month');
  }
  if (input.month < monthOf(before.assignedOn)) {
    throw fieldError('month', '该月份早于任务分派日期', 'That month is before the task was assigned');
  }
  const after = await writeWorkTask(tx, actor, before, 'file_report', { input: { progress: input.progress, month: input.month } });
  const reportDay = (await planReportDays(tx, [before.planId])).get(before.planId) ?? 28;
  const dueOn = monthlyReportDue(input.month, reportDay);
  const values = {
    taskId: before.id,
    planId: before.planId,
    leadOrgId: before.leadOrgId,
    areaCode: before.areaCode,
    month: input.month,
    progress: input.progress,
    problems: input.problems ?? null,
    dueOn,
    submittedOn: today,
    late: today > dueOn,
    submittedBy: actor.id,
  };
  // A correction keeps the first submission's day (and lateness): the deadline is about when the unit first reported.
  await tx
    .insert(workTaskReports)
    .values(values)
    .onConflictDoUpdate({
      target: [workTaskReports.taskId, workTaskReports.month],
      set: { progress: values.progress, problems: values.problems, submittedBy: actor.id, updatedAt: sql`now()` },
    });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'workplan.fileReport',
      entityType: 'work_task',
      entityId: id,
      before: auditTask(before),
      after: { ...auditTask(after), month: input.month, dueOn, late: values.late },
    },
  );
  return presentTaskDetail(tx, actor, after, await titleOf(after));
}
