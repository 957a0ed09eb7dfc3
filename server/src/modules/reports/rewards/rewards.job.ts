// The daily lapse of unclaimed rewards: an approved reward whose claim day (rewards.rules.ts claimDueOf, L: 60
// calendar days from approval, to the next working day) has passed lapses — through the reward's machine and its one
// writer, as the system actor (platform/system-actor.ts), audited, with the reason recorded. Pages through the claim
// index in id order; a reward claimed (paid) or lapsed by hand in the meantime is skipped by the row lock's re-read.
import { and, asc, eq, gt, isNotNull, lt } from 'drizzle-orm';
import { reportRewards } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import type { DailyJob } from '../../../platform/jobs';
import { systemActor, systemAudit } from '../../../platform/system-actor';
import { auditReward } from './rewards.presenter';
import { claimLapsed, rewardClaim } from './rewards.rules';
import { writeReward } from './rewards.workflow';

const PAGE = 200;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** Lapses every approved reward whose claim day is before `today`. Returns how many lapsed. */
export async function lapseUnclaimedRewards(db: Db, today: string): Promise<{ lapsed: number }> {
  let lapsed = 0;
  for (let afterId = FIRST_ID; ;) {
    const page = await db
      .select({ id: reportRewards.id })
      .from(reportRewards)
      .where(
        and(
          eq(reportRewards.status, 'approved'),
          isNotNull(reportRewards.claimDue),
          lt(reportRewards.claimDue, today),
          gt(reportRewards.id, afterId),
        ),
      )
      .orderBy(asc(reportRewards.id))
      .limit(PAGE);
    for (const { id } of page) {
      const done = await db.transaction(async (tx) => {
        const [before] = await tx.select().from(reportRewards).where(eq(reportRewards.id, id)).for('update');
        if (!before || before.status !== 'approved' || !before.claimDue || !claimLapsed(before.claimDue, today)) return false;
        const reason = `逾期未领取：领奖期限（批准后${rewardClaim.days}日）至${before.claimDue}届满`;
        const after = await writeReward(tx, systemActor, before, 'lapse', { patch: { reason }, input: { reason } });
        await recordAudit(tx, systemAudit, {
          action: 'report_reward.lapse',
          entityType: 'report_reward',
          entityId: id,
          before: auditReward(before),
          after: auditReward(after),
        });
        return true;
      });
      if (done) lapsed++;
    }
    if (page.length < PAGE) break;
    afterId = page[page.length - 1]!.id;
  }
  return { lapsed };
}

export const rewardLapseJob: DailyJob = {
  name: 'reward-lapse',
  run: (db, { today }) => lapseUnclaimedRewards(db, today),
};
