// The workbench's 工作方案 items as they were read before issue #19 (tasks, report days and reports in three
// statements), kept only as part of the oracle of workbench.same.db.test.ts.
// The workbench's 工作方案 items: for a lead unit, each task it leads that still owes a monthly report — last month's
// when it is missing (overdue), else this month's with its due day; for the bureau (workplan.manage), the tasks in its
// area reported done and awaiting acceptance. Read through the same scope as the task routes.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { can, workTaskTitle, type WorkbenchTodo } from '@anjian/contracts';
import { workTasks } from '../../src/db/schema';
import type { Actor } from '../../src/platform/actor';
import type { DbOrTx } from '../../src/platform/db';
import { scopeWhere } from '../../src/platform/scope';
import { findReportsFor, planReportDays } from '../../src/modules/workplans/workplans.queries';
import { monthlyReportDue, monthOf, owesReports } from '../../src/modules/workplans/workplans.rules';

const LIMIT = 20;

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export async function workplanTodo(
  db: DbOrTx,
  actor: Actor,
  today: string,
  dueStateOf: (due: string | null, today: string) => WorkbenchTodo['dueState'],
): Promise<WorkbenchTodo[]> {
  const out: WorkbenchTodo[] = [];
  if (can(actor.role, 'workplan.report') && actor.orgId) {
    const tasks = await db
      .select()
      .from(workTasks)
      .where(and(eq(workTasks.leadOrgId, actor.orgId), inArray(workTasks.status, ['assigned', 'in_progress', 'returned'])))
      .orderBy(asc(workTasks.seq))
      .limit(200);
    const month = monthOf(today);
    const last = previousMonth(month);
    const [days, reports] = await Promise.all([
      planReportDays(
        db,
        tasks.map((t) => t.planId),
      ),
      findReportsFor(
        db,
        tasks.map((t) => t.id),
      ),
    ]);
    const filed = new Set(reports.map((r) => `${r.taskId}:${r.month}`));
    for (const t of tasks) {
      if (!owesReports(t.status)) continue;
      const day = days.get(t.planId) ?? 28;
      const lastDue = monthlyReportDue(last, day);
      const pick =
        t.assignedOn <= lastDue && !filed.has(`${t.id}:${last}`)
          ? { m: last, due: lastDue }
          : !filed.has(`${t.id}:${month}`)
            ? { m: month, due: monthlyReportDue(month, day) }
            : null;
      if (!pick || t.assignedOn > pick.due) continue;
      out.push({
        kind: 'work_report',
        id: t.id,
        title: workTaskTitle(t),
        enterpriseName: null,
        step: { zh: `${pick.m} 月度进展`, en: `${pick.m} progress` },
        due: pick.due,
        dueState: dueStateOf(pick.due, today),
        link: '/work-tasks',
      });
    }
  }
  if (can(actor.role, 'workplan.manage')) {
    const waiting = await db
      .select({ id: workTasks.id, seq: workTasks.seq, item: workTasks.item, content: workTasks.content, deadline: workTasks.deadline })
      .from(workTasks)
      .where(and(scopeWhere(actor, { areaCode: workTasks.areaCode }), eq(workTasks.status, 'reported_done')))
      .orderBy(asc(workTasks.updatedAt))
      .limit(LIMIT);
    for (const w of waiting) {
      out.push({
        kind: 'work_accept',
        id: w.id,
        title: workTaskTitle(w),
        enterpriseName: null,
        step: { zh: '已报完成', en: 'Reported done' },
        due: w.deadline,
        dueState: dueStateOf(w.deadline, today),
        link: `/work-tasks/${w.id}`,
      });
    }
  }
  return out.slice(0, LIMIT * 2);
}
