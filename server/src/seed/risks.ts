// Demo data for risk graded control and scheduled self-inspection: the starter checklist templates, a full risk
// register for 宏达五金 (the ent_boss / ent_safety accounts), small registers for a sample of the generated
// enterprises so the district's four-colour views have something to show, and a week of check tasks (most done,
// some missed) plus today's. Written with bulk inserts through the same assessment rules as the API.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { AssessmentInput, MeasureType, ResponsibleLevel, RiskUnitKind } from '@anjian/contracts';
import { checkTaskItems, checkTasks, enterprises, riskEvents, riskMeasures, riskUnits } from '../db/schema';
import type { DbOrTx } from '../platform/db';
import { addDays } from '../platform/time';
import { schemeFor } from '../reference/accidents/accident-types';
import { evaluateAssessment } from '../modules/risks/risks.assessment';
import { loadRiskSettings, type EffectiveSettings } from '../modules/risks/risks.settings';
import { rebuildRiskSummaries } from '../modules/risks/risks.summary';
import { seedCheckTemplates } from '../modules/checks/checks.templates.data';
import { generateCheckTasks } from '../modules/checks/commands/generate-check-tasks';
import { prng } from './enterprises';

type Measure = [MeasureType, string, ResponsibleLevel];
interface EventSpec {
  name: string;
  /** GB 6441-1986 code and GB 6441-2025 provisional key; the one of the scheme in force is stored. */
  type: [string, string];
  consequences: string;
  assessment: AssessmentInput;
  measures: Measure[];
}
interface UnitSpec {
  name: string;
  kind: RiskUnitKind;
  location?: string;
  events: EventSpec[];
}

const HONGDA: UnitSpec[] = [
  {
    name: '抛光打磨岗位',
    kind: 'post',
    location: '2号厂房一楼抛光车间',
    events: [
      {
        name: '铝镁粉尘积聚遇点火源发生粉尘爆炸',
        type: ['018', 'P18'],
        consequences: '群死群伤、厂房损毁',
        assessment: { method: 'lec', l: 3, e: 6, c: 40 },
        measures: [
          ['engineering', '除尘系统设置泄爆、隔爆装置，采用湿式除尘并防止氢气积聚', 'company'],
          ['management', '每班清扫作业台面及地面积尘并记录', 'team'],
          ['ppe', '穿戴防静电工作服、防尘口罩，禁止携带火种', 'post'],
          ['emergency', '立即停机断电，组织人员撤离，拨打119并报告值班负责人', 'post'],
        ],
      },
      {
        name: '砂轮破裂飞出伤人',
        type: ['01', 'P01'],
        consequences: '头面部、眼部受伤',
        assessment: { method: 'matrix', l: 3, s: 3 },
        measures: [
          ['engineering', '砂轮机安装防护罩，托架间隙不大于3mm', 'department'],
          ['management', '更换砂轮后空转试机，检查有无裂纹', 'team'],
        ],
      },
    ],
  },
  {
    name: '冲压岗位',
    kind: 'post',
    location: '1号厂房冲压线',
    events: [
      {
        name: '冲床滑块下行压伤手部',
        type: ['03', 'P04'],
        consequences: '手指压伤、截肢',
        assessment: { method: 'lec', l: 3, e: 6, c: 7 },
        measures: [
          ['engineering', '冲床设置双手按钮及光电保护装置', 'department'],
          ['management', '班前检查安全装置有效，严禁手入模区', 'team'],
          ['emergency', '立即按下急停，止血包扎后送医', 'post'],
        ],
      },
    ],
  },
  {
    name: '除尘系统',
    kind: 'facility',
    location: '2号厂房北侧',
    events: [
      {
        name: '除尘器内粉尘爆燃',
        type: ['018', 'P18'],
        consequences: '设备损毁、人员灼伤',
        assessment: { method: 'lec', l: 1, e: 6, c: 40 },
        measures: [
          ['engineering', '除尘器泄爆口朝向安全区域，灰斗设锁气卸灰装置', 'company'],
          ['management', '每周检查除尘系统接地及风管积尘', 'department'],
        ],
      },
    ],
  },
  {
    name: '叉车转运作业',
    kind: 'activity',
    events: [
      {
        name: '叉车行驶碰撞、碾压人员',
        type: ['02', 'P02'],
        consequences: '人员伤亡',
        assessment: { method: 'matrix', l: 2, s: 4 },
        measures: [
          ['training', '叉车司机持特种设备作业人员证上岗', 'department'],
          ['management', '厂内限速5km/h，人车分流', 'team'],
        ],
      },
    ],
  },
  {
    name: '成品仓库',
    kind: 'site',
    location: '3号仓库',
    events: [
      {
        name: '包装材料遇火源引发火灾',
        type: ['08', 'P09'],
        consequences: '财产损失、人员烧伤',
        assessment: { method: 'matrix', l: 2, s: 3 },
        measures: [
          ['engineering', '按规定配置灭火器和室内消火栓', 'department'],
          ['management', '仓库严禁烟火，下班前切断电源', 'team'],
          ['emergency', '初起火灾用灭火器扑救，火势扩大立即撤离并拨打119', 'post'],
        ],
      },
    ],
  },
];

// Small registers for the sample: a few common events with assessments from blue to (rarely) red.
const CATALOGUE: Omit<EventSpec, 'assessment'>[] = [
  {
    name: '机械设备转动部位卷入',
    type: ['03', 'P04'],
    consequences: '肢体伤害',
    measures: [['engineering', '转动部位加装防护罩', 'department']],
  },
  { name: '配电箱漏电触电', type: ['05', 'P06'], consequences: '触电伤亡', measures: [['management', '每日检查漏电保护器', 'team']] },
  { name: '车间火灾', type: ['08', 'P09'], consequences: '财产损失、人员伤亡', measures: [['engineering', '配置消防器材', 'department']] },
  { name: '登高作业坠落', type: ['09', 'P10'], consequences: '人员伤亡', measures: [['ppe', '系挂安全带', 'team']] },
  {
    name: '有限空间中毒窒息',
    type: ['019', 'P24'],
    consequences: '人员中毒窒息死亡',
    measures: [['management', '执行先通风、再检测、后作业', 'company']],
  },
];
const ASSESSMENTS: [number, AssessmentInput][] = [
  [40, { method: 'matrix', l: 2, s: 2 }],
  [25, { method: 'lec', l: 3, e: 6, c: 3 }],
  [20, { method: 'lec', l: 3, e: 6, c: 7 }],
  [10, { method: 'matrix', l: 3, s: 5 }],
  [5, { method: 'lec', l: 6, e: 6, c: 15 }],
];

function pickWeighted<T>(rng: ReturnType<typeof prng>, options: [number, T][]): T {
  let r = rng.int(options.reduce((s, [w]) => s + w, 0));
  for (const [w, v] of options) if ((r -= w) < 0) return v;
  return options[0]![1];
}

type Rows = {
  units: (typeof riskUnits.$inferInsert)[];
  events: (typeof riskEvents.$inferInsert)[];
  measures: (typeof riskMeasures.$inferInsert)[];
};

/** Adds one enterprise's register to `rows` (ids made here so the three tables can be inserted in bulk). */
function addRegister(rows: Rows, e: typeof enterprises.$inferSelect, units: UnitSpec[], s: EffectiveSettings, today: string) {
  const scope = { enterpriseId: e.id, areaCode: e.areaCode, sector: e.sector, parkId: e.parkId };
  const scheme = schemeFor(today);
  for (const spec of units) {
    const unitId = randomUUID();
    rows.units.push({
      ...scope,
      id: unitId,
      name: spec.name,
      kind: spec.kind,
      location: spec.location ?? null,
      emergencyPhone: e.safetyManagerPhone,
    });
    for (const ev of spec.events) {
      const eventId = randomUUID();
      rows.events.push({
        ...scope,
        id: eventId,
        unitId,
        name: ev.name,
        consequences: ev.consequences,
        accidentTypeScheme: scheme,
        accidentTypeCode: scheme === 'GB6441-2025' ? ev.type[1] : ev.type[0],
        ...evaluateAssessment(ev.assessment, s),
        assessedAt: new Date(),
      });
      for (const [type, description, responsibleLevel] of ev.measures) {
        rows.measures.push({ ...scope, unitId, eventId, type, description, responsibleLevel });
      }
    }
  }
}

async function insertRows(tx: DbOrTx, rows: Rows) {
  for (let i = 0; i < rows.units.length; i += 500) await tx.insert(riskUnits).values(rows.units.slice(i, i + 500));
  for (let i = 0; i < rows.events.length; i += 500) await tx.insert(riskEvents).values(rows.events.slice(i, i + 500));
  for (let i = 0; i < rows.measures.length; i += 500) await tx.insert(riskMeasures).values(rows.measures.slice(i, i + 500));
}

export async function seedDemoRisks(tx: DbOrTx, o: { hongdaId: string; today: string; sample?: number; daysBack?: number; seed?: number }) {
  const rng = prng(o.seed ?? 4242);
  const settings = await loadRiskSettings(tx);
  await seedCheckTemplates(tx);
  const rows: Rows = { units: [], events: [], measures: [] };
  const [hongda] = await tx.select().from(enterprises).where(eq(enterprises.id, o.hongdaId));
  addRegister(rows, hongda!, HONGDA, settings, o.today);
  const sample = await tx
    .select()
    .from(enterprises)
    .where(and(isNull(enterprises.deletedAt), eq(enterprises.operatingStatus, 'operating'), ne(enterprises.id, o.hongdaId)))
    .orderBy(asc(enterprises.creditCode))
    .limit(o.sample ?? 200);
  for (const e of sample) {
    const events = Array.from({ length: 1 + rng.int(3) }, () => ({ ...rng.pick(CATALOGUE), assessment: pickWeighted(rng, ASSESSMENTS) }));
    addRegister(rows, e, [{ name: '生产车间', kind: 'site', events }], settings, o.today);
  }
  await insertRows(tx, rows);
  await rebuildRiskSummaries(tx);

  // A week of history: generate each day's tasks, then mark most past tasks done (all items passed).
  for (let d = o.daysBack ?? 7; d >= 1; d--) await generateCheckTasks(tx, { today: addDays(o.today, -d) });
  await tx.execute(sql`
    update ${checkTasks} set state = 'done', done_by_name = '演示数据',
           done_at = (due_date::timestamp + time '17:30') at time zone 'Asia/Shanghai'
     where due_date < ${o.today} and abs(hashtext(id::text)) % 100 < 85`);
  await tx.execute(sql`
    update ${checkTaskItems} i set result = 'pass', checked_at = t.done_at
      from ${checkTasks} t where t.id = i.task_id and t.state = 'done'`);
  return generateCheckTasks(tx, { today: o.today });
}
