// Daily reminders of the plan rules (rules.md §11), through the notifications module's inbox (idempotent per dedupe
// key, so a second run the same day adds nothing): a revision duty due in 5 days, due today, and overdue; a plan
// whose 3-yearly evaluation falls due within the warning window (once per due day). The enterprise's users and the
// officers whose scope holds the plan are told (recipientsFor checks the same scope predicate every read uses).
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import { emergencyPlanRevisions, emergencyPlans } from '../../db/schema';
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { addDays } from '../../platform/time';
import { notify } from '../notifications/notifications.service';
import { recipientsFor } from '../notifications/notifications.recipients';
import { planRules } from './plans.rules';

const PAGE = 500;

export async function evaluatePlanReminders(db: Db, today: string) {
  let notices = 0;
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .select()
      .from(emergencyPlanRevisions)
      .where(
        and(
          isNull(emergencyPlanRevisions.completedOn),
          lte(emergencyPlanRevisions.dueOn, addDays(today, 5)),
          gt(emergencyPlanRevisions.id, lastId),
        ),
      )
      .orderBy(asc(emergencyPlanRevisions.id))
      .limit(PAGE);
    for (const r of page) {
      const kind = r.dueOn < today ? 'overdue' : r.dueOn === today ? 'due_today' : 'due_soon';
      const to = await recipientsFor(db, r, r.enterpriseId ? ['enterprise', 'street'] : ['district']);
      notices += await notify(db, to, {
        kind,
        title: {
          zh: `应急预案修订任务${kind === 'overdue' ? '已逾期' : '即将到期'}（期限 ${r.dueOn}）`,
          en: `Plan revision ${kind === 'overdue' ? 'overdue' : 'due'} (${r.dueOn})`,
        },
        entityType: 'emergency_plan',
        entityId: r.planId,
        link: `/emergency/plans/${r.planId}`,
        dueOn: r.dueOn,
        dedupeKey: `plan-revision:${r.id}:${kind}:${kind === 'overdue' ? today : r.dueOn}`,
      });
    }
    if (page.length < PAGE) break;
    lastId = page[page.length - 1]!.id;
  }
  lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .select()
      .from(emergencyPlans)
      .where(
        and(
          eq(emergencyPlans.status, 'filed'),
          lte(emergencyPlans.evaluationDueOn, addDays(today, planRules.evaluationWarningDays)),
          gt(emergencyPlans.id, lastId),
        ),
      )
      .orderBy(asc(emergencyPlans.id))
      .limit(PAGE);
    for (const p of page) {
      const to = await recipientsFor(db, p, p.enterpriseId ? ['enterprise'] : ['district']);
      notices += await notify(db, to, {
        kind: p.evaluationDueOn! < today ? 'overdue' : 'due_soon',
        title: { zh: `应急预案评估到期（${p.title}，${p.evaluationDueOn}）`, en: `Plan evaluation due (${p.title}, ${p.evaluationDueOn})` },
        entityType: 'emergency_plan',
        entityId: p.id,
        link: `/emergency/plans/${p.id}`,
        dueOn: p.evaluationDueOn,
        dedupeKey: `plan-evaluation:${p.id}:${p.evaluationDueOn}:${p.evaluationDueOn! < today ? 'overdue' : 'soon'}`,
      });
    }
    if (page.length < PAGE) break;
    lastId = page[page.length - 1]!.id;
  }
  return { notices };
}

export const planReminderJob: DailyJob = {
  name: 'emergency-plan-reminders',
  run: (db, { today }) => evaluatePlanReminders(db, today),
};
