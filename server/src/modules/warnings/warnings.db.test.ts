// 警兆知识库 through the API on a real database: the bureau writes a rule (draft), backtests it per month on the
// hidden dangers' own dates, activates it; the nightly evaluation then fires exactly the records the backtest showed
// for the current month, once per (rule, subject, month); a new version is backtested side by side with the active
// one and activating it retires the old; a hidden-danger event re-evaluates its enterprise, once. Warnings are read
// and worked in scope (another street, another industry, a park station: 404), stale versions answer 409 with
// `current`, refused steps change nothing, writes are audited, and an unattended warning escalates by the
// notifications rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { BacktestView, Role, WarningRuleView, WarningView } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { hazards } from '../../db/schema';
import { rowsOf } from '../../platform/db';
import { warningsClock } from './warnings.clock';
import { escalateWarnings, evaluateAllRules } from './warnings.job';
import { warningsConsumer } from './warnings.consumer';
import type { DomainEvent } from '../../platform/queue';
import type { areas } from '../../db/schema';

let t: TestApp;
const as: Record<string, Client> = {};
const users: Record<string, { id: string }> = {};
const TODAY = '2026-11-20';
let e1 = '';
let streetA: typeof areas.$inferSelect;
let hazardSeq = 0;

async function auditActions(entityId: string) {
  return rowsOf<{ action: string }>(
    await t.database.db.execute(sql`select action from audit_log where entity_id = ${entityId} order by id`),
  ).map((r) => r.action);
}
const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

async function hazard(
  e: { id: string; areaCode: string; sector: string; parkId: string | null },
  deadline: string,
  closedOn: string | null = null,
) {
  await t.database.db.insert(hazards).values({
    number: `YH-W-${++hazardSeq}`,
    enterpriseId: e.id,
    areaCode: e.areaCode,
    sector: e.sector,
    parkId: e.parkId,
    source: 'self_check',
    description: '消防通道堵塞',
    category: 'unsafe_condition',
    grade: 'general',
    foundOn: '2026-09-01',
    deadline,
    state: closedOn ? 'closed' : 'rectifying',
    closedOn,
  });
}

const rule = {
  name: '企业逾期隐患过多',
  condition: { kind: 'overdue_hazards', params: { minCount: 2 } },
  level: 'orange',
  recipients: ['street', 'district'],
  action: '街道约谈企业主要负责人，督促限期整改',
};

beforeAll(async () => {
  warningsClock.today = () => TODAY;
  t = await buildTestApp();
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  streetA = a;
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district, name: '乙街道' });
  const park = await buildPark(db, { street: a });
  const orgs = {
    bureau: await buildOrg(db, { area: district, name: '区应急管理局' }),
    streetA: await buildOrg(db, { area: a, kind: 'street_office' }),
    streetB: await buildOrg(db, { area: b, kind: 'street_office' }),
    chem: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['hazardous_chemicals'] }),
    park: await buildOrg(db, { area: a, kind: 'park_station', parkId: park.id }),
  };
  const login = async (key: string, role: Role, org: { id: string }) => {
    const u = await buildUser(db, { role, org: org as never, displayName: key });
    users[key] = u;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', orgs.bureau);
  await login('leader', 'district_leader', orgs.bureau);
  await login('streetA', 'street_officer', orgs.streetA);
  await login('streetB', 'street_officer', orgs.streetB);
  await login('chem', 'industry_officer', orgs.chem);
  await login('park', 'park_officer', orgs.park);
  const ent1 = await buildEnterprise(db, { street: a });
  const ent2 = await buildEnterprise(db, { street: b });
  e1 = ent1.id;
  // Enterprise 1: overdue at October's end (10-15, and 10-20 closed only on 11-05) and on November 20 (10-15, 11-10).
  await hazard(ent1, '2026-10-15');
  await hazard(ent1, '2026-10-20', '2026-11-05');
  await hazard(ent1, '2026-11-10');
  await hazard(ent1, '2026-11-25');
  // Enterprise 2: one overdue only.
  await hazard(ent2, '2026-10-15');
});
afterAll(() => t.close());

let ruleView: WarningRuleView;
let warning: WarningView;

describe('rules', () => {
  it('refuses an out-of-bounds parameter bilingually and stores nothing', async () => {
    const before = await count('warning_rules');
    const res = await as.district!.post('/api/warning-rules', { ...rule, condition: { kind: 'overdue_hazards', params: { minCount: 0 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'condition.params.minCount' });
    expect(res.json().error.details[0].message).toBeTruthy();
    expect(await count('warning_rules')).toBe(before);
    expect((await as.streetA!.post('/api/warning-rules', rule)).statusCode).toBe(403);
  });

  it('creates a draft and backtests it per month on history; the live evaluation then fires exactly that', async () => {
    const res = await as.district!.post('/api/warning-rules', rule);
    expect(res.statusCode).toBe(200);
    ruleView = res.json();
    const v1 = ruleView.versions[0]!;
    expect(v1).toMatchObject({ seq: 1, status: 'draft', abilities: ['activate', 'retire'] });
    const bt = (await as.district!.get(`/api/warning-rule-versions/${v1.id}/backtest?months=3`)).json() as BacktestView;
    expect(bt.series).toHaveLength(1);
    expect(bt.series[0]!.months.map((m) => [m.month, m.asOf, m.count])).toEqual([
      ['2026-09', '2026-09-30', 0],
      ['2026-10', '2026-10-31', 1],
      ['2026-11', TODAY, 1],
    ]);
    const current = bt.series[0]!.months[2]!.records;
    expect(current[0]).toMatchObject({ subjectType: 'enterprise', subjectId: e1, evidence: { count: 2 } });

    const act = await as.district!.post(`/api/warning-rule-versions/${v1.id}/act`, { action: 'activate', version: v1.version });
    expect(act.json()).toMatchObject({ status: 'active' });
    expect(await evaluateAllRules(t.database.db, TODAY)).toMatchObject({ fired: 1 });
    const list = (await as.district!.get(`/api/warnings?ruleId=${ruleView.id}`)).json();
    expect(list.items.map((w: WarningView) => [w.subjectType, w.subjectId])).toEqual(current.map((r) => [r.subjectType, r.subjectId]));
    warning = list.items[0];
    expect(warning).toMatchObject({ level: 'orange', status: 'open', period: '2026-11', ruleVersionSeq: 1 });
    expect(warning.evidence.items.map((i) => i.date)).toEqual(['2026-10-15', '2026-11-10']);
    // Once per rule, subject and month: evaluating again fires nothing.
    expect(await evaluateAllRules(t.database.db, '2026-11-23')).toMatchObject({ fired: 0 });
    // The street of the enterprise is told.
    const inbox = (await as.streetA!.get('/api/notifications')).json();
    expect(inbox.items.some((n: { entityId: string }) => n.entityId === warning.id)).toBe(true);
    expect(await auditActions(ruleView.id)).toEqual(['warningRule.create']);
    expect(await auditActions(v1.id)).toEqual(['warningRule.activate']);
  });

  it('a new version is backtested side by side with the active one; activating it retires the old', async () => {
    const stale = await as.district!.post(`/api/warning-rules/${ruleView.id}/versions`, {
      ...rule,
      name: undefined,
      version: ruleView.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: ruleView.id });
    const { name: _n, ...def } = rule;
    const res = await as.district!.post(`/api/warning-rules/${ruleView.id}/versions`, {
      ...def,
      condition: { kind: 'overdue_hazards', params: { minCount: 1 } },
      version: ruleView.version,
    });
    expect(res.statusCode).toBe(200);
    ruleView = res.json();
    const [v2, v1] = ruleView.versions;
    expect([v2!.seq, v2!.status, v1!.status]).toEqual([2, 'draft', 'active']);
    const bt = (await as.district!.get(`/api/warning-rule-versions/${v2!.id}/backtest?months=2`)).json() as BacktestView;
    expect(bt.series.map((s) => [s.seq, s.months.map((m) => m.count)])).toEqual([
      [2, [2, 2]],
      [1, [1, 1]],
    ]);
    await as.district!.post(`/api/warning-rule-versions/${v2!.id}/act`, { action: 'activate', version: v2!.version });
    const after = (await as.district!.get(`/api/warning-rules/${ruleView.id}`)).json() as WarningRuleView;
    expect(after.versions.map((v) => v.status)).toEqual(['active', 'retired']);
    expect(after.activeVersionId).toBe(v2!.id);
    // The new version fires on the second enterprise; the first was warned by this rule this month already.
    expect(await evaluateAllRules(t.database.db, TODAY)).toMatchObject({ hits: 2, fired: 1 });
  });
});

describe('events', () => {
  it('a hidden-danger event re-evaluates the active rules for its enterprise at once, and only once', async () => {
    const ent = await buildEnterprise(t.database.db, { street: streetA });
    await hazard(ent, '2026-11-01');
    const event = { id: 1, type: 'hazard.report', entityType: 'hazard', entityId: ent.id, enterpriseId: ent.id } as DomainEvent;
    await t.database.db.transaction((tx) => warningsConsumer.handle(tx, event));
    await t.database.db.transaction((tx) => warningsConsumer.handle(tx, event));
    const fired = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from warnings where subject_id = ${ent.id}`),
    )[0]!.n;
    expect(fired).toBe(1);
  });
});

describe('warnings', () => {
  it('out of scope is 404: another street, another industry, a park station', async () => {
    expect((await as.streetA!.get(`/api/warnings/${warning.id}`)).statusCode).toBe(200);
    for (const who of ['streetB', 'chem', 'park']) {
      expect((await as[who]!.get(`/api/warnings/${warning.id}`)).statusCode, who).toBe(404);
      expect((await as[who]!.post(`/api/warnings/${warning.id}/act`, { action: 'acknowledge', version: 1 })).statusCode).toBe(404);
      expect((await as[who]!.get('/api/warnings')).json().items.some((w: WarningView) => w.id === warning.id)).toBe(false);
    }
  });

  it('acknowledge → handle (note required) → close, 409 on a stale version, audited', async () => {
    const ack = await as.streetA!.post(`/api/warnings/${warning.id}/act`, { action: 'acknowledge', version: warning.version });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', abilities: ['handle'] });
    const stale = await as.streetA!.post(`/api/warnings/${warning.id}/act`, { action: 'handle', version: warning.version, note: '已约谈' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: 'acknowledged' });
    const noNote = await as.streetA!.post(`/api/warnings/${warning.id}/act`, { action: 'handle', version: ack.json().version });
    expect(noNote.statusCode).toBe(400);
    expect((await as.streetA!.get(`/api/warnings/${warning.id}`)).json().status).toBe('acknowledged');
    const handled = await as.streetA!.post(`/api/warnings/${warning.id}/act`, {
      action: 'handle',
      version: ack.json().version,
      note: '已约谈企业主要负责人，限期11月30日前整改',
    });
    expect(handled.json()).toMatchObject({ status: 'handled', handledNote: '已约谈企业主要负责人，限期11月30日前整改' });
    const closed = await as.district!.post(`/api/warnings/${warning.id}/act`, {
      action: 'close',
      version: handled.json().version,
      note: '复查隐患均已整改',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', abilities: [] });
    expect(await auditActions(warning.id)).toEqual(['warning.acknowledge', 'warning.handle', 'warning.close']);
  });

  it('an open warning escalates to the bureau two working days after it fired', async () => {
    const open = (await as.district!.get('/api/warnings?status=open')).json().items as WarningView[];
    expect(open.length).toBeGreaterThan(0);
    // Fired Friday 2026-11-20 (version 2's warning); two working days later is Tuesday.
    expect(await escalateWarnings(t.database.db, '2026-11-24')).toMatchObject({ notices: expect.any(Number) });
    const inbox = (await as.district!.get('/api/notifications')).json();
    expect(inbox.items.some((n: { kind: string; entityId: string }) => n.kind === 'escalated' && n.entityId === open[0]!.id)).toBe(true);
    expect((await as.district!.get(`/api/warnings/${open[0]!.id}`)).json().escalatedOn).toBe('2026-11-24');
  });
});
