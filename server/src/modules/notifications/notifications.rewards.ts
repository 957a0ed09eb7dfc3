// 举报奖励 notices: a reporter who submitted with a citizen account hears when the reward is approved (to claim it)
// and when it is paid; the leader hears when a reward awaits approval. The citizen is found by the report's account
// link, never through the vault, and the notice names neither reporter nor amount's payee. Before an approved reward's
// claim day the same citizen is reminded (rewardClaimRules, daily job), and told when it lapsed.
import { and, asc, eq, gt, isNotNull, lte } from 'drizzle-orm';
import { reportRewards, reports } from '../../db/schema';
import type { Db, Tx } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { DUE_PAGE, remindDue } from './notifications.due';
import { calendarDayWindow, rewardClaimRules } from './notifications.rules';
import type { DomainEvent } from '../../platform/queue';
import { recipientsFor } from './notifications.recipients';
import { notify } from './notifications.service';

const toReporter: Record<string, { zh: string; en: string }> = {
  'report_reward.approve': {
    zh: '您的举报奖励已批准，请按举报查询页面的提示领取',
    en: 'Your report reward was approved: see the tracking page to claim it',
  },
  'report_reward.pay': { zh: '您的举报奖励已发放', en: 'Your report reward was paid' },
  'report_reward.lapse': { zh: '您的举报奖励因逾期未领取已失效', en: 'Your report reward lapsed: it was not claimed in time' },
};

export async function onRewardEvent(tx: Tx, e: DomainEvent) {
  const p = e.payload as { reportId?: string };
  const title = toReporter[e.type];
  if (title && p.reportId) {
    const [r] = await tx.select({ submittedBy: reports.submittedBy }).from(reports).where(eq(reports.id, p.reportId));
    if (r?.submittedBy) {
      await notify(tx, [r.submittedBy], {
        kind: 'announcement',
        title,
        entityType: 'report',
        entityId: p.reportId,
        link: '/my-reports',
        eventId: e.id,
        dedupeKey: `event:${e.id}`,
      });
    }
  }
  if (e.type === 'report_reward.propose') {
    const scope = { areaCode: e.areaCode, enterpriseId: e.enterpriseId, sector: e.sector, parkId: e.parkId };
    const to = (await recipientsFor(tx, scope, ['leader'])).filter((id) => id !== e.actorId);
    await notify(tx, to, {
      kind: 'awaiting_action',
      title: { zh: '举报奖励待审批', en: 'Report reward awaiting approval' },
      entityType: 'report_reward',
      entityId: e.entityId,
      link: `/rewards/${e.entityId}`,
      eventId: e.id,
      dedupeKey: `event:${e.id}`,
    });
  }
}

/** Reminds the citizen behind each approved reward whose claim day falls in a rule's window today. */
export function evaluateRewardClaims(db: Db, today: string) {
  return remindDue(
    rewardClaimRules,
    (rule) => calendarDayWindow(today, rule.offsetDays),
    (_rule, w, afterId) =>
      db
        .select({ id: reportRewards.id, reportId: reportRewards.reportId, claimDue: reportRewards.claimDue, userId: reports.submittedBy })
        .from(reportRewards)
        .innerJoin(reports, eq(reports.id, reportRewards.reportId))
        .where(
          and(
            eq(reportRewards.status, 'approved'),
            gt(reportRewards.claimDue, w.after),
            lte(reportRewards.claimDue, w.upTo),
            isNotNull(reports.submittedBy),
            gt(reportRewards.id, afterId),
          ),
        )
        .orderBy(asc(reportRewards.id))
        .limit(DUE_PAGE),
    (r) => r.id,
    (rule, r) =>
      notify(db, [r.userId!], {
        kind: 'due_soon',
        title: { zh: `${rule.title.zh}（至${r.claimDue}）`, en: `${rule.title.en} (by ${r.claimDue})` },
        entityType: 'report',
        entityId: r.reportId,
        link: '/my-reports',
        dueOn: r.claimDue,
        dedupeKey: `reward:${r.id}:${rule.key}:${r.claimDue}`,
      }),
  );
}

export const rewardClaimReminderJob: DailyJob = {
  name: 'reward-claim-reminders',
  run: (db, { today }) => evaluateRewardClaims(db, today),
};
