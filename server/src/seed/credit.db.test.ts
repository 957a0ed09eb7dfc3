// The demo's 信用: after the demo seed, the decided cases and registered accidents of the demo district show as
// credit entries with grades (the consumer run over the demo's events, each marked processed), and one 严重失信
// listing is in its objection period — visible to the demo district officer with its next steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db';
import { buildTestApp, loginAs, type TestApp } from '../../test/app';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { fastArgon2 } from './factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db, fastArgon2, { enterprises: 40 });
});
afterAll(() => t.close());

describe('demo credit', () => {
  it('has credit entries from the demo events, marked processed, and one listing in progress', async () => {
    const db = t.database.db;
    const [c] = rowsOf<{ entries: number; kinds: number; summaries: number; unmarked: number }>(
      await db.execute(sql`select
        (select count(*)::int from credit_entries) as entries,
        (select count(distinct kind)::int from credit_entries) as kinds,
        (select count(*)::int from credit_summaries) as summaries,
        (select count(*)::int from domain_events e where not exists
          (select 1 from event_consumer_marks m where m.consumer = 'credit' and m.event_id = e.id)) as unmarked`),
    );
    expect(c!.entries).toBeGreaterThan(0);
    expect(c!.kinds).toBeGreaterThan(1);
    expect(c!.summaries).toBeGreaterThan(0);
    expect(c!.unmarked).toBe(0);
    const officer = await loginAs(t.app, 'officer', DEMO_PASSWORD);
    const list = (await officer.get('/api/credit/listings')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'noticed' });
    expect(list.items[0].abilities).toEqual(expect.arrayContaining(['receive_objection', 'drop']));
    const grades = (await officer.get('/api/credit/enterprises')).json();
    expect(grades.total).toBeGreaterThan(0);
  });
});
