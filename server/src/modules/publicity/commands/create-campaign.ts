// POST /api/publicity/campaigns: the bureau or a street starts a campaign for its area (or a part of it); every
// enterprise of that area (and sector) at this moment becomes a target, and the coverage rows are written with it;
// enterprises registered later join through the consumer (joinOpenCampaigns).
import type { CreateCampaignBody } from '@anjian/contracts';
import { publicityCampaigns } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { inScope } from '../../../platform/scope';
import { presentCampaigns } from '../publicity.presenter';
import { insertTargets } from '../publicity.queries';
import { itemsFor, runsOn } from '../publicity.rules';
import { pushTips } from '../publicity.tips';
import { cstDate } from '../../../platform/time';
import type { PublicityContext } from './context';

export async function createCampaign(db: Db, ctx: PublicityContext, input: CreateCampaignBody) {
  const { actor } = ctx;
  if (!inScope(actor, { areaCode: input.areaCode })) {
    throw fieldError('areaCode', '只能为本辖区开展宣传活动', 'Start campaigns only for your own jurisdiction');
  }
  if (input.endsOn < input.startsOn) throw fieldError('endsOn', '结束日期不能早于开始日期', 'The end date is before the start date');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(publicityCampaigns)
      .values({
        areaCode: input.areaCode,
        sector: input.sector ?? null,
        title: input.title,
        kind: input.kind,
        theme: input.theme ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        items: itemsFor(input.kind, input.items),
        createdBy: actor.id,
      })
      .returning();
    await insertTargets(tx, row!);
    // Started on a day it runs: the tip goes to the targets' inboxes now (a campaign created ahead: the daily job).
    const today = ctx.today ?? cstDate();
    if (runsOn(row!, today)) await pushTips(tx, today, { campaignIds: [row!.id] });
    const [view] = await presentCampaigns(tx, actor, [row!]);
    await recordAudit(tx, ctx, { action: 'publicity_campaign.create', entityType: 'publicity_campaign', entityId: row!.id, after: view });
    return view!;
  });
}
