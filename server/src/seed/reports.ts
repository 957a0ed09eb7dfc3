// Demo 举报 in 龙城街道: an anonymous report waiting for acceptance, and a named one already handled and replied to
// (its tracking code is printed nowhere; the citizen account's own report shows under 我的举报). Replayed through
// the real commands (deadlines past the known calendar years fall back to weekdays, see submit-report.ts).
import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { actOnReportIn } from '../modules/reports/commands/act-on-report';
import { submitReportIn } from '../modules/reports/commands/submit-report';
import { demoActor } from './hazards';

export async function seedDemoReports(tx: Tx, streetCode: string, vaultKey: string): Promise<void> {
  const today = cstDate();
  const street = await demoActor(tx, 'street');
  const [citizen] = await tx.select().from(users).where(eq(users.username, 'citizen'));
  const citizenActor = citizen ? await demoActor(tx, 'citizen') : null;
  await submitReportIn(
    tx,
    { actor: null, ip: null, vaultKey, today },
    {
      category: 'hidden_danger',
      areaCode: streetCode,
      address: '龙城街道回龙埔社区龙翔大道一处仓库',
      enterpriseName: '某物流仓库',
      occurredOn: addDays(today, -1),
      description: '仓库内堆放大量纸箱，消防通道被堵，夜间有人住宿。',
    },
  );
  const handled = await submitReportIn(
    tx,
    { actor: citizenActor, ip: null, vaultKey, today: addDays(today, -10) },
    {
      category: 'illegal_production',
      areaCode: streetCode,
      address: '龙城街道爱联社区某出租厂房二楼',
      enterpriseName: '无名喷漆作坊',
      occurredOn: addDays(today, -12),
      description: '出租厂房内有无证喷漆作坊，夜间生产，气味刺鼻，未见任何消防设施。',
      reporter: { name: '周先生', phone: '13800000000' },
    },
  );
  let v = await actOnReportIn(tx, street, null, handled.row.id, { action: 'accept', version: 1 }, addDays(today, -8));
  v = await actOnReportIn(tx, street, null, v.id, { action: 'assign', version: v.version }, addDays(today, -8));
  await actOnReportIn(
    tx,
    street,
    null,
    v.id,
    {
      action: 'reply',
      version: v.version,
      findings: '现场核查属实，作坊无营业执照，已依法取缔，查封喷漆设备。',
      reply: '您举报的问题经核查属实，街道已会同有关部门依法取缔该作坊。感谢您的监督。',
    },
    addDays(today, -2),
  );
}
