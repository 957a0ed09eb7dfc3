// Row → response for publicity: campaigns with their coverage totals in the caller's scope, targets with the items
// delivered and what this caller may do next (record a delivery; confirm receipt of the tip as the enterprise itself).
import { can, type CampaignKind, type PublicityChannel, type PublicityItem, type Sector, type TargetView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { campaignsByIds, campaignTotals, deliveriesOf, enterpriseNames, type CampaignRow, type TargetRow } from './publicity.queries';
import { rate } from './publicity.rules';

export async function presentCampaigns(db: DbOrTx, actor: Actor, rows: CampaignRow[]) {
  const totals = await campaignTotals(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return rows.map((c) => {
    const t = totals.get(c.id) ?? { targets: 0, reached: 0 };
    return {
      id: c.id,
      title: c.title,
      kind: c.kind as CampaignKind,
      theme: c.theme,
      areaCode: c.areaCode,
      sector: c.sector as Sector | null,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      items: c.items as PublicityItem[],
      targets: t.targets,
      reached: t.reached,
      rate: rate(t.reached, t.targets),
      version: c.version,
      createdAt: c.createdAt.toISOString(),
    };
  });
}

export async function presentTargets(db: DbOrTx, actor: Actor, rows: TargetRow[]): Promise<TargetView[]> {
  const [campaigns, names, deliveries] = await Promise.all([
    campaignsByIds(db, [...new Set(rows.map((r) => r.campaignId))]),
    enterpriseNames(db, [...new Set(rows.map((r) => r.enterpriseId))]),
    deliveriesOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((t) => {
    const c = campaigns.get(t.campaignId)!;
    const delivered = (deliveries.get(t.id) ?? []).map((d) => ({
      item: d.item as PublicityItem,
      channel: d.channel as PublicityChannel,
      deliveredAt: d.deliveredAt.toISOString(),
    }));
    const items = c.items as PublicityItem[];
    const abilities: TargetView['abilities'] = [];
    if (!t.reached && can(actor.role, 'publicity.deliver')) abilities.push('deliver');
    const tipOpen = items.includes('tip') && !delivered.some((d) => d.item === 'tip');
    if (tipOpen && can(actor.role, 'publicity.confirm') && actor.enterpriseId === t.enterpriseId) abilities.push('confirm');
    return {
      id: t.id,
      campaignId: c.id,
      campaignTitle: c.title,
      campaignKind: c.kind as CampaignKind,
      theme: c.theme,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      enterpriseId: t.enterpriseId,
      enterpriseName: names.get(t.enterpriseId) ?? '',
      areaCode: t.areaCode,
      sector: t.sector,
      items,
      delivered,
      reached: t.reached,
      reachedAt: t.reachedAt ? t.reachedAt.toISOString() : null,
      version: t.version,
      abilities,
    };
  });
}
