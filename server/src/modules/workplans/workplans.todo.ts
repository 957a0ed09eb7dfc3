// The workbench's 工作方案 items: for a lead unit, each task it leads that still owes a monthly report — last month's
// when it is missing (overdue), else this month's with its due day; for the bureau (workplan.manage), the tasks in its
// area reported done and awaiting acceptance. Read through the same scope as the task routes.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { can, workbenchTodoLimit, workTaskTitle, type WorkbenchTodo } from '@anjian/contracts';
import { workTasks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { taskTitleContent } from './workplans.queries';
import { monthlyReportDue, monthOf, owesReports } from './workplans.rules';

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
    const month = monthOf(today);
    const last = previousMonth(month);
    // One statement: the tasks with their plan's report day and whether last and this month's reports are filed.
    // (Written out qualified: the query builder names the outer table's columns bare in its select list.)
    const isFiled = (m: string) =>
      sql<boolean>`exists (select 1 from work_task_reports r where r.task_id = "work_tasks"."id" and r.month = ${m})`;
    const rows = await db
      .select({
        task: workTasks,
        reportDay: sql<number | null>`(select p.report_day from work_plans p where p.id = "work_tasks"."plan_id")`,
        filedLast: isFiled(last),
        filedThis: isFiled(month),
      })
      .from(workTasks)
      .where(and(eq(workTasks.leadOrgId, actor.orgId), inArray(workTasks.status, ['assigned', 'in_progress', 'returned'])))
      .orderBy(asc(workTasks.seq))
      .limit(200);
    const tasks = rows.map((r) => r.task);
    const days = new Map(rows.map((r) => [r.task.planId, r.reportDay]));
    const filed = new Set<string>();
    for (const r of rows) {
      if (r.filedLast) filed.add(`${r.task.id}:${last}`);
      if (r.filedThis) filed.add(`${r.task.id}:${month}`);
    }
    for (const t of tasks) {
      if (!owesReports(t.status)) continue;
      const day = Number(days.get(t.planId) ?? 28);
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
  // The workbench keeps each kind's first items: the reports owed longest first (last month's before this month's).
  out.sort((a, b) => (a.due ?? '~').localeCompare(b.due ?? '~'));
  if (can(actor.role, 'workplan.manage')) {
    const waiting = await db
      .select({ id: workTasks.id, seq: workTasks.seq, item: workTasks.item, content: taskTitleContent, deadline: workTasks.deadline })
      .from(workTasks)
      .where(and(scopeWhere(actor, { areaCode: workTasks.areaCode }), eq(workTasks.status, 'reported_done')))
      .orderBy(asc(workTasks.updatedAt))
      .limit(workbenchTodoLimit + 1); // one more than the workbench lists: it tells whether there are more
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
  return out;
}
