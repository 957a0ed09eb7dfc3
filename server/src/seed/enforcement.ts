// Demo enforcement in 龙城街道: a 双随机 draw of three enterprises with today's tasks, one of them inspected with a
// finding (a hidden danger under a 7-day order, its documents numbered), an on-the-spot penalty and a general case
// awaiting legal review — replayed through the real commands so documents, hazards and audit agree.
import { and, eq } from 'drizzle-orm';
import { roleScopeKind, type Role } from '@anjian/contracts';
import { inspections, organisations, users } from '../db/schema';
import type { Actor } from '../platform/actor';
import { areaPrefixOf } from '../platform/scope';
import type { Db, DbOrTx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { createDraw } from '../modules/enforcement/draws/commands/create-draw';
import { recordInspection } from '../modules/enforcement/inspections/commands/record-inspection';
import { fileCase } from '../modules/enforcement/cases/commands/file-case';
import { actOnCase } from '../modules/enforcement/cases/commands/act-on-case';

export async function demoActor(db: DbOrTx, username: string): Promise<Actor> {
  const [row] = await db
    .select({ u: users, o: organisations })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.username, username));
  const role = row!.u.role as Role;
  const areaCode = row!.o?.areaCode ?? null;
  return {
    id: row!.u.id,
    username,
    displayName: row!.u.displayName,
    role,
    orgId: row!.u.orgId,
    orgName: row!.o?.name ?? null,
    areaCode,
    areaPrefix: areaCode ? areaPrefixOf(areaCode) : null,
    sectors: row!.o?.sectors ?? [],
    parkId: row!.o?.parkId ?? null,
    enterpriseId: row!.u.enterpriseId,
    scopeKind: roleScopeKind[role],
    mustChangePassword: false,
  };
}

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
