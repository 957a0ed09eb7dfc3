// Demo 应急预案 and 演练 (Gaoming 002: 卡片化 plans for key enterprises, 双盲 drills): 宏达五金's comprehensive plan,
// filed almost 3 years ago (its evaluation falls due soon) with a revision duty after a drill finding; its on-site
// disposal plan with two disposal cards, submitted and waiting in the officers' review queue; the district's overall
// plan, published; and a 双盲 full-scale drill held two months ago. Written through the module's own functions.
import { emergencyDrillFindings, emergencyDrills } from '../db/schema';
import type { Tx } from '../platform/db';
import { addDays, addMonths, cstDate } from '../platform/time';
import { createPlanIn } from '../modules/emergency/commands/save-plan';
import { addRevisionDuty } from '../modules/emergency/commands/plan-revisions';
import { noteHeldDrill } from '../modules/emergency/drills.queries';
import { evaluationDueOn } from '../modules/emergency/plans.rules';
import { writePlan } from '../modules/emergency/plans.workflow';
import { demoActor } from './hazards';

export async function seedDemoEmergencyPlans(tx: Tx): Promise<void> {
  const boss = await demoActor(tx, 'ent_boss');
  const officer = await demoActor(tx, 'officer');
  const street = await demoActor(tx, 'street');
  const today = cstDate();
  const filedOn = addDays(addMonths(today, -36), 30);

  const comprehensive = await createPlanIn(tx, boss, null, {
    planType: 'comprehensive',
    title: '宏达五金生产安全事故综合应急预案',
    publishedOn: addDays(filedOn, -10),
    summary: '总则、应急组织机构及职责、预警及信息报告、应急响应、后期处置、保障措施',
    cards: [],
  });
  const submitted = await writePlan(tx, boss, comprehensive, 'submit', {});
  const filed = await writePlan(tx, street, submitted, 'accept', {
    patch: { filingNo: '龙城应急预备〔2024〕017号', filedOn, evaluationDueOn: evaluationDueOn(filedOn) },
    input: { filingNo: '龙城应急预备〔2024〕017号' },
  });

  const onsite = await createPlanIn(tx, boss, null, {
    planType: 'onsite',
    title: '抛光车间粉尘爆炸现场处置方案',
    publishedOn: addDays(today, -3),
    summary: '抛光车间粉尘燃爆的现场处置（三化一卡）',
    cards: [
      {
        post: '抛光岗位',
        risks: '铝镁粉尘燃爆、人员灼烫',
        steps: '1. 立即停机并切断电源\n2. 呼喊周边人员沿疏散通道撤离\n3. 使用干粉灭火器扑救初起火灾，严禁用水\n4. 报告班组长',
        reportTo: '班组长 黄志强 / 安全员 陈海燕',
      },
      {
        post: '除尘系统操作岗位',
        risks: '除尘器内燃爆、泄爆伤人',
        steps: '1. 关闭除尘风机\n2. 远离泄爆口\n3. 启动隔爆阀并报告',
        reportTo: '设备主管',
      },
    ],
  });
  await writePlan(tx, boss, onsite, 'submit', {});

  const overall = await createPlanIn(tx, officer, null, {
    planType: 'gov_overall',
    title: '龙岗区突发事件总体应急预案',
    areaCode: officer.areaCode!,
    publishedOn: addDays(today, -200),
    cards: [],
  });
  await writePlan(tx, officer, overall, 'publish', {
    patch: { filedOn: addDays(today, -200), evaluationDueOn: evaluationDueOn(addDays(today, -200)) },
  });

  const heldOn = addMonths(today, -2);
  const [drill] = await tx
    .insert(emergencyDrills)
    .values({
      enterpriseId: filed.enterpriseId!,
      areaCode: filed.areaCode,
      sector: filed.sector,
      parkId: filed.parkId,
      planId: filed.id,
      planType: 'comprehensive',
      kind: 'full_scale',
      doubleBlind: true,
      scenario: '夜班抛光车间粉尘燃爆，一人灼伤（双盲：不预先通知时间和情景）',
      heldOn,
      participants: 46,
      evaluation: '响应启动及时，疏散 6 分钟完成；应急通讯录有两人号码失效',
      createdBy: boss.id,
    })
    .returning();
  await noteHeldDrill(tx, { ...drill!, heldOn });
  const duty = await addRevisionDuty(tx, filed, {
    trigger: 'drill_finding',
    occurredOn: heldOn,
    note: '应急通讯录有两人号码失效',
    sourceKey: `finding:demo-${drill!.id}`,
    createdBy: boss.id,
  });
  await tx.insert(emergencyDrillFindings).values({
    drillId: drill!.id,
    description: '应急通讯录有两人号码失效',
    action: '更新应急通讯录并每季度核对',
    dueOn: addDays(heldOn, 14),
    revisionId: duty?.id ?? null,
  });
}
