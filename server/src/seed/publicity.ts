// Demo publicity reach: this quarter's "四个一" campaign of 龙城街道, started by its street officer through the real
// command (targets, pushed tips, coverage), with items already handed over at some enterprises (recorded by the street officer):
// a few fully reached, others part-way, 宏达五金 given the poster and handbook but not yet the tip and lecture, so the
// coverage page, the not-yet-reached list and the enterprise's own receipts all show something.
import { and, asc, eq } from 'drizzle-orm';
import { publicityTargets } from '../db/schema';
import type { Tx } from '../platform/db';
import { cstDate } from '../platform/time';
import { createCampaign } from '../modules/publicity/commands/create-campaign';
import { recordDelivery } from '../modules/publicity/commands/record-delivery';
import { demoActor } from './hazards';

const quarterOf = (day: string) => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  const last = first + 2;
  const end = new Date(Date.UTC(y, last, 0)).toISOString().slice(0, 10);
  return { startsOn: `${y}-${String(first).padStart(2, '0')}-01`, endsOn: end, label: `${y}年第${(first + 2) / 3}季度` };
};

export async function seedDemoPublicity(tx: Tx, streetCode: string, hongdaId: string): Promise<void> {
  const street = { actor: await demoActor(tx, 'street'), ip: null };
  const q = quarterOf(cstDate());
  const campaign = await createCampaign(tx, street, {
    title: `${q.label}安全生产“四个一”宣传`,
    kind: 'four_ones',
    theme: '有限空间作业和粉尘涉爆安全',
    areaCode: streetCode,
    startsOn: q.startsOn,
    endsOn: q.endsOn,
  });
  const targets = await tx
    .select({ id: publicityTargets.id, enterpriseId: publicityTargets.enterpriseId, version: publicityTargets.version })
    .from(publicityTargets)
    .where(and(eq(publicityTargets.campaignId, campaign.id)))
    .orderBy(asc(publicityTargets.enterpriseId))
    .limit(60);
  for (const [i, t] of targets.filter((x) => x.enterpriseId !== hongdaId).entries()) {
    const items = i % 3 === 0 ? (['poster', 'handbook', 'tip', 'lecture'] as const) : (['poster', 'handbook'] as const);
    await recordDelivery(tx, street, t.id, { version: t.version, items: [...items] });
  }
  const [hongda] = await tx
    .select({ id: publicityTargets.id, version: publicityTargets.version })
    .from(publicityTargets)
    .where(and(eq(publicityTargets.campaignId, campaign.id), eq(publicityTargets.enterpriseId, hongdaId)));
  if (hongda) await recordDelivery(tx, street, hongda.id, { version: hongda.version, items: ['poster', 'handbook'] });
}
