// Demo 应急管理 around 龙城街道 (龙岗区): depots with stock (one batch expired, one item under its minimum), rescue
// teams, experts and shelters; a duty roster for this week (区应急值班室, 08:30 to 08:30, officer on duty and leader on
// duty); and one call taken this morning that reached the leader's inbox. Replayed through the real commands.
import { emergencyDepotItems } from '../db/schema';
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { createResourceIn } from '../modules/emergency/commands/save-resource';
import { recordMovementIn } from '../modules/emergency/commands/record-movement';
import { createShiftIn } from '../modules/emergency/commands/save-shift';
import { receiveIncidentIn } from '../modules/emergency/commands/receive-incident';
import { demoActor } from './hazards';

export async function seedDemoEmergency(tx: Tx, streetCode: string): Promise<void> {
  const officer = await demoActor(tx, 'officer');
  const leader = await demoActor(tx, 'leader');
  const district = officer.areaCode!;
  const today = cstDate();
  const res = (body: Parameters<typeof createResourceIn>[3]) => createResourceIn(tx, officer, null, body);

  const districtDepot = await res({
    kind: 'depot',
    name: '龙岗区应急物资储备库',
    areaCode: district,
    address: '龙岗区龙城街道黄阁路 168 号',
    lng: 114.2712,
    lat: 22.7268,
    contactName: '刘建华',
    contactPhone: '13715550101',
  });
  const streetDepot = await res({
    kind: 'depot',
    name: '龙城街道应急物资库',
    areaCode: streetCode,
    address: '龙城街道龙翔大道 3038 号',
    lng: 114.2425,
    lat: 22.7192,
    contactName: '张伟',
    contactPhone: '13715550102',
  });
  const stock: [string, string, string, number, string | null][] = [
    [districtDepot.id, '05-01', 'ZP2024-01', 120, '2030-12-31'],
    [districtDepot.id, '05-03', 'WT2025-06', 400, addDays(today, 200)],
    [districtDepot.id, '05-03', 'WT2024-01', 80, addDays(today, -20)],
    [districtDepot.id, '01-02', 'KQ2023-02', 30, null],
    [districtDepot.id, '07-01', 'FD2022-01', 6, null],
    [districtDepot.id, '13-01', 'SD2025-03', 5000, null],
    [streetDepot.id, '09-01', 'MH2025-09', 200, addDays(today, 700)],
    [streetDepot.id, '03-01', 'JJ2025-01', 25, addDays(today, 90)],
    [streetDepot.id, '01-03', 'FM2024-05', 60, addDays(today, 300)],
    [streetDepot.id, '02-02', 'DJ2021-01', 10, null],
  ];
  for (const [depotId, itemCode, batchNo, quantity, expiresOn] of stock) {
    await recordMovementIn(tx, officer, null, depotId, { kind: 'in', itemCode: itemCode as never, batchNo, quantity, expiresOn });
  }
  await recordMovementIn(tx, officer, null, districtDepot.id, {
    kind: 'transfer',
    itemCode: '05-01',
    batchNo: 'ZP2024-01',
    quantity: 20,
    toDepotId: streetDepot.id,
    reason: '汛期前预置',
  });
  await recordMovementIn(tx, officer, null, streetDepot.id, {
    kind: 'out',
    itemCode: '03-01',
    batchNo: 'JJ2025-01',
    quantity: 5,
    reason: '社区演练领用',
  });
  await tx.insert(emergencyDepotItems).values([
    { depotId: districtDepot.id, itemCode: '05-03', areaCode: district, minimum: 500 },
    { depotId: districtDepot.id, itemCode: '05-01', areaCode: district, minimum: 80 },
    { depotId: streetDepot.id, itemCode: '09-01', areaCode: streetCode, minimum: 150 },
  ]);

  await res({
    kind: 'team',
    name: '龙岗区危险化学品应急救援队',
    areaCode: district,
    lng: 114.2655,
    lat: 22.7301,
    contactName: '陈队长',
    contactPhone: '13715550201',
    teamType: 'hazmat',
    members: 32,
    equipment: '防化洗消车 2 辆、气体检测仪 12 台、重型防化服 20 套',
    organisation: '区应急管理局',
  });
  await res({
    kind: 'team',
    name: '龙城街道专职消防队',
    areaCode: streetCode,
    lng: 114.2391,
    lat: 22.7165,
    contactName: '李队长',
    contactPhone: '13715550202',
    teamType: 'fire_rescue',
    members: 18,
    equipment: '水罐消防车 2 辆、抢险救援车 1 辆',
  });
  await res({
    kind: 'team',
    name: '龙岗区人民医院医疗救护队',
    areaCode: district,
    lng: 114.2508,
    lat: 22.7244,
    contactName: '王医生',
    contactPhone: '13715550203',
    teamType: 'medical',
    members: 15,
  });
  await res({
    kind: 'expert',
    name: '周明（危险化学品）',
    areaCode: district,
    lng: 114.26,
    lat: 22.72,
    contactName: '周明',
    contactPhone: '13715550301',
    speciality: '危险化学品、化工工艺',
    organisation: '深圳市安全生产专家库',
  });
  await res({
    kind: 'expert',
    name: '吴静（建筑施工）',
    areaCode: district,
    lng: 114.245,
    lat: 22.71,
    contactName: '吴静',
    contactPhone: '13715550302',
    speciality: '建筑施工、起重机械',
    organisation: '深圳市安全生产专家库',
  });
  await res({
    kind: 'shelter',
    name: '龙城广场应急避难场所',
    areaCode: streetCode,
    lng: 114.2478,
    lat: 22.7219,
    contactName: '赵管理员',
    contactPhone: '13715550401',
    capacity: 12000,
    facilities: '应急供水、应急厕所、应急照明、医疗救护点',
  });
  await res({
    kind: 'shelter',
    name: '龙城中学避难场所',
    areaCode: streetCode,
    lng: 114.2352,
    lat: 22.7126,
    capacity: 3000,
    facilities: '室内避难、应急供水',
  });

  // This week's roster (and yesterday's shift, so someone is on duty whatever the hour): 08:30 to 08:30 China time.
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  for (let i = -1; i < 7; i++) {
    const day = addDays(monday, i);
    await createShiftIn(tx, officer, null, {
      post: '区应急值班室',
      areaCode: district,
      startsAt: `${day}T08:30:00+08:00`,
      endsAt: `${addDays(day, 1)}T08:30:00+08:00`,
      officerId: officer.id,
      leaderId: leader.id,
    });
  }
  // A call taken an hour ago: the leader on duty has it in the inbox, waiting for acknowledgement.
  await receiveIncidentIn(tx, officer, null, {
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    occurredAt: new Date(Date.now() - 4_200_000).toISOString(),
    callerName: '黄先生',
    callerPhone: '13923456780',
    kind: 'fire',
    areaCode: streetCode,
    address: '龙城街道龙翔大道 88 号 3 栋（宏达五金旁仓库）',
    lng: 114.2472,
    lat: 22.7212,
    unitName: '某物流仓库',
    deaths: 0,
    missing: 0,
    injured: 0,
    description: '仓库冒烟，已拨打119，现场人员已疏散。',
  });
}
