// Demo hidden dangers in 龙城街道: a few records in every state (one overdue, one under 挂牌督办), replayed
// through the real commands on past days so the timeline, statistics rollup and audit trail are all consistent.
// Calendar-day deadlines only: the demo must start even in a year the holiday calendar does not cover yet.
import { and, asc, eq, inArray, isNull, like, ne } from 'drizzle-orm';
import { roleScopeKind, type Role } from '@anjian/contracts';
import { enterprises, organisations, parks, users } from '../db/schema';
import type { Actor } from '../platform/actor';
import type { DbOrTx } from '../platform/db';
import { areaPrefixOf } from '../platform/scope';
import { addDays, cstDate } from '../platform/time';
import { actOnHazard } from '../modules/hazards/commands/act-on-hazard';
import { listHazard } from '../modules/hazards/commands/list-hazard';
import { reportHazard } from '../modules/hazards/commands/report-hazard';
import { hazardClock } from '../modules/hazards/hazards.clock';

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

/** Call after the demo users exist; `streetCode` is 龙城街道's. */
/** The first live units of the demo park 宝龙工业园区 by credit code: the park station's own demo records are theirs. */
export async function demoParkUnits(db: DbOrTx, limit: number): Promise<{ id: string }[]> {
  return db
    .select({ id: enterprises.id })
    .from(enterprises)
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .where(and(eq(parks.name, '宝龙工业园区'), isNull(enterprises.deletedAt)))
    .orderBy(asc(enterprises.creditCode))
    .limit(limit);
}

export async function seedDemoHazards(db: DbOrTx, streetCode: string): Promise<void> {
  const street = await demoActor(db, 'street');
  const ent = await demoActor(db, 'ent_safety');
  const others = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(
      and(
        like(enterprises.areaCode, `${streetCode}%`),
        ne(enterprises.id, ent.enterpriseId!),
        inArray(enterprises.sector, ['machinery', 'light_industry', 'building_materials']),
      ),
    )
    .limit(2);
  const today = cstDate();
  const realToday = hazardClock.today;
  const on = (daysAgo: number) => {
    hazardClock.today = () => addDays(today, -daysAgo);
  };
  const step = (
    a: Actor,
    h: { id: string; version: number },
    action: Parameters<typeof actOnHazard>[4],
    evidence: Record<string, unknown>,
  ) => actOnHazard(db, a, null, h.id, action, { version: h.version, evidence, attachments: [] });
  try {
    // 宏达五金: an overdue self-check finding, and one fixed on the spot.
    on(20);
    let h = await reportHazard(db, ent, null, {
      enterpriseId: ent.enterpriseId!,
      source: 'enterprise_self_check',
      description: '抛光车间除尘器泄爆口朝向人员通道',
      location: '3 栋 1 楼抛光车间',
      category: 'unsafe_condition',
      accidentType: '018',
      grade: 'general',
    });
    h = await step(ent, h, 'start_rectification', { deadlineDays: 10, deadlineUnit: 'calendar', responsiblePerson: '陈海燕' });
    on(12);
    h = await reportHazard(db, ent, null, {
      enterpriseId: ent.enterpriseId!,
      source: 'enterprise_self_check',
      description: '配电箱未上锁',
      location: '仓库门口',
      category: 'unsafe_condition',
      accidentType: '05',
      grade: 'general',
    });
    await step(ent, h, 'fix_on_the_spot', { onTheSpotRecord: '已当场上锁，钥匙由电工保管' });
    if (others[0]) {
      // A major hidden danger found by the street office and listed for supervision.
      on(30);
      let m = await reportHazard(db, street, null, {
        enterpriseId: others[0].id,
        source: 'government_inspection',
        description: '铝镁粉尘除尘系统采用正压除尘方式，未采取防范点燃源措施',
        category: 'unsafe_condition',
        accidentType: '018',
        grade: 'major',
        majorItemId: 'MEM10-2023/11.4',
      });
      m = await listHazard(db, street, null, m.id, {
        version: m.version,
        documentNumber: '龙城应急督〔2026〕1号',
        requiredCompletionDate: addDays(today, 30),
        stopProduction: true,
      });
      await step(street, m, 'start_rectification', { deadline: addDays(today, 25), responsiblePerson: '企业主要负责人' });
    }
    if (others[1]) {
      // A grid patrol finding being rectified.
      on(8);
      const g = await reportHazard(db, street, null, {
        enterpriseId: others[1].id,
        source: 'grid_patrol',
        description: '安全出口被货物堵塞',
        category: 'unsafe_condition',
        accidentType: '08',
        grade: 'general',
      });
      await step(street, g, 'start_rectification', { deadlineDays: 15, deadlineUnit: 'calendar', responsiblePerson: '仓库主管' });
    }
    // 宏达五金: the street office's finding, rectified by the enterprise and waiting for the office's acceptance.
    on(9);
    let r = await reportHazard(db, street, null, {
      enterpriseId: ent.enterpriseId!,
      source: 'government_inspection',
      description: '冲压机光电保护装置被短接',
      location: '2 栋冲压车间 5 号机',
      category: 'unsafe_condition',
      accidentType: '03',
      grade: 'general',
    });
    r = await step(street, r, 'start_rectification', { deadlineDays: 5, deadlineUnit: 'calendar', responsiblePerson: '陈海燕' });
    on(4);
    await step(ent, r, 'submit_for_acceptance', { rectificationRecord: '已恢复光电保护并对操作工进行教育' });
  } finally {
    hazardClock.today = realToday;
  }
}
