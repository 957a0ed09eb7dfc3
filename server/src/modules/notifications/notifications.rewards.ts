// 举报奖励 notices: a reporter who submitted with a citizen account hears when the reward is approved (to claim it)
// and when it is paid; the leader hears when a reward awaits approval. The citizen is found by the report's account
// link, never through the vault, and the notice names neither reporter nor amount's payee.
import { eq } from 'drizzle-orm';
import { reports } from '../../db/schema';
import type { Tx } from '../../platform/db';
import type { DomainEvent } from '../../platform/queue';
import { recipientsFor } from './notifications.recipients';
import { notify } from './notifications.service';

const toReporter: Record<string, { zh: string; en: string }> = {
  'report_reward.approve': {
    zh: '您的举报奖励已批准，请按举报查询页面的提示领取',
    en: 'Your report reward was approved: see the tracking page to claim it',
  },
  'report_reward.pay': { zh: '您的举报奖励已发放', en: 'Your report reward was paid' },
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
