// Reactions that deliver publicity without anyone recording it twice:
// - grid_visit.record (modules/grid): the inspector's visit hands over the printed items (poster, handbook, film) of
//   every campaign running that China day that targets the visited enterprise;
// - training_session.complete (modules/training): a held session was the lecture for the enterprises its attendees
//   work for (and the enterprise of an enterprise's own session).
// - enterprise.update that moves an enterprise (street, industry, park): its targets follow it and the coverage rows
//   of the old and the new place are moved with them (moveTargets);
// - enterprise.create, and a move into another area or sector: the enterprise joins every campaign of its (new) area
//   that has not ended (joinOpenCampaigns, coverage counted up) and gets the running campaigns' tips in its inbox.
// At least once: deliveries are keyed by target and item, and a move only touches rows that still differ, so a
// replayed event changes nothing.
import type { PublicityChannel, PublicityItem } from '@anjian/contracts';
import type { EventConsumer } from '../../platform/queue';
import type { DbOrTx } from '../../platform/db';
import { cstDate } from '../../platform/time';
import { isEnterpriseMove } from '../../platform/enterprise-scope';
import { deliverItems, enterprisesOfPeople, joinOpenCampaigns, moveTargets, openTargetsOf } from './publicity.queries';
import { pushTips } from './publicity.tips';
import { deliverableBy } from './publicity.rules';

async function deliverTo(tx: DbOrTx, enterpriseIds: string[], day: string, channel: PublicityChannel, sourceId: string) {
  for (const { target, items } of await openTargetsOf(tx, enterpriseIds, day)) {
    const campaignItems = items as PublicityItem[];
    await deliverItems(tx, target, campaignItems, deliverableBy(campaignItems, channel), channel, sourceId);
  }
}

export const publicityConsumer: EventConsumer = {
  name: 'publicity',
  accepts: (e) => ['enterprise.create', 'enterprise.update', 'grid_visit.record', 'training_session.complete'].includes(e.type),
  async handle(tx, e) {
    if (e.type === 'enterprise.create' || isEnterpriseMove(e)) {
      if (e.type !== 'enterprise.create') await moveTargets(tx, e.entityId);
      const day = cstDate(e.occurredAt);
      await joinOpenCampaigns(tx, e.entityId, day);
      await pushTips(tx, day, { enterpriseId: e.entityId });
    } else if (e.type === 'grid_visit.record' && e.enterpriseId) {
      await deliverTo(tx, [e.enterpriseId], cstDate(e.occurredAt), 'visit', e.entityId);
    } else if (e.type === 'training_session.complete') {
      const p = e.payload as { personIds?: string[]; date?: string };
      const ids = await enterprisesOfPeople(tx, p.personIds ?? []);
      if (e.enterpriseId && !ids.includes(e.enterpriseId)) ids.push(e.enterpriseId);
      await deliverTo(tx, ids, p.date ?? cstDate(e.occurredAt), 'lecture', e.entityId);
    }
  },
};
