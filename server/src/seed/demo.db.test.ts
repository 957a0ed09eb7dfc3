// The demo district as its users see it, seeded once for the whole file (seeding is the slow part: one seed instead
// of one per topic). Each describe is one topic of the demo; the enterprise move comes last because it changes data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditActionLabels, auditEntityLabels } from '@anjian/contracts';
import { buildTestApp, loginAs, type TestApp } from '../../test/app';
import { rowsOf } from '../platform/db';
import { cstDate } from '../platform/time';
import { appendEvent } from '../platform/outbox';
import { consumeEvent } from '../platform/queue';
import { followEnterpriseScope, isEnterpriseMove } from '../platform/enterprise-scope';
import { monthOf } from '../modules/workplans/workplans.rules';
import { peopleConsumer } from '../modules/people/people.consumer';
import { emergencyConsumer } from '../modules/emergency/emergency.consumer';
import { trainingConsumer } from '../modules/training/training.consumer';
import { domainEvents, emergencyPlans, peopleSummaries, trainingSessions } from '../db/schema';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { fastArgon2 } from './factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db, fastArgon2, { enterprises: 40 });
}, 600_000);
afterAll(() => t?.close());

// 举报奖励: the district officer sees one paid and one due reward in 龙城街道 with the year's rate, the leader the
// same, the street its own; the industry-department and park accounts an empty list.
describe('demo rewards', () => {
  it('shows a paid and a due reward and the rate to the bureau, the leader and the street', async () => {
    for (const user of ['officer', 'leader', 'street']) {
      const c = await loginAs(t.app, user, DEMO_PASSWORD);
      const list = (await c.get('/api/rewards')).json();
      expect(list.items.map((r: { status: string }) => r.status).sort(), user).toEqual(['due', 'paid']);
      const paid = list.items.find((r: { status: string }) => r.status === 'paid');
      expect(paid).toMatchObject({ amount: 7_500, receiptNo: 'JL-DEMO-0001' });
      const rate = (await c.get(`/api/rewards/rate?year=${paid.year}`)).json();
      expect(rate.total.paid, user).toBeGreaterThanOrEqual(1);
    }
    const officer = await loginAs(t.app, 'officer', DEMO_PASSWORD);
    const due = (await officer.get('/api/rewards?status=due')).json().items[0];
    expect(due.abilities).toEqual(expect.arrayContaining(['propose', 'decline']));
    for (const user of ['zhujian', 'park']) {
      const c = await loginAs(t.app, user, DEMO_PASSWORD);
      expect((await c.get('/api/rewards')).json().total, user).toBe(0);
      expect((await c.get(`/api/rewards/rate?year=${cstDate().slice(0, 4)}`)).statusCode, user).toBe(200);
    }
  });
});

// 信用: the decided cases and registered accidents show as credit entries with grades (the consumer run over the
// demo's events, each marked processed), the 无事故 good records of those long in the register, and one 严重失信 listing
// is in its objection period.
describe('demo credit', () => {
  it('has credit entries from the demo events, marked processed, and one listing in progress', async () => {
    const db = t.database.db;
    const [c] = rowsOf<{ entries: number; kinds: number; summaries: number; unmarked: number; accidentFree: number; live: number }>(
      await db.execute(sql`select
        (select count(*)::int from credit_entries) as entries,
        (select count(*)::int from credit_entries where kind = 'accident_free' and status = 'active') as "accidentFree",
        (select count(*)::int from enterprises where deleted_at is null) as live,
        (select count(distinct kind)::int from credit_entries) as kinds,
        (select count(*)::int from credit_summaries) as summaries,
        (select count(*)::int from domain_events e where not exists
          (select 1 from event_consumer_marks m where m.consumer = 'credit' and m.event_id = e.id)) as unmarked`),
    );
    expect(c!.entries).toBeGreaterThan(0);
    expect(c!.kinds).toBeGreaterThan(1);
    expect(c!.summaries).toBeGreaterThan(0);
    expect(c!.unmarked).toBe(0);
    // the register has a history: enterprises in it for N years without an accident hold the 无事故 good record
    // (entered over the past six years: about half have three, less those with an accident since)
    expect(c!.accidentFree).toBeGreaterThan(c!.live / 4);
    expect(c!.accidentFree).toBeLessThan(c!.live * 0.7);
    const officer = await loginAs(t.app, 'officer', DEMO_PASSWORD);
    const list = (await officer.get('/api/credit/listings')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'noticed' });
    expect(list.items[0].abilities).toEqual(expect.arrayContaining(['receive_objection', 'drop']));
    const grades = (await officer.get('/api/credit/enterprises')).json();
    expect(grades.total).toBeGreaterThan(0);
  });
});

// 工作方案: the leader's board of last month with one late and some missing units, the street's own tasks, 督办.
describe('demo work plan', () => {
  it('shows the demo plan, last month’s board and the street’s tasks', async () => {
    const leader = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    const plans = (await leader.get('/api/workplans')).json();
    expect(plans.items).toHaveLength(1);
    expect(plans.items[0].taskCount).toBe(10);
    const [y, m] = monthOf(cstDate()).split('-').map(Number) as [number, number];
    const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const board = (await leader.get(`/api/workplans/${plans.items[0].id}/board?month=${last}`)).json();
    const states = board.rows.map((r: { reportState: string }) => r.reportState);
    expect(states.filter((s: string) => s === 'late')).toHaveLength(1);
    expect(states.filter((s: string) => s === 'filed')).toHaveLength(4);
    expect(states.filter((s: string) => s === 'missing').length).toBeGreaterThan(0);
    expect(board.rows.some((r: { supervised: boolean }) => r.supervised)).toBe(true);
    const street = await loginAs(t.app, 'street', DEMO_PASSWORD);
    const mine = (await street.get('/api/work-tasks/mine')).json();
    expect(mine.items).toHaveLength(2);
    expect(mine.items.map((i: { status: string }) => i.status).sort()).toEqual(['in_progress', 'reported_done']);
  });
});

// 宣传覆盖 and 职业健康: the street sees this quarter's campaign part-way delivered and 宏达五金 not yet reached; the
// occupational-health rates have files behind them, each below its denominator somewhere; the enterprise sees its
// exposed workers.
describe('demo publicity and occupational health', () => {
  it('shows a campaign part-way delivered and rates with their denominators', async () => {
    const street = await loginAs(t.app, 'street', DEMO_PASSWORD);
    const campaigns = (await street.get('/api/publicity/campaigns')).json();
    expect(campaigns.items).toHaveLength(1);
    const [c] = campaigns.items;
    expect(c.reached, JSON.stringify(c)).toBeGreaterThan(0);
    expect(c.reached).toBeLessThan(c.targets);
    const ent = await loginAs(t.app, 'ent_safety', DEMO_PASSWORD);
    const mine = (await ent.get('/api/publicity/targets')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].reached).toBe(false);
    const rates = (await street.get('/api/occupational-health/rates')).json();
    const cells = rates.overall.indicators as { indicator: string; numerator: number; denominator: number }[];
    expect(cells.every((x) => x.denominator > 0)).toBe(true);
    expect(cells.some((x) => x.numerator < x.denominator)).toBe(true);
    const me = (await ent.get('/api/me')).json().user;
    const workers = (await ent.get(`/api/occupational-health/profiles/${me.enterpriseId}/workers`)).json();
    expect(workers.total).toBe(3);
  });
});

// 园区: the park station's own figures are not empty — 职业健康 files its station entered, accidents at the park's
// units (in the list and this station's analysis), and the inspection it recorded today with its finding.
describe('demo park station', () => {
  it('shows the park its own occupational-health files, accidents and inspection', async () => {
    const park = await loginAs(t.app, 'park', DEMO_PASSWORD);
    const [held] = rowsOf<{ files: number; accidents: number }>(
      await t.database.db.execute(sql`select
        (select count(*)::int from oh_profiles o join enterprises e on e.id = o.enterprise_id
           join parks p on p.id = e.park_id where p.name = '宝龙工业园区') as files,
        (select count(*)::int from accidents a join parks p on p.id = a.park_id where p.name = '宝龙工业园区') as accidents`),
    );
    expect(held!.files).toBeGreaterThan(0);
    expect(held!.accidents).toBeGreaterThan(0);
    const rates = (await park.get('/api/occupational-health/rates')).json();
    const cells = rates.overall.indicators as { indicator: string; denominator: number }[];
    expect(Math.max(...cells.map((x) => x.denominator)), JSON.stringify(rates.overall)).toBe(held!.files);
    const accidents = (await park.get('/api/accidents?pageSize=100')).json();
    expect(accidents.total).toBe(held!.accidents);
    // Their reports up the chain are on record: on time or late, never all overdue.
    const reporting = accidents.items.map((a: { reporting: string }) => a.reporting) as string[];
    expect(
      reporting.every((r) => r === 'on_time' || r === 'late'),
      reporting.join(),
    ).toBe(true);
    const [chain] = rowsOf<{ unreported: number; late: number }>(
      await t.database.db.execute(sql`select
        (select count(*)::int from accidents a where not exists (select 1 from accident_reports r where r.accident_id = a.id))
          as unreported,
        (select count(*)::int from accident_reports r join accidents a on a.id = r.accident_id
          where r.tier = 'county' and r.received_at > a.occurred_at + interval '1 hour') as late`),
    );
    expect(chain).toMatchObject({ unreported: 0 });
    expect(chain!.late).toBeGreaterThan(0);
    const inspections = (await park.get('/api/inspections')).json();
    expect(inspections.total).toBe(1);
    expect(inspections.items[0].status, JSON.stringify(inspections.items[0])).not.toBe('planned');
  });
});

// 举报 handling: the park and 住建 accounts each see the report routed to them, the 住建 one extended; the street
// sees an overdue report linked to a hidden danger; the administrator the routing rules.
describe('demo report handling', () => {
  it('shows each demo role its routed reports, the extension, the overdue link and the rules', async () => {
    const park = await loginAs(t.app, 'park', DEMO_PASSWORD);
    expect((await park.get('/api/reports')).json().items).toHaveLength(1);
    const zhujian = await loginAs(t.app, 'zhujian', DEMO_PASSWORD);
    const deptList = (await zhujian.get('/api/reports')).json();
    expect(deptList.items).toHaveLength(1);
    expect(deptList.items[0].extendedDays).toBe(20);
    const street = await loginAs(t.app, 'street', DEMO_PASSWORD);
    const overdue = (await street.get('/api/reports?overdue=true')).json();
    expect(overdue.items.length).toBeGreaterThan(0);
    const detail = (await street.get(`/api/reports/${overdue.items[0].id}`)).json();
    expect(detail.links).toHaveLength(1);
    expect(detail.daysLeft).toBeLessThan(0);
    const admin = await loginAs(t.app, 'admin', DEMO_PASSWORD);
    const rules = await admin.get('/api/report-routing-rules');
    expect(rules.statusCode).toBe(200);
    expect(rules.json()).toHaveLength(2);
  });
});

// 审计日志: every action and entity type the seed's commands wrote has its label on the audit page (the registry in
// packages/contracts/src/audit-labels.ts), whatever path wrote it.
describe('demo audit log', () => {
  it('has a label for every action and entity type in the log', async () => {
    const rows = rowsOf<{ action: string; entity_type: string | null }>(
      await t.database.db.execute(sql`select distinct action, entity_type from audit_log`),
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => !(r.action in auditActionLabels)).map((r) => r.action)).toEqual([]);
    expect(rows.filter((r) => r.entity_type !== null && !(r.entity_type in auditEntityLabels)).map((r) => r.entity_type)).toEqual([]);
  });
});

// An enterprise that moves street takes its rows with it: 宏达五金 is moved to another street and the people,
// emergency and training consumers each receive the enterprise.update event. Every row of the enterprise in their
// tables then carries the new area, and a second delivery changes nothing.
const MOVED_TABLES = [
  'people',
  'certificates',
  'people_summaries',
  'emergency_plans',
  'emergency_drills',
  'emergency_drill_status',
  'training_sessions',
  'training_attendance',
  'training_person_years',
];

describe('an enterprise that moves street (last: it changes the demo)', () => {
  it('takes its people, plans, drills and training rows to the new street, once', async () => {
    const db = t.database.db;
    const [ent] = rowsOf<{ id: string; area_code: string; sector: string; park_id: string | null }>(
      await db.execute(sql`select id, area_code, sector, park_id from enterprises where name like '%宏达五金%' limit 1`),
    );
    const [target] = rowsOf<{ area_code: string }>(
      await db.execute(sql`select area_code from enterprises where left(area_code, 9) <> left(${ent!.area_code}, 9) limit 1`),
    );
    const rowsOfEnt = async (table: string) =>
      rowsOf<{ area_code: string }>(await db.execute(sql`select area_code from ${sql.identifier(table)} where enterprise_id = ${ent!.id}`));
    for (const table of MOVED_TABLES) expect((await rowsOfEnt(table)).length, `${table} has demo rows`).toBeGreaterThan(0);

    await db.execute(sql`update enterprises set area_code = ${target!.area_code}, park_id = null where id = ${ent!.id}`);
    const event = await appendEvent(
      db,
      'enterprise.update',
      'enterprise',
      { id: ent!.id, areaCode: target!.area_code, sector: ent!.sector, parkId: null },
      null,
      { changed: ['areaCode', 'parkId'] },
    );
    for (const consumer of [peopleConsumer, emergencyConsumer, trainingConsumer]) {
      expect(await consumeEvent(t.database, consumer, event)).toBe(true);
    }
    for (const table of MOVED_TABLES) {
      const areas = new Set((await rowsOfEnt(table)).map((r) => r.area_code));
      expect([...areas], table).toEqual([target!.area_code]);
    }
    // A repeated delivery finds nothing left to move; an update that changed something else is not a move.
    const [e] = await db
      .select()
      .from(domainEvents)
      .where(sql`${domainEvents.id} = ${event}`);
    await db.transaction(async (tx) => {
      expect(await followEnterpriseScope(tx, e!, [peopleSummaries, emergencyPlans, trainingSessions])).toBe(0);
    });
    expect(isEnterpriseMove({ ...e!, payload: { changed: ['name', 'phone'] } })).toBe(false);
    expect(isEnterpriseMove(e!)).toBe(true);
  });
});
