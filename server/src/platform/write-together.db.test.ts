// Several writes as one statement: every row is written, with its own parameters; a failure in any of them writes
// none; and a guard whose row changed since it was read writes none and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, domainEvents, stateTransitions } from '../db/schema';
import { openTestDatabase } from '../../test/db';
import { rowsOf, type Database } from './db';
import { auditInsert } from './audit';
import { eventInsert } from './outbox';
import { transitionInsert } from './state-history';
import { preparedWrite, StaleWrite, writeTogether } from './write-together';
import { renderNamed, statementName } from './prepared';
import { testAction, testEntity } from '../../test/audit-codes';

let d: Database;
beforeAll(async () => {
  d = await openTestDatabase();
});
afterAll(() => d.close());

const record = (id: string) => ({ id, areaCode: '440307', enterpriseId: null, sector: 'machinery', parkId: null });

describe('writeTogether', () => {
  it('writes every insert, each with its own parameters', async () => {
    const id = crypto.randomUUID();
    await writeTogether(d.db, [
      transitionInsert(d.db, { record: 'probe' }, null, { recordId: id, action: 'go', from: 'a', to: 'b' }),
      eventInsert(d.db, 'probe.go', 'probe', record(id), null, { n: 1 }),
      auditInsert({ actor: null, ip: '10.0.0.1' }, [
        { action: testAction('probe.go'), entityType: testEntity('probe'), entityId: id, after: { n: 1 } },
      ]),
    ]);
    expect(await d.db.select().from(stateTransitions).where(eq(stateTransitions.recordId, id))).toMatchObject([
      { recordType: 'probe', action: 'go', fromState: 'a', toState: 'b' },
    ]);
    expect(await d.db.select().from(domainEvents).where(eq(domainEvents.entityId, id))).toMatchObject([
      { type: 'probe.go', areaCode: '440307', sector: 'machinery', payload: { n: 1 } },
    ]);
    expect(await d.db.select().from(auditLog).where(eq(auditLog.entityId, id))).toMatchObject([
      { action: 'probe.go', ip: '10.0.0.1', after: { n: 1 } },
    ]);
  });

  it('writes a single insert as it is', async () => {
    const id = crypto.randomUUID();
    await writeTogether(d.db, [eventInsert(d.db, 'probe.one', 'probe', record(id), null)]);
    expect(await d.db.select().from(domainEvents).where(eq(domainEvents.entityId, id))).toHaveLength(1);
  });

  it('writes none when one of them fails', async () => {
    const id = crypto.randomUUID();
    const failing = sql`insert into domain_events (type, entity_type, entity_id, area_code, payload) values ('x', 'probe', ${id}, null, '{}')`;
    await expect(
      writeTogether(d.db, [transitionInsert(d.db, { record: 'probe' }, null, { recordId: id, action: 'go', from: 'a', to: 'b' }), failing]),
    ).rejects.toThrow();
    expect(await d.db.select().from(stateTransitions).where(eq(stateTransitions.recordId, id))).toEqual([]);
  });

  it('writes nothing behind a guard whose row changed since it was read, and throws StaleWrite', async () => {
    await d.db.execute(sql`create table if not exists probe_rows (id int primary key, version int not null)`);
    await d.db.execute(sql`insert into probe_rows values (1, 1)`);
    const guard = (version: number) => sql`update probe_rows set version = version + 1 where id = 1 and version = ${version} returning id`;
    const event = (id: string) => eventInsert(d.db, 'probe.guarded', 'probe', record(id), null);
    const [fresh, stale] = [crypto.randomUUID(), crypto.randomUUID()];
    await writeTogether(d.db, [event(fresh)], { guard: guard(1) });
    await expect(writeTogether(d.db, [event(stale)], { guard: guard(1) })).rejects.toBeInstanceOf(StaleWrite);
    expect(await d.db.select().from(domainEvents).where(eq(domainEvents.entityId, fresh))).toHaveLength(1);
    expect(await d.db.select().from(domainEvents).where(eq(domainEvents.entityId, stale))).toEqual([]);
    expect(rowsOf<{ version: number }>(await d.db.execute(sql`select version from probe_rows where id = 1`))).toEqual([{ version: 2 }]);
  });

  it('renders a prepared write once, binds the values of each call (JSON and dates encoded) and still guards it', async () => {
    await d.db.execute(sql`create table if not exists probe_named (id int primary key, version int not null, at timestamptz)`);
    await d.db.execute(sql`insert into probe_named values (1, 1, null)`);
    let built = 0;
    const write = preparedWrite((db) => {
      built++;
      const id = sql.placeholder('id') as unknown as string;
      return {
        guard: sql`update probe_named set version = version + 1, at = ${sql.placeholder('at')} where id = 1 and version = ${sql.placeholder('version')} returning id`,
        writes: [
          eventInsert(db, 'probe.named', 'probe', record(id), null, sql.placeholder('payload') as unknown as Record<string, unknown>),
        ],
      };
    });
    const [first, second, stale] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await write(d.db, { id: first, version: 1, at: '2026-12-05T08:00:00Z', payload: { n: 1 } });
    await write(d.db, { id: second, version: 2, at: '2026-12-05T09:00:00Z', payload: { n: 2 } });
    await expect(write(d.db, { id: stale, version: 2, at: '2026-12-05T10:00:00Z', payload: { n: 3 } })).rejects.toBeInstanceOf(StaleWrite);
    expect(built).toBe(1);
    const written = await d.db.select().from(domainEvents).where(eq(domainEvents.type, 'probe.named'));
    expect(written.map((e) => [e.entityId, e.payload]).sort()).toEqual(
      [
        [first, { n: 1 }],
        [second, { n: 2 }],
      ].sort(),
    );
    const [row] = rowsOf<{ version: number; at: string | Date }>(await d.db.execute(sql`select version, at from probe_named`));
    expect(row!.version).toBe(3);
    expect(new Date(row!.at).toISOString()).toBe('2026-12-05T09:00:00.000Z');
  });
});

describe('renderNamed', () => {
  it('names a statement by its text, and the server keeps it on the connection (PostgreSQL)', async () => {
    const plus = renderNamed(sql`select ${sql.placeholder('n')}::int + 1 as n`);
    expect(statementName('select $1::int + 1 as n')).toMatch(/^aj_[0-9a-f]{32}$/);
    expect(statementName('select 1')).not.toEqual(statementName('select 2'));
    await d.db.transaction(async (tx) => {
      expect(rowsOf(await plus.run(tx, { n: 7 }))).toEqual([{ n: 8 }]);
      expect(rowsOf(await plus.run(tx, { n: 41 }))).toEqual([{ n: 42 }]);
      const kept = rowsOf<{ name: string }>(await tx.execute(sql`select name from pg_prepared_statements`)).map((r) => r.name);
      // PGlite has no named statements: the text runs as usual there.
      if (d.engine === 'postgres') expect(kept.filter((n) => n === statementName('select $1::int + 1 as n'))).toHaveLength(1);
      else expect(kept).toEqual([]);
    });
  });
});
