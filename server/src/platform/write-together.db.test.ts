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
import { StaleWrite, writeTogether } from './write-together';

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
      auditInsert({ actor: null, ip: '10.0.0.1' }, [{ action: 'probe.go', entityType: 'probe', entityId: id, after: { n: 1 } }]),
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
});
