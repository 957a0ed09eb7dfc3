// POST /api/publicity/targets/:id/deliveries: an officer or grid inspector records items handed to an enterprise
// (channel `manual`; a grid visit itself delivers through the consumer). POST /api/publicity/targets/:id/confirm: the
// enterprise confirms receipt of the campaign's pushed tip on its phone (channel `confirm`). Both go through the one
// writer of deliveries (publicity.queries.ts deliverItems), which keeps the coverage.
import type { DeliverBody, PublicityItem } from '@anjian/contracts';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { presentTargets } from '../publicity.presenter';
import { campaignsByIds, deliverItems, findTarget, type TargetRow } from '../publicity.queries';
import type { PublicityContext } from './context';

export async function recordDelivery(db: Db, ctx: PublicityContext, id: string, input: DeliverBody) {
  return deliver(db, ctx, id, input.version, input.items, 'manual');
}

export async function confirmReceipt(db: Db, ctx: PublicityContext, id: string, input: { version: number }) {
  return deliver(db, ctx, id, input.version, ['tip'], 'confirm');
}

async function deliver(db: Db, ctx: PublicityContext, id: string, version: number, items: PublicityItem[], channel: 'manual' | 'confirm') {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const before = await loadForUpdate<TargetRow>({
      load: () => findTarget(tx, actor, id, true),
      version,
      present: async (row) => (await presentTargets(tx, actor, [row]))[0],
    });
    const campaign = (await campaignsByIds(tx, [before.campaignId])).get(before.campaignId)!;
    const campaignItems = campaign.items as PublicityItem[];
    const foreign = items.filter((i) => !campaignItems.includes(i));
    if (foreign.length) throw fieldError('items', '该活动不包含这些宣传内容', 'This campaign does not include these items');
    const { row, added } = await deliverItems(tx, before, campaignItems, [...new Set(items)], channel, actor.id);
    if (added.length) {
      await recordAudit(tx, ctx, {
        action: channel === 'confirm' ? 'publicity_target.confirm' : 'publicity_target.deliver',
        entityType: 'publicity_target',
        entityId: id,
        before: { reached: before.reached, version: before.version },
        after: { items: added, channel, reached: row.reached, version: row.version },
      });
    }
    return (await presentTargets(tx, actor, [row]))[0]!;
  });
}
