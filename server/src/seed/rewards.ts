// Demo 举报奖励 in 龙城街道: two named reports verified by the street — one whose reward was proposed from a 50,000 元
// fine (7,500 元), approved by the leader and paid; one concealed-accident report whose reward is due, waiting for the
// bureau to propose it. Replayed through the real commands, so history, events and audit are as in use.
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { actOnReportIn } from '../modules/reports/commands/act-on-report';
import { submitReportIn } from '../modules/reports/commands/submit-report';
import { recordFindingIn } from '../modules/reports/rewards/commands/record-finding';
import { actOnRewardIn } from '../modules/reports/rewards/commands/act-on-reward';
import { demoActor } from './hazards';

export async function seedDemoRewards(tx: Tx, streetCode: string, vaultKey: string): Promise<void> {
  const today = cstDate();
  const [street, officer, leader] = [await demoActor(tx, 'street'), await demoActor(tx, 'officer'), await demoActor(tx, 'leader')];
  const handled = async (category: 'hidden_danger' | 'concealed_accident', address: string, description: string, name: string) => {
    const { row } = await submitReportIn(
      tx,
      { actor: null, ip: null, vaultKey, today: addDays(today, -20) },
      { category, areaCode: streetCode, address, occurredOn: addDays(today, -21), description, reporter: { name, phone: '13900000000' } },
    );
    let v = await actOnReportIn(tx, street, null, row.id, { action: 'accept', version: 1 }, addDays(today, -19));
    v = await actOnReportIn(tx, street, null, v.id, { action: 'assign', version: v.version }, addDays(today, -19));
    return v;
  };
  const paid = await handled(
    'hidden_danger',
    '龙城街道五联社区某化工仓库',
    '仓库超量储存危险化学品，未设置防火分隔，属重大事故隐患。',
    '李女士',
  );
  const f1 = await recordFindingIn(
    tx,
    street,
    null,
    paid.id,
    { finding: 'verified', note: '现场核查属实，已立案处罚。', version: paid.version },
    addDays(today, -12),
  );
  let r = await actOnRewardIn(
    tx,
    officer,
    null,
    f1.rewardId!,
    { action: 'propose', version: 1, matter: 'fine', fine: 50_000, basisRef: '龙应急罚〔演示〕1号' },
    addDays(today, -8),
  );
  r = await actOnRewardIn(tx, leader, null, r.id, { action: 'approve', version: r.version }, addDays(today, -6));
  await actOnRewardIn(
    tx,
    officer,
    null,
    r.id,
    {
      action: 'pay',
      version: r.version,
      paidOn: addDays(today, -3),
      payMethod: 'bank_transfer',
      receiptNo: 'JL-DEMO-0001',
      noReceiptReason: '银行转账回单纸质存档（演示数据）',
    },
    addDays(today, -3),
  );
  const due = await handled('concealed_accident', '龙城街道某建筑工地', '工地上月发生高处坠落死亡1人，企业私下赔偿未上报。', '陈先生');
  await recordFindingIn(
    tx,
    street,
    null,
    due.id,
    { finding: 'verified', note: '经调查，瞒报死亡1人属实，已移交事故调查。', version: due.version },
    addDays(today, -2),
  );
}
