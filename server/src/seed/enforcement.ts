// Demo enforcement in 龙城街道: a 双随机 draw of three enterprises with today's tasks, one of them inspected with a
// finding (a hidden danger under a 7-day order, its documents numbered), an on-the-spot penalty and a general case
// awaiting legal review — replayed through the real commands so documents, hazards and audit agree. The park station
// inspects one of 宝龙工业园区's units itself, so the park account has an inspection of its own.
import { and, eq } from 'drizzle-orm';
import { inspections } from '../db/schema';
import type { Db, DbOrTx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { createDraw } from '../modules/enforcement/draws/commands/create-draw';
import { createInspection } from '../modules/enforcement/inspections/commands/create-inspection';
import { recordInspection } from '../modules/enforcement/inspections/commands/record-inspection';
import { fileCase } from '../modules/enforcement/cases/commands/file-case';
import { actOnCase } from '../modules/enforcement/cases/commands/act-on-case';
import { demoActor, demoParkUnits } from './hazards';

export async function seedDemoEnforcement(tx: DbOrTx, streetCode: string, hongdaId: string): Promise<void> {
  const db = tx as unknown as Db;
  const officer = await demoActor(tx, 'officer');
  const today = cstDate();
  const draw = await createDraw(db, officer, null, {
    title: '2026年龙城街道第四季度双随机抽查',
    k: 3,
    filter: { areaCode: streetCode },
    inspectorsPerEnterprise: 2,
    plannedOn: today,
  });
  const [task] = await tx
    .select({ id: inspections.id, version: inspections.version })
    .from(inspections)
    .where(and(eq(inspections.drawId, draw.id)))
    .limit(1);
  if (task) {
    await recordInspection(db, officer, null, task.id, {
      version: task.version,
      checklist: [
        { item: '安全出口、疏散通道畅通', result: 'fail' },
        { item: '特种作业人员持证上岗', result: 'pass' },
      ],
      findings: [
        {
          description: '车间安全出口被成品堆放堵塞',
          location: '一号车间东侧',
          grade: 'general',
          category: 'unsafe_condition',
          photoIds: [],
        },
      ],
      summary: '现场检查发现问题1项，已责令限期整改。',
      rectificationDeadline: addDays(today, 7),
      inspectorSignatures: [],
    });
  }
  await fileCase(db, officer, null, {
    enterpriseId: hongdaId,
    procedure: 'simple',
    partyKind: 'organisation',
    violation: '未如实记录安全生产教育和培训情况',
    basisId: 'AQSCF2021-97',
    fineBand: 'first',
    fine: 2000,
    firstCheckMustPenalise: true,
    doubleInvestigation: false,
    publish: true,
  });
  const general = await fileCase(db, officer, null, {
    enterpriseId: hongdaId,
    procedure: 'general',
    partyKind: 'organisation',
    violation: '粉尘涉爆除尘系统未按规定维护',
    basisId: 'AQSCF2021-99',
    fineBand: 'first',
    firstCheckMustPenalise: false,
    doubleInvestigation: true,
    publish: false,
  });
  const investigating = await actOnCase(db, officer, null, general.id, 'investigate', { version: general.version });
  await actOnCase(db, officer, null, general.id, 'notify', { version: investigating.version, fine: 30_000 });
  // A case whose party asked for a hearing (听证): the next step, 听证通知, is the demo user's.
  const hearing = await fileCase(db, officer, null, {
    enterpriseId: hongdaId,
    procedure: 'general',
    partyKind: 'organisation',
    violation: '未建立事故隐患排查治理制度',
    basisId: 'AQSCF2021-101',
    fineBand: 'first',
    firstCheckMustPenalise: false,
    doubleInvestigation: false,
    publish: true,
  });
  const h1 = await actOnCase(db, officer, null, hearing.id, 'investigate', { version: hearing.version });
  const h2 = await actOnCase(db, officer, null, hearing.id, 'notify', { version: h1.version, fine: 80_000 });
  await actOnCase(db, officer, null, hearing.id, 'request_hearing', { version: h2.version });
}

/** 宝龙工业园区's station inspects the park's first unit today and finds one hidden danger under a 10-day order. */
export async function seedDemoParkInspection(tx: DbOrTx): Promise<void> {
  const db = tx as unknown as Db;
  const station = await demoActor(tx, 'park');
  const [unit] = await demoParkUnits(tx, 1);
  if (!unit) return;
  const today = cstDate();
  const insp = await createInspection(db, station, null, {
    enterpriseId: unit.id,
    kind: 'planned',
    unannounced: false,
    departments: [],
    inspectorIds: [station.id],
    plannedOn: today,
    principalDuty: false,
  });
  await recordInspection(db, station, null, insp.id, {
    version: insp.version,
    checklist: [
      { item: '有限空间作业审批', result: 'fail' },
      { item: '安全警示标志设置', result: 'pass' },
    ],
    findings: [
      {
        description: '污水池有限空间未设置警示标志和作业审批记录',
        location: '厂区东侧污水处理池',
        grade: 'general',
        category: 'management_defect',
        photoIds: [],
      },
    ],
    summary: '园区巡查发现问题1项，已责令限期整改。',
    rectificationDeadline: addDays(today, 10),
    inspectorSignatures: [],
  });
}
