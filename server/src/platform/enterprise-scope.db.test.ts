// An enterprise that moves street takes its rows with it: on the demo district, 宏达五金 is moved to another street
// and the people, emergency and training consumers each receive the enterprise.update event. Every row of the
// enterprise in their tables then carries the new area (the new street reads them, the old one no longer does), and a
// second delivery changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app';
import { seedDemo } from '../seed/demo';
import { fastArgon2 } from '../seed/factories';
import { rowsOf } from './db';
import { appendEvent } from './outbox';
import { consumeEvent } from './queue';
import { followEnterpriseScope, isEnterpriseMove } from './enterprise-scope';
import { peopleConsumer } from '../modules/people/people.consumer';
import { emergencyConsumer } from '../modules/emergency/emergency.consumer';
import { trainingConsumer } from '../modules/training/training.consumer';
import { domainEvents } from '../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db, fastArgon2, { enterprises: 20 });
}, 300_000);
afterAll(() => t?.close());

const TABLES = [
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

describe('an enterprise that moves street', () => {
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
    for (const table of TABLES) expect((await rowsOfEnt(table)).length, `${table} has demo rows`).toBeGreaterThan(0);

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
    for (const table of TABLES) {
      const areas = new Set((await rowsOfEnt(table)).map((r) => r.area_code));
      expect([...areas], table).toEqual([target!.area_code]);
    }
    // A repeated delivery finds nothing left to move; an update that changed something else is not a move.
    const [e] = await db
      .select()
      .from(domainEvents)
      .where(sql`${domainEvents.id} = ${event}`);
    const { peopleSummaries, emergencyPlans, trainingSessions } = await import('../db/schema');
    await db.transaction(async (tx) => {
      expect(await followEnterpriseScope(tx, e!, [peopleSummaries, emergencyPlans, trainingSessions])).toBe(0);
    });
    expect(isEnterpriseMove({ ...e!, payload: { changed: ['name', 'phone'] } })).toBe(false);
    expect(isEnterpriseMove(e!)).toBe(true);
  });
});
