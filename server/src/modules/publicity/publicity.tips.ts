// 一条安全提示信息 (seed 001 二(二)3): the tip of a running campaign is pushed to the inbox of each targeted enterprise's
// own accounts (principal and safety manager); the notice links to the receipts page, where confirming receipt records
// the tip's delivery (channel `confirm`, commands/record-delivery.ts). Pushed when a campaign is started on a day it
// runs, on its first day by the daily job when it was created ahead, and when an enterprise joins a running campaign
// (publicity.consumer.ts). One notice per target (dedupe key `publicity_tip:<target>`), so a repeat adds nothing; a
// target whose tip was already delivered gets none.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { publicityCampaigns, publicityDeliveries, publicityTargets } from '../../db/schema';
import type { Db, DbOrTx } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { recipientsFor } from '../notifications/notifications.recipients';
import { notify } from '../notifications/notifications.service';

export const tipLink = (targetId: string) => `/publicity-receipts?target=${targetId}`;

/** Pushes the open tips of campaigns running on `day`, narrowed by campaign or enterprise; answers notices added. */
export async function pushTips(db: DbOrTx, day: string, only: { campaignIds?: string[]; enterpriseId?: string; startingOn?: string }) {
  const t = publicityTargets;
  const c = publicityCampaigns;
  const parts: SQL[] = [
    sql`'tip' = any(${c.items})`,
    sql`${c.startsOn} <= ${day} and ${c.endsOn} >= ${day}`,
    sql`not exists (select 1 from ${publicityDeliveries} d where d.target_id = ${t.id} and d.item = 'tip')`,
  ];
  if (only.campaignIds)
    parts.push(inArray(t.campaignId, only.campaignIds.length ? only.campaignIds : ['00000000-0000-0000-0000-000000000000']));
  if (only.enterpriseId) parts.push(eq(t.enterpriseId, only.enterpriseId));
  if (only.startingOn) parts.push(eq(c.startsOn, only.startingOn));
  const rows = await db
    .select({ target: t, title: c.title, endsOn: c.endsOn })
    .from(t)
    .innerJoin(c, eq(c.id, t.campaignId))
    .where(and(...parts))
    .orderBy(t.id);
  let notices = 0;
  for (const r of rows) {
    const to = await recipientsFor(db, r.target, ['enterprise']);
    notices += await notify(db, to, {
      kind: 'awaiting_action',
      title: { zh: `安全提示：${r.title}（请确认收到）`, en: `Safety tip: ${r.title} (please confirm receipt)` },
      entityType: 'publicity_target',
      entityId: r.target.id,
      link: tipLink(r.target.id),
      dueOn: r.endsOn,
      dedupeKey: `publicity_tip:${r.target.id}`,
    });
  }
  return notices;
}

/** Daily: campaigns created ahead of their first day push their tip on that day. */
export const publicityTipJob: DailyJob = {
  name: 'publicity-tips',
  run: async (db: Db, { today }) => ({ notices: await db.transaction((tx) => pushTips(tx, today, { startingOn: today })) }),
};
