// Demo 举报 handling: two routing rules for 宝龙街道 (hidden dangers → 宝龙工业园区; illegal production → the 住建
// department), a report routed to each (the park and 住建 accounts see theirs), the 住建 one extended by the district
// bureau, and one in 龙城街道 past its handling limit (the "overdue" filter) linked to a hidden danger found there.
// Replayed through the real commands.
import { asc, eq, like } from 'drizzle-orm';
import { hazards, parks, reportRoutingRules } from '../db/schema';
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { actOnReportIn } from '../modules/reports/commands/act-on-report';
import { extendReportIn } from '../modules/reports/commands/extend-report';
import { linkReportIn } from '../modules/reports/commands/link-report';
import { submitReportIn } from '../modules/reports/commands/submit-report';
import { demoActor } from './hazards';

const BAOLONG = '440307019';

export async function seedDemoReportHandling(tx: Tx, longchengCode: string, vaultKey: string): Promise<void> {
  const today = cstDate();
  const [park] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.name, '宝龙工业园区'));
  if (!park) return;
  await tx.insert(reportRoutingRules).values([
    {
      areaPrefix: BAOLONG,
      category: 'hidden_danger',
      targetAreaCode: BAOLONG,
      targetParkId: park.id,
      note: '宝龙街道的隐患举报由宝龙工业园区办理',
    },
    {
      areaPrefix: BAOLONG,
      category: 'illegal_production',
      targetAreaCode: '440307',
      targetSector: 'construction',
      note: '宝龙街道的非法违法建设施工由区住建局办理',
    },
  ]);
  const ctx = (day: string) => ({ actor: null, ip: null, vaultKey, today: day });
  // → the park (park officer)
  const toPark = await submitReportIn(tx, ctx(addDays(today, -3)), {
    category: 'hidden_danger',
    areaCode: BAOLONG,
    address: '宝龙街道宝龙工业园区某电子厂三号楼',
    enterpriseName: '某电子厂',
    occurredOn: addDays(today, -4),
    description: '车间内电线私拉乱接，插排串联使用，多处未设漏电保护。',
  });
  await actOnReportIn(tx, await demoActor(tx, 'park'), null, toPark.row.id, { action: 'accept', version: 1 }, addDays(today, -2));
  // → 住建 (industry officer), extended by the district bureau
  const toDept = await submitReportIn(tx, ctx(addDays(today, -40)), {
    category: 'illegal_production',
    areaCode: BAOLONG,
    address: '宝龙街道某在建工地',
    occurredOn: addDays(today, -41),
    description: '工地夜间违规施工，塔吊未经验收即投入使用，作业人员未系安全带。',
  });
  const accepted = await actOnReportIn(
    tx,
    await demoActor(tx, 'zhujian'),
    null,
    toDept.row.id,
    { action: 'accept', version: 1 },
    addDays(today, -38),
  );
  await extendReportIn(
    tx,
    await demoActor(tx, 'officer'),
    null,
    accepted.id,
    { version: accepted.version, days: 20, reason: '需委托检测机构对塔吊进行检测，检测报告出具后方能认定。' },
    addDays(today, -5),
  );
  // 龙城街道: handled past its limit, linked to a hidden danger the check found
  const late = await submitReportIn(tx, ctx(addDays(today, -75)), {
    category: 'hidden_danger',
    areaCode: longchengCode,
    address: '龙城街道某五金厂',
    enterpriseName: '某五金厂',
    occurredOn: addDays(today, -76),
    description: '冲压车间安全防护罩被拆除，工人徒手送料。',
  });
  const street = await demoActor(tx, 'street');
  let v = await actOnReportIn(tx, street, null, late.row.id, { action: 'accept', version: 1 }, addDays(today, -72));
  v = await actOnReportIn(tx, street, null, v.id, { action: 'assign', version: v.version }, addDays(today, -72));
  const [hazard] = await tx
    .select({ id: hazards.id })
    .from(hazards)
    .where(like(hazards.areaCode, `${longchengCode}%`))
    .orderBy(asc(hazards.number))
    .limit(1);
  if (hazard) await linkReportIn(tx, street, null, v.id, { version: v.version, kind: 'hazard', targetId: hazard.id }, today);
}
