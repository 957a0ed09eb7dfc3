// enterprise_draw_pool (the 双随机 draw's narrow copy of the live, operating enterprises, kept by triggers on
// enterprises) equals the enterprises' own columns after a random sequence of writes through the platform's paths:
// enterprises created, edited, moved, re-flagged, re-tagged, put in and out of a park, suspended, closed, reopened,
// deleted, restored and removed through the API and the factories; signals changed where they live (hidden dangers,
// accidents, risk summaries, penalty decisions, inspections through the API, credit grades through the credit
// consumer); a bulk seed with the pool trigger off; source rows loaded with every trigger off and the full signal
// refresh after them. After each round the table equals the live rows, what enterprise_draw_pool_rebuild() makes and
// what migration 0063's one-off fill makes; an edit touching no mirrored column leaves its pool row untouched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { hazardTags, sectors } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app';
import {
  buildCommunity,
  buildDistrict,
  buildEnterprise,
  buildOrg,
  buildPark,
  buildStreet,
  buildUser,
  randomCreditCode,
} from '../../../seed/factories';
import { seedEnterprises } from '../../../seed/enterprises';
import { domainEvents, enterprises, penaltyCases, type areas } from '../../../db/schema';
import { rowsOf } from '../../../platform/db';
import { appendEvent } from '../../../platform/outbox';
import { statementsOf } from '../../../platform/routines';
import { addDays, cstDate } from '../../../platform/time';
import { handleCreditEvent } from '../../credit/credit.consumer';

type Area = typeof areas.$inferSelect;
let t: TestApp;
let officer: Client;
const places: Area[] = [];
/** A park per street: an enterprise in a park lies in the park's street. */
const parks = new Map<string, string>();
const parkOf = (areaCode: string) => parks.get(areaCode.slice(0, 9))!;
const ids: string[] = [];

/** A small deterministic generator (the same sequence on every run and engine). */
let seed = 20_261_204;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return Math.floor((seed / 2_147_483_648) * n);
};
const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)]!;
const someTags = () => hazardTags.filter(() => rand(4) === 0);
let serial = 0;

/** A pool row as compared (instants and days as text; the rest as the drivers read them). */
type PoolRow = Record<string, unknown> & { id: string; last_accident_at: string | null };
const COLUMNS = sql.raw(`id, draw_word_a, draw_word_b, last_accident_at::text as last_accident_at,
  enforcement_last_decided_on::text as enforcement_last_decided_on, is_key, enforcement_inspected, open_major_hazard,
  area_code, sector, park_id, risk_level, credit_grade, hazard_tags`);
const mirror = async () => rowsOf<PoolRow>(await t.database.db.execute(sql`select ${COLUMNS} from enterprise_draw_pool order by id`));
const live = async () =>
  rowsOf<PoolRow>(
    await t.database.db.execute(
      sql`select ${COLUMNS} from enterprises where deleted_at is null and operating_status = 'operating' order by id`,
    ),
  );

/** The one-off fill of migration 0063 (its own copy of the rebuild's INSERT). */
const migrationFill = () => {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations');
  const file = fs.readdirSync(dir).find((f) => f.endsWith('_enterprise_draw_pool.sql'))!;
  return statementsOf(fs.readFileSync(path.join(dir, file), 'utf8')).find((x) => x.includes('INSERT INTO enterprise_draw_pool'))!;
};

/** The table vs the live rows, vs its rebuild, vs the migration's fill; returns how many members it holds. */
async function expectExact(what: string): Promise<number> {
  const kept = await mirror();
  expect(kept, what).toEqual(await live());
  await t.database.db.execute(sql`select enterprise_draw_pool_rebuild()`);
  expect(await mirror(), `${what}: rebuild`).toEqual(kept);
  await t.database.db.execute(sql`truncate enterprise_draw_pool`);
  await t.database.db.execute(sql.raw(migrationFill()));
  expect(await mirror(), `${what}: migration fill`).toEqual(kept);
  return kept.length;
}

const versionOf = async (id: string) =>
  (await t.database.db.select({ v: enterprises.version }).from(enterprises).where(eq(enterprises.id, id)))[0]!.v;
const deletedIds = async () =>
  rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from enterprises where deleted_at is not null`)).map((r) => r.id);

async function create() {
  const areaCode = pick(places).code;
  const res = await officer.post('/api/enterprises', {
    name: `深圳市抽查池${++serial}号制品有限公司`,
    creditCode: randomCreditCode(),
    address: `测试路${serial}号`,
    areaCode,
    sector: pick(sectors),
    isKey: rand(5) === 0,
    hazardTags: someTags(),
    ...(rand(3) === 0 ? { parkId: parkOf(areaCode) } : {}),
    ...(rand(6) === 0 ? { operatingStatus: pick(['suspended', 'closed'] as const) } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  ids.push(res.json().id);
}

/** One edit through PATCH /api/enterprises/:id: a move, a sector, key flag, tags, park, status, or only the name. */
async function edit(id: string) {
  const [e] = await t.database.db.select({ areaCode: enterprises.areaCode }).from(enterprises).where(eq(enterprises.id, id));
  const moveTo = pick(places).code;
  const changes = [
    () => ({ areaCode: moveTo, parkId: rand(2) === 0 ? null : parkOf(moveTo) }),
    () => ({ sector: pick(sectors) }),
    () => ({ isKey: rand(2) === 0 }),
    () => ({ hazardTags: someTags() }),
    () => ({ parkId: rand(3) === 0 ? null : parkOf(e!.areaCode) }),
    () => ({ operatingStatus: pick(['operating', 'operating', 'suspended', 'closed'] as const) }),
    () => ({ name: `深圳市抽查池${++serial}号改名有限公司` }),
  ];
  // a second change now and then; a move carries its park, so the park change never comes after it
  const body = Object.assign({}, rand(3) === 0 ? pick(changes.slice(1))() : {}, pick(changes)());
  const res = await officer.patch(`/api/enterprises/${id}`, { version: await versionOf(id), ...body });
  expect(res.statusCode, res.body).toBe(200);
}

async function remove(id: string) {
  const res = await officer.del(`/api/enterprises/${id}`, { version: await versionOf(id), reason: '注销' });
  expect([200, 404], res.body).toContain(res.statusCode); // 404: already deleted
}

async function restore(id: string) {
  const res = await officer.post(`/api/enterprises/${id}/restore`, { version: await versionOf(id) });
  expect(res.statusCode, res.body).toBe(200);
}

/** A signal written where it lives; the source table's trigger mirrors it onto the enterprise, and on into the pool. */
async function signal(id: string) {
  const db = t.database.db;
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  const today = cstDate();
  switch (rand(8)) {
    case 0:
      await db.execute(sql`insert into hazards (number, enterprise_id, area_code, sector, source, description, category, grade, found_on, state)
        values (${`POOL-${++serial}`}, ${id}, ${e!.areaCode}, ${e!.sector}, 'government_inspection', '重大隐患', 'unsafe_condition', 'major',
                ${today}::date, 'rectifying')`);
      break;
    case 1:
      await db.execute(sql`update hazards set state = 'closed' where enterprise_id = ${id} and grade = 'major'`);
      break;
    case 2:
      await db.execute(sql`insert into accidents (occurred_at, area_code, address, enterprise_id, sector, category, type_scheme, type_code, level)
        values (now() - make_interval(days => ${rand(700)}::int), ${e!.areaCode}, '车间', ${id}, ${e!.sector}, 'industry_mining_commerce',
                'GB6441-2025', 'P09', 'ordinary')`);
      break;
    case 3:
      await db.execute(sql`delete from enterprise_risk_summary where enterprise_id = ${id}`);
      await db.execute(sql`insert into enterprise_risk_summary (enterprise_id, area_code, sector, level)
        values (${id}, ${e!.areaCode}, ${e!.sector}, ${pick(['major', 'significant', 'general', 'low'])})`);
      break;
    case 4:
      await db.execute(sql`delete from enterprise_risk_summary where enterprise_id = ${id}`);
      break;
    case 5: {
      const decided = addDays(today, -rand(500)); // inside the last year or not
      await db.execute(sql`insert into penalty_cases (number, enterprise_id, area_code, sector, procedure, party_kind, party_name, violation,
          basis_id, fine, status, filed_on, decided_on)
        values (${`POOL-${++serial}`}, ${id}, ${e!.areaCode}, ${e!.sector}, 'general', 'organisation', ${e!.name}, '未培训',
          'AQSCF2021-97', 10000, 'decided', ${decided}::date, ${decided}::date)`);
      break;
    }
    case 6: {
      if (e!.deletedAt) break; // the inspection API lists live enterprises only
      const insp = await officer.post('/api/inspections', { enterpriseId: id, kind: 'planned', plannedOn: today });
      expect(insp.statusCode, insp.body).toBe(201);
      const rec = await officer.post(`/api/inspections/${insp.json().id}/record`, { version: 1, summary: '抽查池检查' });
      expect(rec.statusCode, rec.body).toBe(200);
      break;
    }
    default:
      await creditDecision(id);
  }
}

/** A penalty decided over a year ago: no "recent penalty", but a credit deduction the credit consumer grades. */
async function creditDecision(id: string) {
  const db = t.database.db;
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  const [c] = await db
    .insert(penaltyCases)
    .values({
      number: `POOL-CREDIT-${++serial}`,
      enterpriseId: id,
      areaCode: e!.areaCode,
      sector: e!.sector,
      procedure: 'general',
      partyKind: 'organisation',
      partyName: e!.name,
      violation: '未培训',
      basisId: 'AQSCF2021-97',
      fine: '10000',
      status: 'decided',
      filedOn: '2025-01-02',
      decidedOn: '2025-02-03',
      origin: rand(2) === 0 ? 'direct' : 'reinspection',
    })
    .returning();
  const eventId = await appendEvent(db, 'case.decide', 'penalty_case', c!, null, { from: 'reviewed', to: 'decided' });
  const [event] = await db.select().from(domainEvents).where(eq(domainEvents.id, eventId));
  await db.transaction((tx) => handleCreditEvent(tx, event as never));
}

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db, '抽查池区');
  const s1 = await buildStreet(db, { district });
  const s2 = await buildStreet(db, { district });
  const c1 = await buildCommunity(db, { street: s1 });
  const c2 = await buildCommunity(db, { street: s1 });
  const c3 = await buildCommunity(db, { street: s2 });
  places.push(c1, c2, c3, s2);
  parks.set(s1.code, (await buildPark(db, { street: s1 })).id);
  parks.set(s2.code, (await buildPark(db, { street: s2 })).id);
  const u = await buildUser(db, { role: 'district_officer', org: await buildOrg(db, { area: district }) });
  officer = await loginAs(t.app, u.username, u.password);
}, 60_000);
afterAll(() => t?.close());

describe('enterprise_draw_pool', () => {
  it('equals the live, operating enterprises after random writes through the API and where signals live', async () => {
    for (let i = 0; i < 12; i++) await create();
    expect(await expectExact('created')).toBeGreaterThan(0);
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 25; i++) {
        const op = rand(20);
        if (op < 3) await create();
        else if (op < 10) {
          const gone = new Set(await deletedIds()); // a deleted record is restored before it is edited
          await edit(pick(ids.filter((id) => !gone.has(id))));
        } else if (op < 16) await signal(pick(ids));
        else if (op < 18) await remove(pick(ids));
        else {
          const gone = (await deletedIds()).filter((id) => ids.includes(id));
          if (gone.length > 0) await restore(pick(gone));
        }
      }
      await expectExact(`round ${round}`);
    }
    // every kind of write happened at least once
    const [n] = rowsOf<{ hz: number; acc: number; rs: number; pc: number; insp: number; cg: number; del: number; off: number }>(
      await t.database.db.execute(sql`select
        (select count(*) from hazards where number like 'POOL-%')::int as hz,
        (select count(*) from accidents a join enterprises e on e.id = a.enterprise_id and e.name like '%抽查池%')::int as acc,
        (select count(*) from enterprise_risk_summary r join enterprises e on e.id = r.enterprise_id and e.name like '%抽查池%')::int as rs,
        (select count(*) from penalty_cases where number like 'POOL-%')::int as pc,
        (select count(*) from enterprises where enforcement_inspected and name like '%抽查池%')::int as insp,
        (select count(*) from enterprises where credit_grade is not null and name like '%抽查池%')::int as cg,
        (select count(*) from enterprises where deleted_at is not null)::int as del,
        (select count(*) from enterprises where operating_status <> 'operating')::int as off`),
    );
    expect(
      Object.values(n!).every((x) => x > 0),
      JSON.stringify(n),
    ).toBe(true);
  });

  it('leaves a pool row untouched by an edit of no mirrored column, and drops removed enterprises', async () => {
    const db = t.database.db;
    const [row] = rowsOf<{ id: string }>(await db.execute(sql`select id from enterprise_draw_pool order by id limit 1`));
    const xmin = async () =>
      rowsOf<{ x: string }>(await db.execute(sql`select xmin::text as x from enterprise_draw_pool where id = ${row!.id}`))[0]?.x;
    const before = await xmin();
    const res = await officer.patch(`/api/enterprises/${row!.id}`, {
      version: await versionOf(row!.id),
      name: `深圳市抽查池${++serial}号只改名称有限公司`,
      employees: 42,
      principalName: '张三',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await xmin()).toBe(before);
    // an enterprise removed outright (no records hang on a factory-built one)
    const e = await buildEnterprise(db, { area: places[0]!, hazardTags: ['confined_space'] });
    expect((await mirror()).some((r) => r.id === e.id)).toBe(true);
    await db.delete(enterprises).where(eq(enterprises.id, e.id));
    expect((await mirror()).some((r) => r.id === e.id)).toBe(false);
    await expectExact('after a removal');
  });

  it('is rebuilt after a bulk seed that skips its trigger, and the trigger is on again afterwards', async () => {
    await seedEnterprises(t.database.db, { count: 120, seed: 17 });
    const n = await expectExact('after the seed');
    expect(n).toBeGreaterThan(100);
    await create();
    await edit(ids.at(-1)!);
    await expectExact('after the seed, one more');
  });

  it('follows the full signal refresh after source rows loaded with every trigger off', async () => {
    const db = t.database.db;
    const some = (await live()).slice(0, 6).map((r) => r.id);
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      for (const id of some) {
        await tx.execute(sql`insert into accidents (occurred_at, area_code, address, enterprise_id, sector, category, type_scheme, type_code, level)
          select now() - interval '3 days', area_code, '仓库', id, sector, 'industry_mining_commerce', 'GB6441-2025', 'P09', 'ordinary'
          from enterprises where id = ${id}`);
        await tx.execute(sql`update enterprises set risk_level = 'major' where id = ${id}`);
      }
    });
    // the enterprises changed behind the pool's back: the refresh rewrites them, with the triggers on
    await db.execute(sql`select enterprise_draw_signals_refresh_all()`);
    const rows = (await mirror()).filter((r) => some.includes(r.id));
    expect(rows.every((r) => r.last_accident_at !== null)).toBe(true);
    await expectExact('after the refresh');
  });
});
