// Demo 年度考核, 约谈 and 通报, replayed through the real commands after the demo work plans: the bureau's scheme for
// this year (Huiji 003's "−0.5 per 10 points short" on hidden dangers, reports on time, Liangping 004's deaths −5 %
// and vetoes, a certificate rate entered with evidence) over the street offices, 住建局 and the park station, frozen
// and scored from the demo data; 龙城街道's sheet published (the street account sees it and may object); one interview
// with a street that missed its report; one ranking bulletin over the last three months, published to its units.
import { and, eq, inArray } from 'drizzle-orm';
import type { IndicatorDef } from '@anjian/contracts';
import { organisations } from '../db/schema';
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { createSchemeIn } from '../modules/assessment/commands/create-scheme';
import { freezeSchemeIn } from '../modules/assessment/commands/change-scheme';
import { computeScoresIn } from '../modules/assessment/commands/compute-scores';
import { actOnSheetIn, enterValueIn } from '../modules/assessment/commands/act-on-sheet';
import { findSheets } from '../modules/assessment/assessment.queries';
import { recordInterviewIn } from '../modules/workplans/commands/record-interview';
import { generateBulletinIn, publishBulletinIn } from '../modules/workplans/commands/bulletins';
import { demoActor } from './hazards';

const indicators: IndicatorDef[] = [
  {
    key: 'hazards',
    name: '隐患按期整改率',
    weight: 20,
    source: 'hazards_on_time',
    rule: { kind: 'step_short', target: 90, step: 10, deduct: 0.5 },
  },
  { key: 'reports', name: '工作进展按时报送率', weight: 10, source: 'workplan_reports_on_time', rule: { kind: 'linear', target: 100 } },
  {
    key: 'deaths',
    name: '事故死亡人数较上年下降5%',
    weight: 15,
    source: 'accident_deaths_reduction',
    rule: { kind: 'count_reduction', reductionPct: 5 },
  },
  { key: 'double', name: '事故起数、死亡人数双下降', weight: 10, source: 'accident_double_decline', rule: { kind: 'double_decline' } },
  { key: 'cert', name: '特种作业人员持证率', weight: 10, source: 'entered', rule: { kind: 'linear', target: 100 } },
  // Computed from the other capabilities' data (assessment.module-sources.ts); seed 003's standardization rule.
  {
    key: 'standardization',
    name: '规上企业标准化达标率',
    weight: 5,
    source: 'standardization_rate',
    rule: { kind: 'step_short', target: 70, step: 10, deduct: 0.5 },
  },
  { key: 'posts', name: '三项岗位人员持证率', weight: 5, source: 'certificate_rate', rule: { kind: 'linear', target: 100 } },
  { key: 'training', name: '主要负责人培训率', weight: 5, source: 'principal_training_rate', rule: { kind: 'linear', target: 100 } },
  { key: 'inspections', name: '执法检查计划完成率', weight: 5, source: 'inspections_vs_plan', rule: { kind: 'linear', target: 100 } },
];

export async function seedDemoAssessment(tx: Tx): Promise<void> {
  const today = cstDate();
  const officer = await demoActor(tx, 'officer');
  const leader = await demoActor(tx, 'leader');
  const street = await demoActor(tx, 'street');
  const zhujian = await demoActor(tx, 'zhujian');
  const park = await demoActor(tx, 'park');
  const streets = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'street_office')));
  const units = [...new Set([street.orgId!, zhujian.orgId!, park.orgId!, ...streets.map((s) => s.id)])];
  const inArea = await tx
    .select({ id: organisations.id, areaCode: organisations.areaCode })
    .from(organisations)
    .where(inArray(organisations.id, units));
  const unitOrgIds = inArea.filter((o) => o.areaCode.startsWith(officer.areaCode!)).map((o) => o.id);
  const year = Number(today.slice(0, 4));
  const scheme = await createSchemeIn(tx, officer, null, {
    year,
    title: `${year}年度安全生产目标管理责任考核方案`,
    indicators,
    vetoes: ['larger_accident', 'concealment'],
    unitOrgIds,
  });
  const frozen = await freezeSchemeIn(tx, officer, null, scheme.id, { version: scheme.version });
  await computeScoresIn(tx, officer, null, scheme.id, { version: frozen.version });
  const { items } = await findSheets(tx, officer, { schemeId: scheme.id, page: 1, pageSize: 100 });
  const mine = items.find((s) => s.orgId === street.orgId);
  if (mine) {
    const entered = await enterValueIn(tx, officer, null, mine.id, {
      version: mine.version,
      key: 'cert',
      value: 92,
      evidence: '特种作业人员持证花名册（街道安监办报送）',
    });
    await actOnSheetIn(tx, officer, null, mine.id, { version: entered.version, action: 'publish' });
  }
  await recordInterviewIn(tx, leader, null, {
    orgId: street.orgId!,
    personName: '陈主任',
    personTitle: '街道应急管理办公室主任',
    heldOn: addDays(today, -7),
    heldBy: '区安委办副主任',
    reason: '上月工作进展未按时报送，专项治理任务推进滞后',
    minutes: '指出报送滞后问题，要求三个工作日内补报并说明原因。',
    followUps: [{ action: '补报上月工作进展并书面说明原因', deadline: addDays(today, 3), done: false }],
  });
  const bulletin = await generateBulletinIn(
    tx,
    officer,
    null,
    { kind: 'ranking', title: '近三个月工作任务进展报送情况通报', periodFrom: addDays(today, -92), periodTo: today, minItems: 3 },
    today,
  );
  if (bulletin.recipientOrgIds.length > 0) await publishBulletinIn(tx, officer, null, bulletin.id, { version: bulletin.version });
}
