// insertRowsSql writes the rows drizzle's insert would write: the same values read back for every kind of column it
// meets (uuid, text, nullable, jsonb with nesting and Chinese text, an explicit timestamp, a default left to the
// database, arrays), with its ON CONFLICT / RETURNING tail; a row leaving a column out gets its default value; and it
// refuses rows that disagree on a column whose default is SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { date, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { domainEvents } from '../db/schema';
import { openTestDatabase } from '../../test/db';
import { rowsOf, type Database } from './db';
import { insertRowsSql } from './bulk-insert';

/** Columns of the kinds domain_events lacks: arrays, a value default, a date, an integer. */
const probe = pgTable('bulk_insert_probe', {
  id: integer('id').primaryKey(),
  tags: text('tags').array(),
  refs: uuid('refs').array(),
  status: text('status').notNull().default('new'),
  n: integer('n'),
  day: date('day', { mode: 'string' }).notNull(),
  data: jsonb('data'),
});

let d: Database;
beforeAll(async () => {
  d = await openTestDatabase();
  await d.db.execute(sql`
    create table bulk_insert_probe (id integer primary key, tags text[], refs uuid[], status text not null default 'new',
                                    n integer, day date not null, data jsonb)`);
});
afterAll(() => d.close());

const row = (entityId: string, i: number) => ({
  type: 'probe.bulk',
  entityType: 'probe',
  entityId,
  enterpriseId: i % 2 ? crypto.randomUUID() : null,
  areaCode: '440307',
  sector: i % 3 ? 'machinery' : null,
  parkId: null,
  actorId: null,
  payload: { n: i, name: `企业"${i}"\n`, tags: ['甲', 'b'], nested: { ok: i % 2 === 0, at: null } },
  occurredAt: new Date(Date.UTC(2026, 11, 6, 1, 2, 3, i)),
});

const readBack = async (ids: string[]) =>
  (await d.db.select().from(domainEvents).where(inArray(domainEvents.entityId, ids))).map(({ id: _id, entityId: _e, ...r }) => r);

describe('insertRowsSql', () => {
  it('reads back what drizzle’s insert of the same rows reads back', async () => {
    const viaDrizzle = Array.from({ length: 5 }, (_, i) => row(crypto.randomUUID(), i));
    const viaJson = viaDrizzle.map((r) => ({ ...r, entityId: crypto.randomUUID() }));
    await d.db.insert(domainEvents).values(viaDrizzle);
    await d.db.execute(insertRowsSql(domainEvents, viaJson));
    const a = await readBack(viaDrizzle.map((r) => r.entityId));
    const b = await readBack(viaJson.map((r) => r.entityId));
    expect(b).toHaveLength(5);
    expect(b).toEqual(a);
    expect(b[1]!.payload).toEqual(row('x', 1).payload);
    expect(b[0]!.occurredAt.toISOString()).toBe('2026-12-06T01:02:03.000Z');
  });

  it('leaves an omitted column to its default and runs the tail', async () => {
    const entityId = crypto.randomUUID();
    const { occurredAt: _o, ...rest } = row(entityId, 0);
    const returned = rowsOf<{ entity_id: string; occurred_at: unknown }>(
      await d.db.execute(insertRowsSql(domainEvents, [rest], sql`returning entity_id, occurred_at`)),
    );
    expect(returned).toHaveLength(1);
    expect(returned[0]!.entity_id).toBe(entityId);
    const [stored] = await d.db.select().from(domainEvents).where(eq(domainEvents.entityId, entityId));
    expect(Math.abs(stored!.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('gives a row that leaves a column out the column’s default value, as drizzle does, and NULL where there is none', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const rows = [
      { id: 1, tags: ['甲', 'b,"c"', '', 'NULL', 'a\\b', '{x}'], refs: ids, status: 'open', n: 7, day: '2026-02-28', data: { k: [1] } },
      { id: 2, tags: [], refs: null, n: null, day: '2026-12-06' },
    ];
    await d.db.execute(insertRowsSql(probe, rows));
    await d.db.insert(probe).values(rows.map((r) => ({ ...r, id: r.id + 10 })));
    const read = await d.db.select().from(probe).orderBy(probe.id);
    const strip = (rs: typeof read) => rs.map(({ id: _id, ...r }) => r);
    expect(strip(read.slice(0, 2))).toEqual(strip(read.slice(2)));
    expect(read[0]).toEqual({
      id: 1,
      tags: ['甲', 'b,"c"', '', 'NULL', 'a\\b', '{x}'],
      refs: ids,
      status: 'open',
      n: 7,
      day: '2026-02-28',
      data: { k: [1] },
    });
    expect(read[1]).toEqual({ id: 2, tags: [], refs: null, status: 'new', n: null, day: '2026-12-06', data: null });
  });

  it('refuses rows of which some set a column with an SQL default and some leave it out, writing nothing', async () => {
    const a = row(crypto.randomUUID(), 0);
    const { occurredAt: _o, ...b } = row(crypto.randomUUID(), 1);
    expect(() => insertRowsSql(domainEvents, [a, b])).toThrow(/occurred_at/);
    expect(await readBack([a.entityId, b.entityId])).toEqual([]);
  });
});
