// Demo 工作方案: a Longgang-like special campaign (modelled on 深龙安办〔2018〕291号, seed 000) issued by the bureau's
// enforcement division two months ago, ten tasks from its 工作分工 table assigned to the demo organisations (the
// officer's own division, 龙城街道 — the street account —, 住建局, the 宝龙 park station, other streets), last month's
// reports filed by most lead units, one of them late and some missing, one task 督办 by the leader and one reported
// done. Replayed through the real commands on past days.
import { and, eq, like } from 'drizzle-orm';
import { organisations } from '../db/schema';
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { createPlanIn } from '../modules/workplans/commands/create-plan';
import { addTaskIn } from '../modules/workplans/commands/add-task';
import { fileReportIn } from '../modules/workplans/commands/file-report';
import { actOnTaskIn } from '../modules/workplans/commands/act-on-task';
import { monthlyReportDue, monthOf } from '../modules/workplans/workplans.rules';
import { demoActor } from './hazards';

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export async function seedDemoWorkplans(tx: Tx): Promise<void> {
  const today = cstDate();
  const officer = await demoActor(tx, 'officer');
  const leader = await demoActor(tx, 'leader');
  const street = await demoActor(tx, 'street');
  const zhujian = await demoActor(tx, 'zhujian');
  const park = await demoActor(tx, 'park');
  const org = async (name: string) =>
    (
      await tx
        .select()
        .from(organisations)
        .where(like(organisations.name, `%${name}%`))
        .limit(1)
    )[0]!;
  const [bureau] = await tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'bureau'), eq(organisations.areaCode, '440307')));
  const buji = await org('布吉街道');
  const pingdi = await org('坪地街道');
  const issuedOn = addDays(today, -70);
  const year = Number(today.slice(0, 4));
  const plan = await createPlanIn(tx, officer, null, {
    title: '龙岗区全面遏制冶金等工贸行业生产安全事故专项治理行动',
    docNumber: `深龙安办〔${year}〕291号`,
    year,
    phases: [
      { name: '动员部署', startOn: issuedOn, endOn: addDays(issuedOn, 11) },
      { name: '集中整治', startOn: addDays(issuedOn, 14), endOn: addDays(issuedOn, 300) },
      { name: '总结提高', startOn: addDays(issuedOn, 301), endOn: addDays(issuedOn, 330) },
    ],
    sourceDocument: '龙岗区安委办关于印发《龙岗区全面遏制冶金等工贸行业生产安全事故开展专项治理行动工作方案》的通知',
    reportDay: 28,
  });
  const items: [string, string, string, string][] = [
    [
      '1.加强监管执法队伍建设',
      '（1）将区、街安监部门作为政府工作部门和行政执法机构，加强安全生产执法队伍建设，强化行政执法职能。',
      bureau!.id,
      '区安监局牵头，各街道办配合落实',
    ],
    [
      '1.加强监管执法队伍建设',
      '（2）配置安全监管部门人员编制，充实区、街道两级安全生产监管执法人员力量。',
      officer.orgId!,
      '区安监局牵头，各街道办配合落实',
    ],
    [
      '3.加强社区安全巡查队伍建设',
      '（1）在各社区工作站配备必要的安全生产网格巡查员，负责本辖区网格安全生产日常巡查和联络、宣传、登记、上报等工作。',
      street.orgId!,
      '龙城街道办牵头，各社区工作站配合落实',
    ],
    [
      '4.设立工业园区安全生产监管机构',
      '（1）在全区各类工业园区设立安全生产管理站，具体负责园区安全生产日常巡查、督察、联络、宣传、登记、上报等工作。',
      park.orgId!,
      '园区管理站牵头，所在街道办配合落实',
    ],
    [
      '6.实施精准执法',
      '（1）把执法检查重点向事故多发的领域、管理漏洞、薄弱环节，以及容易造成群死群伤的重点企业进行倾斜。',
      officer.orgId!,
      '区安监局牵头，各街道办配合落实',
    ],
    [
      '7.实施联合执法',
      '（1）联合市场监管部门对重点企业特种设备使用管理及特种设备作业人员持证上岗情况进行联合执法检查。',
      zhujian.orgId!,
      '区住建局牵头，区安监局、各街道办配合落实',
    ],
    [
      '9.健全完善企业准入机制',
      '（1）制定企业安全生产备案制度，由社区工作站和工业园区管理单位督促房屋业主在出租前进行安全生产备案。',
      buji.id,
      '各街道办组织落实',
    ],
    [
      '10.大力推动老旧机械设备更新',
      '（1）严格执行老旧机械设备报废标准，对达到规定报废年限的老旧机械设备进行强制报废。',
      officer.orgId!,
      '区安监局牵头，区经济促进局、各街道办配合落实',
    ],
    [
      '14.充分发挥安全生产网格员的宣传队作用',
      '（1）督促网格员每天将安全生产知识宣传和警示教育内容转发给辖区网格内所有生产经营单位负责人和安全管理人员。',
      street.orgId!,
      '龙城街道办牵头落实',
    ],
    [
      '17.完善安全培训长效机制',
      '（1）在各社区、工业园区设立安全管理人员活动园地，供生产经营单位安全管理人员交流学习。',
      pingdi.id,
      '各街道办组织落实',
    ],
  ];
  let version = plan.version;
  const tasks: { id: string; version: number; leadOrgId: string }[] = [];
  for (const [i, [item, content, leadOrgId, responsibility]] of items.entries()) {
    const task = await addTaskIn(
      tx,
      officer,
      null,
      plan.id,
      { seq: i + 1, item, content, leadOrgId, coOrgIds: [], responsibility, version },
      issuedOn,
    );
    version++;
    tasks.push({ id: task.id, version: task.version, leadOrgId });
  }
  // Last month's reports: on time three days before the due day, one late two days after, the rest missing.
  const month = previousMonth(monthOf(today));
  const due = monthlyReportDue(month, 28);
  const actorOf = (orgId: string) => [officer, street, zhujian, park].find((a) => a.orgId === orgId) ?? null;
  const progress: Record<number, [string, string | null, string]> = {
    1: ['已完成区、街两级执法人员编制测算，方案报区编办审核。', '编制审批周期较长。', addDays(due, -3)],
    2: ['已在 12 个社区工作站配齐网格巡查员 96 名，完成岗前培训。', null, addDays(due, -2)],
    3: ['宝龙工业园区安全管理站已挂牌，配备专职人员 3 名。', '管理站负责人职称尚待评定。', addDays(due, 2)],
    4: ['本月对 38 家重点企业开展精准执法检查，立案 6 宗。', null, addDays(due, -4)],
    5: ['与市场监管部门联合检查特种设备使用单位 12 家。', '联合执法人员调度困难。', addDays(due, -1)],
  };
  for (const [index, [text, problems, on]] of Object.entries(progress)) {
    const t = tasks[Number(index)]!;
    const actor = actorOf(t.leadOrgId);
    if (!actor) continue;
    const done = await fileReportIn(
      tx,
      actor,
      null,
      t.id,
      { month, progress: text, problems: problems ?? undefined, version: t.version },
      on,
    );
    t.version = done.version;
  }
  // The leader urges the missing 布吉 task; 龙城's propaganda task is reported done and awaits acceptance.
  const urged = tasks[6]!;
  await actOnTaskIn(tx, leader, null, urged.id, {
    action: 'supervise',
    version: urged.version,
    level: 'district_leader',
    reason: '上月进展未报送，请于 3 个工作日内报送并说明原因',
  });
  const propaganda = tasks[8]!;
  const started = await actOnTaskIn(tx, street, null, propaganda.id, { action: 'start', version: propaganda.version });
  await actOnTaskIn(tx, street, null, propaganda.id, {
    action: 'report_done',
    version: started.version,
    summary: '全街道网格员已全部建立企业微信群并每日转发宣传内容，覆盖生产经营单位 2,316 家。',
  });
}
