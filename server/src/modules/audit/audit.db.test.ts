import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildOrg, buildUser } from '../../seed/factories';
import { recordAudit } from '../../platform/audit';
import { chainAuditLog, ENTRY_COLUMNS, verifyAuditChain } from '../../platform/audit-chain';
import { rowsOf } from '../../platform/db';
import { testAction } from '../../../test/audit-codes';

let t: TestApp;
let admin: Client;
let auditor: Client;
let org: Awaited<ReturnType<typeof buildOrg>>;
beforeAll(async () => {
  t = await buildTestApp();
  org = await buildOrg(t.database.db);
  const a = await buildUser(t.database.db, { role: 'sys_admin', org });
  const b = await buildUser(t.database.db, { role: 'audit_admin', org });
  admin = await loginAs(t.app, a.username, a.password);
  auditor = await loginAs(t.app, b.username, b.password);
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records a write with who, action, before/after, IP and result, never the password hash', async () => {
    const res = await admin.post('/api/users', {
      username: 'audited_user',
      displayName: '被审计',
      password: 'Qm7vxr2kt!',
      role: 'district_officer',
      orgId: org.id,
    });
    expect(res.statusCode).toBe(201);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.create'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ entityType: 'user', entityId: res.json().id, result: 'ok', ip: '127.0.0.1' });
    expect(entry!.actorName).toBeTruthy();
    expect(JSON.stringify(entry!.after)).toContain('audited_user');
    expect(JSON.stringify(entry!.after)).not.toContain('argon2');
  });

  it('records failed logins and denied accesses', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'nope-Nope1' } });
    await auditor.get('/api/users');
    const rows = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(5);
    expect(rows.some((r) => r.action === 'auth.login' && r.result === 'failed' && r.entityId === 'ghost')).toBe(true);
    expect(rows.some((r) => r.action === 'access.denied' && r.result === 'denied' && r.entityId === 'GET /api/users')).toBe(true);
  });

  it('lets the audit admin search by action and verify the chain', async () => {
    const res = await auditor.get('/api/audit?action=user.create');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((i: { action: string }) => i.action === 'user.create')).toBe(true);
    expect(res.json().items[0].at).toMatch(/\+08:00$/);
    const v = await auditor.post('/api/audit/verify');
    expect(v.json()).toMatchObject({ ok: true, firstBrokenId: null });
    expect(v.json().checked).toBeGreaterThan(3);
  });

  it('filters by one action code exactly, or by every code under a prefix ending in a dot', async () => {
    for (const action of ['hazard.report', 'hazard.report_progress', 'hazard.list', 'report.accept'] as const) {
      await recordAudit(t.database.db, { actor: null, ip: null }, { action, entityType: 'hazard', entityId: 'filter-probe' });
    }
    const actions = async (filter: string) =>
      (await auditor.get(`/api/audit?entityId=filter-probe&action=${encodeURIComponent(filter)}`))
        .json()
        .items.map((i: { action: string }) => i.action)
        .sort();
    expect(await actions('hazard.report')).toEqual(['hazard.report']);
    expect(await actions('hazard.')).toEqual(['hazard.list', 'hazard.report', 'hazard.report_progress']);
    expect(await actions('hazard')).toEqual([]);
    expect(await actions('hazard.report_')).toEqual([]);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(t.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('links an entry once, in audit_chain: the entry itself is never updated and the links are append-only', async () => {
    const db = t.database.db;
    await recordAudit(db, { actor: null, ip: null }, { action: testAction('test.fill'), after: { n: 1 } });
    const [fresh] = await db.select().from(auditLog).where(eq(auditLog.action, 'test.fill'));
    const linkOf = async (id: number) =>
      rowsOf<{ hash: string }>(await db.execute(sql`select hash from audit_chain where audit_id = ${id}`));
    // The database's own message, not a syntax error of the test's statement.
    const refusal = (q: ReturnType<typeof sql>) =>
      db.execute(q).then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => (e.cause ?? e).message,
      );
    expect(await linkOf(fresh!.id)).toEqual([]);
    expect(await chainAuditLog(db)).toBeGreaterThanOrEqual(1);
    const [link] = await linkOf(fresh!.id);
    expect(link!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await chainAuditLog(db)).toBe(0);
    expect(await linkOf(fresh!.id)).toHaveLength(1);
    expect(await refusal(sql`update audit_log set action = 'x' where id = ${fresh!.id}`)).toBe('audit_log is append-only');
    expect(await refusal(sql`update audit_chain set hash = 'h' where audit_id = ${fresh!.id}`)).toBe('audit_chain is append-only');
    expect(await refusal(sql`delete from audit_chain where audit_id = ${fresh!.id}`)).toBe('audit_chain is append-only');
    expect(await refusal(sql`truncate audit_chain`)).toBe('audit_chain is append-only');
  });

  it('links an entry that commits after a later id behind it, and the chain verifies', async () => {
    const db = t.database.db;
    // A long transaction takes its id first and commits last: reserve an id, let another entry commit and be linked,
    // then the late entry arrives with the lower id.
    const [{ id: lateId }] = rowsOf<{ id: string }>(await db.execute(sql`select nextval('audit_log_id_seq') as id`)) as [{ id: string }];
    await recordAudit(db, { actor: null, ip: null }, { action: testAction('test.early'), after: {} });
    await chainAuditLog(db);
    await db.execute(sql`insert into audit_log (id, at, action, result) values (${lateId}, now(), 'test.late', 'ok')`);
    expect(await chainAuditLog(db)).toBe(1);
    const order = await db
      .select({ action: auditLog.action, id: auditLog.id })
      .from(auditLog)
      .where(sql`action in ('test.early', 'test.late')`)
      .innerJoin(sql`audit_chain c`, sql`c.audit_id = ${auditLog.id}`)
      .orderBy(sql`c.seq`);
    expect(order.map((r) => r.action)).toEqual(['test.early', 'test.late']);
    expect(order[1]!.id).toBeLessThan(order[0]!.id);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, brokenCount: 0 });
  });

  it("reads `at` as the text the driver's Date would print, so links made from either hash alike", async () => {
    const db = t.database.db;
    // Microseconds that truncate and that sit next to a millisecond, another offset, a leap day, and random ones.
    await db.execute(sql`
      insert into audit_log (at, action, result)
      select at, 'test.at', 'ok'
        from unnest(array['2026-12-06 09:00:00.123999+00', '2026-12-06 09:00:00.571+00', '2026-12-06 23:59:59.999999+08',
                          '2024-02-29 16:00:00+00', '1999-12-31 23:59:59.000001+00']::timestamptz[]) as at
      union all
      select timestamptz '2026-01-01 00:00:00+00' + (random() * 1e9)::bigint * interval '1 microsecond', 'test.at', 'ok'
        from generate_series(1, 300)`);
    const rows = rowsOf<{ at: string; parsed: Date | string }>(
      await db.execute(sql`select ${ENTRY_COLUMNS}, a.at as parsed from audit_log a where a.action = 'test.at'`),
    );
    expect(rows).toHaveLength(305);
    for (const r of rows) expect(r.at).toBe(new Date(r.parsed).toISOString());
  });

  it('drops a gap after a day, and verification still links an entry that committed after its gap was dropped', async () => {
    const db = t.database.db;
    const reserve = async () =>
      (rowsOf<{ id: string }>(await db.execute(sql`select nextval('audit_log_id_seq') as id`))[0] as { id: string }).id;
    const [dead, lost] = [await reserve(), await reserve()];
    await recordAudit(db, { actor: null, ip: null }, { action: testAction('test.after-gap'), after: {} });
    await chainAuditLog(db);
    const gapsOver = async (id: string) =>
      rowsOf(await db.execute(sql`select 1 from audit_chain_gaps where ${id}::bigint between from_id and to_id`)).length;
    expect(await gapsOver(dead)).toBe(1);
    expect(await gapsOver(lost)).toBe(1);
    // A day on: the ids are no longer looked for on every pass (`dead` was rolled back and never comes).
    await db.execute(
      sql`update audit_chain_gaps set seen_at = now() - interval '25 hours' where ${dead}::bigint between from_id and to_id`,
    );
    await chainAuditLog(db);
    expect(await gapsOver(dead)).toBe(0);
    expect(await gapsOver(lost)).toBe(0);
    // `lost` commits only now: the pass does not look for it, verification does.
    await db.execute(sql`insert into audit_log (id, at, action, result) values (${lost}, now(), 'test.lost', 'ok')`);
    expect(await chainAuditLog(db)).toBe(0);
    const v = await verifyAuditChain(db);
    expect(v).toMatchObject({ ok: true, brokenCount: 0 });
    const linked = rowsOf(await db.execute(sql`select 1 from audit_chain where audit_id = ${lost}::bigint`));
    expect(linked).toHaveLength(1);
  });

  it('detects tampering by someone who bypasses the trigger', async () => {
    const db = t.database.db;
    await db.transaction((tx) => recordAudit(tx, { actor: null, ip: null }, { action: testAction('test.mark'), after: { n: 1 } }));
    // Tampering is detectable once the entry is linked, within a second of its commit on a running instance.
    await chainAuditLog(db);
    const [mark] = await db.select().from(auditLog).where(eq(auditLog.action, 'test.mark'));
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set after = '{"n":2}'::jsonb where id = ${mark!.id}`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const r = await verifyAuditChain(db);
    expect(r).toMatchObject({ ok: false, firstBrokenId: mark!.id });
  });

  it('detects an entry removed by someone who bypasses the trigger', async () => {
    const db = t.database.db;
    await recordAudit(db, { actor: null, ip: null }, { action: testAction('test.removed'), after: {} });
    await chainAuditLog(db);
    const [gone] = await db.select().from(auditLog).where(eq(auditLog.action, 'test.removed'));
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`delete from audit_log where id = ${gone!.id}`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenIds: expect.arrayContaining([gone!.id]) as unknown });
  });

  it('keeps the chain intact under concurrent writers', async () => {
    const fresh = await buildTestApp();
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fresh.database.db.transaction((tx) =>
            recordAudit(tx, { actor: null, ip: null }, { action: testAction('test.concurrent'), after: { i } }),
          ),
        ),
      );
      expect(await verifyAuditChain(fresh.database.db, 7)).toEqual({
        ok: true,
        checked: 20,
        firstBrokenId: null,
        brokenCount: 0,
        brokenIds: [],
      });
    } finally {
      await fresh.close();
    }
  });
});
