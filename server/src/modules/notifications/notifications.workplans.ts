// Monthly progress-report reminders for 工作方案 tasks (rules: notifications.rules.ts workReportDeadlineRules). For
// each rule, the due days falling in today's window (deadlineWindow: weekends and holidays caught on the next working
// day, each due day fired once per rule) are found per plan — a plan's due day is its report day moved to the previous
// working day (workplans.rules.ts) — and every task owing that month's report without one is notified: its lead
// unit's reporting users, or the issuer organisation's managing users. Idempotent by dedupe key.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { can, workTaskTitle, type Role } from '@anjian/contracts';
import { users, workPlans, workTaskReports, workTasks } from '../../db/schema';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { DomainEvent } from '../../platform/queue';
import type { DailyJob } from '../../platform/jobs';
import { addDays } from '../../platform/time';
import { taskTitleContent } from '../workplans/workplans.queries';
import { monthlyReportDue, monthOf } from '../workplans/workplans.rules';
import { deadlineWindow, workReportDeadlineRules, workTaskEventNotices } from './notifications.rules';
import { notify, recordLink } from './notifications.service';

/** Active users of an organisation whose role holds the permission. */
async function orgUsers(db: DbOrTx, orgId: string, permission: 'workplan.report' | 'workplan.manage') {
  const rows = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.status, 'active')));
  return rows.filter((u) => can(u.role as Role, permission)).map((u) => u.id);
}

/** What a notice about a task reads of it: whom it goes to and the task's title (workTaskTitle). */
const noticeTask = {
  id: workTasks.id,
  seq: workTasks.seq,
  item: workTasks.item,
  content: taskTitleContent,
  leadOrgId: workTasks.leadOrgId,
};

export async function evaluateWorkReportDeadlines(db: Db, today: string) {
  let notices = 0;
  const plans = await db
    .select({ id: workPlans.id, title: workPlans.title, day: workPlans.reportDay, issuer: workPlans.issuerOrgId })
    .from(workPlans);
  for (const rule of workReportDeadlineRules) {
    const w = deadlineWindow(today, rule.offsetWorkdays);
    if (!w) continue;
    // The months whose due day can fall in the window: those of its ends and the month before.
    const months = [...new Set([monthOf(addDays(w.after, -31)), monthOf(w.after), monthOf(w.upTo)])];
    for (const plan of plans) {
      for (const month of months) {
        const due = monthlyReportDue(month, plan.day);
        if (!(due > w.after && due <= w.upTo)) continue;
        const owing = await db
          .select({ ...noticeTask, assignedOn: workTasks.assignedOn })
          .from(workTasks)
          .leftJoin(workTaskReports, and(eq(workTaskReports.taskId, workTasks.id), eq(workTaskReports.month, month)))
          .where(
            and(
              eq(workTasks.planId, plan.id),
              inArray(workTasks.status, ['assigned', 'in_progress', 'returned']),
              isNull(workTaskReports.id),
            ),
          );
        for (const t of owing) {
          if (t.assignedOn > due) continue;
          const to = [
            ...(rule.recipients.includes('lead_unit') ? await orgUsers(db, t.leadOrgId, 'workplan.report') : []),
            ...(rule.recipients.includes('issuer') ? await orgUsers(db, plan.issuer, 'workplan.manage') : []),
          ];
          notices += await notify(db, [...new Set(to)], {
            kind: rule.kind,
            title: { zh: `${rule.title.zh}（${month}，${workTaskTitle(t)}）`, en: `${rule.title.en} (${month}, ${workTaskTitle(t)})` },
            entityType: 'work_task',
            entityId: t.id,
            link: recordLink.work_task!(t.id),
            dueOn: due,
            dedupeKey: `work_task:${t.id}:${month}:${rule.key}`,
          });
        }
      }
    }
  }
  return { notices };
}

export const workReportDeadlineJob: DailyJob = {
  name: 'work-report-deadline-reminders',
  run: (db, { today }) => evaluateWorkReportDeadlines(db, today),
};

/** A task's step (work_task.* events) → its lead unit or its plan's issuer, as workTaskEventNotices says. */
export async function onWorkTaskEvent(tx: Tx, e: DomainEvent) {
  const rule = workTaskEventNotices[e.type.slice('work_task.'.length)];
  if (!rule) return;
  const [t] = await tx
    .select({ ...noticeTask, issuer: workPlans.issuerOrgId })
    .from(workTasks)
    .innerJoin(workPlans, eq(workPlans.id, workTasks.planId))
    .where(eq(workTasks.id, e.entityId));
  if (!t) return;
  const to = [
    ...(rule.recipients.includes('lead_unit') ? await orgUsers(tx, t.leadOrgId, 'workplan.report') : []),
    ...(rule.recipients.includes('issuer') ? await orgUsers(tx, t.issuer, 'workplan.manage') : []),
  ].filter((id) => id !== e.actorId);
  await notify(tx, [...new Set(to)], {
    kind: rule.kind,
    title: { zh: `${rule.title.zh}（${workTaskTitle(t)}）`, en: `${rule.title.en} (${workTaskTitle(t)})` },
    entityType: 'work_task',
    entityId: t.id,
    link: recordLink.work_task!(t.id),
    eventId: e.id,
    dedupeKey: `event:${e.id}`,
  });
}
