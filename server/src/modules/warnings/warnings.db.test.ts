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
import { accidents, accidentStatistics, certificates, hazards, indicatorBase, indicatorTargets, people } from '../../db/schema';
import { certificateSchedule } from '../people/people.rules';
import { runCondition } from './warnings.conditions';
import { areaPrefixOf } from '../../platform/scope';
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
let streetB: typeof areas.$inferSelect;
let districtArea: typeof areas.$inferSelect;
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
  streetB = b;
  districtArea = district;
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
    expect(current[0]).toMatchObject({
      subjectType: 'enterprise',
      subjectId: e1,
      evidence: { count: 2, summaryEn: '2 hidden danger(s) past their rectification deadline' },
    });

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

// ── The two conditions over other modules' records: 三项岗位 certificates (people's tables) and deaths pacing
// (accidents + the indicators module's targets). Each: boundaries through runCondition, then backtest = live.

type Ent = { id: string; areaCode: string; sector: string; parkId: string | null };
let personSeq = 0;
async function holder(
  e: Ent,
  post: 'principal' | 'safety_manager' | 'special_operator',
  cert: {
    kind: 'safety_qualification' | 'special_operation';
    issuedOn: string;
    expiresOn?: string;
    reviewedOn?: string;
    revokedOn?: string;
  },
  employedTo: string | null = null,
) {
  const n = ++personSeq;
  const db = t.database.db;
  const [p] = await db
    .insert(people)
    .values({
      enterpriseId: e.id,
      areaCode: e.areaCode,
      sector: e.sector,
      parkId: e.parkId,
      name: `持证人${n}`,
      idNumberSealed: 'sealed',
      idNumberKeyId: 'k',
      idNumberMasked: '******',
      idNumberHash: `hash-${n}`,
      post,
      employedFrom: '2015-01-01',
      employedTo,
    })
    .returning();
  const s = certificateSchedule({ ...cert, expiresOn: cert.expiresOn ?? null });
  await db.insert(certificates).values({
    personId: p!.id,
    enterpriseId: e.id,
    areaCode: e.areaCode,
    sector: e.sector,
    parkId: e.parkId,
    kind: cert.kind,
    number: `ZS-${n}`,
    issuer: '市应急管理局',
    issuedOn: cert.issuedOn,
    expiresOn: s.expiresOn,
    reviewedOn: cert.reviewedOn ?? null,
    nextReviewOn: s.nextReviewOn,
    dueOn: s.dueOn,
    revokedOn: cert.revokedOn ?? null,
  });
}

const subjects = (hits: { subjectId: string }[]) => hits.map((h) => h.subjectId).sort();

describe('三项岗位 certificates expiring or expired (people tables, as of each day)', () => {
  const ents: Record<'x' | 'y' | 'z', Ent> = {} as never;
  const cond = (minCount: number, days: number) => ({ kind: 'certificates_expiring' as const, params: { minCount, days } });

  beforeAll(async () => {
    const db = t.database.db;
    for (const k of ['x', 'y', 'z'] as const) ents[k] = await buildEnterprise(db, { street: streetA });
    // X: two falling due on 11-30 and 12-20 (= TODAY + 30, the window's last day).
    await holder(ents.x, 'principal', { kind: 'safety_qualification', issuedOn: '2023-11-30', expiresOn: '2026-11-30' });
    await holder(ents.x, 'safety_manager', { kind: 'safety_qualification', issuedOn: '2023-12-20', expiresOn: '2026-12-20' });
    // Y: a special operator whose certificate (reviewed in its window, extended to expiry) lapsed on 2026-06-01, and a
    // principal whose certificate falling due on 11-25 was revoked on 11-01.
    await holder(ents.y, 'special_operator', { kind: 'special_operation', issuedOn: '2020-06-01', reviewedOn: '2023-05-01' });
    await holder(ents.y, 'principal', {
      kind: 'safety_qualification',
      issuedOn: '2023-11-25',
      expiresOn: '2026-11-25',
      revokedOn: '2026-11-01',
    });
    // Z: a review due 2026-10-25 done on 10-20 (not due any more after it), and an operator lapsed 10-15 who left 10-31.
    await holder(ents.z, 'special_operator', { kind: 'special_operation', issuedOn: '2023-10-25', reviewedOn: '2026-10-20' });
    await holder(ents.z, 'special_operator', { kind: 'special_operation', issuedOn: '2020-10-15', reviewedOn: '2023-10-01' }, '2026-10-31');
  });

  it('N holders falling due within D days — the D-th day counts, the next does not; any lapsed holder fires alone', async () => {
    const prefix = areaPrefixOf(districtArea.code);
    const on = (c: ReturnType<typeof cond>, day: string) => runCondition(t.database.db, c, day, prefix);
    const x = await on(cond(2, 30), TODAY);
    expect(subjects(x)).toEqual([ents.x.id, ents.y.id].sort());
    const hx = x.find((h) => h.subjectId === ents.x.id)!;
    expect(hx.evidence).toMatchObject({
      count: 2,
      summary: '30天内证书到期2人，已过期0人',
      summaryEn: '2 certificate holder(s) expiring within 30 days, 0 expired',
    });
    expect(hx.evidence.items.map((i) => i.date)).toEqual(['2026-11-30', '2026-12-20']);
    // 29 days: 12-20 falls outside, one holder is not two.
    expect(subjects(await on(cond(2, 29), TODAY))).toEqual([ents.y.id]);
    // Y's revoked certificate is not counted; its lapsed operator is, whatever N.
    const y = x.find((h) => h.subjectId === ents.y.id)!;
    expect(y.evidence).toMatchObject({ count: 1, summary: '30天内证书到期0人，已过期1人' });
    expect(y.evidence.items[0]).toMatchObject({
      date: '2026-06-01',
      label: expect.stringContaining('已过期'),
      labelEn: expect.stringMatching(/ \(Special-operations worker, expired\)$/),
    });
    expect(subjects(await on(cond(100, 1), TODAY))).toEqual([ents.y.id]);
  });

  it('history on the records own dates: a later review, a revocation and a departure count from their day', async () => {
    const prefix = areaPrefixOf(districtArea.code);
    // 09-30: Z's review (due 10-25) not done yet and its operator's 10-15 expiry — two within 30 days.
    expect(subjects(await runCondition(t.database.db, cond(2, 30), '2026-09-30', prefix))).toEqual([ents.y.id, ents.z.id].sort());
    // 10-31: Z's operator is still employed and lapsed; Y's principal (due 11-25, revoked only on 11-01) is due too.
    const oct = await runCondition(t.database.db, cond(2, 30), '2026-10-31', prefix);
    expect(subjects(oct)).toEqual([ents.y.id, ents.z.id].sort());
    expect(oct.find((h) => h.subjectId === ents.y.id)!.evidence.count).toBe(2);
  });

  it('the backtest per month equals what the activated rule then fires', async () => {
    const res = await as.district!.post('/api/warning-rules', {
      name: '三项岗位证书即将到期或已过期',
      condition: cond(2, 30),
      level: 'yellow',
      recipients: ['enterprise', 'street'],
      action: '督促企业组织复审、换证，过期人员暂停上岗',
    });
    expect(res.statusCode).toBe(200);
    const r = res.json() as WarningRuleView;
    const v = r.versions[0]!;
    const bt = (await as.district!.get(`/api/warning-rule-versions/${v.id}/backtest?months=3`)).json() as BacktestView;
    const months = bt.series[0]!.months;
    expect(months.map((m) => [m.month, subjects(m.records)])).toEqual([
      ['2026-09', [ents.y.id, ents.z.id].sort()],
      ['2026-10', [ents.y.id, ents.z.id].sort()],
      ['2026-11', [ents.x.id, ents.y.id].sort()],
    ]);
    await as.district!.post(`/api/warning-rule-versions/${v.id}/act`, { action: 'activate', version: v.version });
    await evaluateAllRules(t.database.db, TODAY);
    const fired = (await as.district!.get(`/api/warnings?ruleId=${r.id}`)).json().items as WarningView[];
    expect(subjects(fired)).toEqual(subjects(months[2]!.records));
    expect(fired.map((w) => w.evidence).sort((a, b) => a.count - b.count)).toEqual(
      months[2]!.records.map((m) => m.evidence).sort((a, b) => a.count - b.count),
    );
  });
});

describe('accident deaths pacing above the target (indicators targets, subject = area)', () => {
  const cond = (tolerancePct: number) => ({ kind: 'deaths_pace' as const, params: { tolerancePct } });
  let accidentSeq = 0;
  async function accident(areaCode: string, at: string, deaths: number, missing = 0) {
    await t.database.db.insert(accidents).values({
      occurredAt: new Date(at),
      areaCode,
      address: `事故地点${++accidentSeq}`,
      unitName: `事故单位${accidentSeq}`,
      category: 'industry_mining_commerce',
      typeScheme: 'GB6441-1986',
      typeCode: '01',
      level: 'general',
      deaths,
      missing,
    });
  }

  beforeAll(async () => {
    const db = t.database.db;
    // District: 0.05 per 亿元 × 200 亿元 = 10 deaths this year. Street A: 0.1 down 50 % = 0.05 × 73 = 3.65.
    // Street B has no target: never judged.
    await db.insert(indicatorBase).values([
      { areaCode: districtArea.code, year: 2026, gdpYi: 200 },
      { areaCode: streetA.code, year: 2026, gdpYi: 73 },
    ]);
    await db.insert(indicatorTargets).values([
      { areaCode: districtArea.code, year: 2026, indicator: 'deaths_per_100m_gdp', kind: 'absolute', value: 0.05 },
      {
        areaCode: streetA.code,
        year: 2026,
        indicator: 'deaths_per_100m_gdp',
        kind: 'reduction',
        baseYear: 2025,
        baseValue: 0.1,
        reductionPercent: 50,
      },
    ]);
    await accident(streetA.code, '2026-03-10T10:00:00+08:00', 2);
    await accident(streetA.code, '2026-11-10T23:30:00+08:00', 1, 1);
    await accident(streetB.code, '2026-08-01T08:00:00+08:00', 3);
    // Last year's and after today's deaths do not count.
    await accident(streetA.code, '2025-12-31T23:00:00+08:00', 5);
    await accident(streetA.code, '2026-11-21T00:10:00+08:00', 5);
    // Other departments' monthly figures: October's counts once October has ended; November's not on 11-20.
    await db.insert(accidentStatistics).values([
      { areaCode: districtArea.code, year: 2026, month: 10, category: 'road_traffic', accidents: 2, deaths: 2, source: '交警' },
      { areaCode: districtArea.code, year: 2026, month: 11, category: 'road_traffic', accidents: 5, deaths: 5, source: '交警' },
    ]);
  });

  it('fires above the pace, not at or below it, with the deaths to date as evidence', async () => {
    const prefix = areaPrefixOf(districtArea.code);
    const now = await runCondition(t.database.db, cond(0), TODAY, prefix);
    // 11-20 is day 324: street A's pace 3.65 × 324/365 = 3.24 < 4; the district's 8.88 < 2 + 2 + 3 + 2 = 9.
    expect(subjects(now)).toEqual([districtArea.code, streetA.code].sort());
    const d = now.find((h) => h.subjectId === districtArea.code)!;
    expect(d).toMatchObject({ subjectType: 'area', label: districtArea.name, enterpriseId: null, areaCode: districtArea.code });
    expect(d.evidence.count).toBe(9);
    expect(d.evidence.summary).toBe('截至2026-11-20事故死亡9人，超过按时间进度控制数8.9人（全年控制数10人）');
    expect(d.evidence.summaryEn).toBe("9 accident death(s) to 2026-11-20, above the 8.9 the year's pace allows (10 for the year)");
    expect(d.evidence.items.map((i) => i.date)).toEqual(['2026-03-10', '2026-08-01', '2026-11-10']);
    // A 2 % tolerance lifts the district's pace to 9.05: 9 no longer exceeds it; street A's 3.31 still does.
    expect(subjects(await runCondition(t.database.db, cond(2), TODAY, prefix))).toEqual([streetA.code]);
    // 10-31 (day 304): the district 7 ≤ 8.33, street A 2 ≤ 3.04.
    expect(await runCondition(t.database.db, cond(0), '2026-10-31', prefix)).toEqual([]);
  });

  it('an accident event re-evaluates the areas containing it; the backtest equals what fires', async () => {
    const res = await as.district!.post('/api/warning-rules', {
      name: '事故死亡人数超过控制目标进度',
      condition: cond(0),
      level: 'red',
      recipients: ['district', 'leader', 'street'],
      action: '区安委办约谈属地街道，开展事故多发区域专项整治',
    });
    const r = res.json() as WarningRuleView;
    const v = r.versions[0]!;
    const bt = (await as.district!.get(`/api/warning-rule-versions/${v.id}/backtest?months=2`)).json() as BacktestView;
    const months = bt.series[0]!.months;
    expect(months.map((m) => [m.month, m.count])).toEqual([
      ['2026-10', 0],
      ['2026-11', 2],
    ]);
    await as.district!.post(`/api/warning-rule-versions/${v.id}/act`, { action: 'activate', version: v.version });
    // An accident in street B: only the district contains it.
    const event = { id: 2, type: 'accident.register', entityType: 'accident', entityId: 'a', areaCode: streetB.code, enterpriseId: null };
    await t.database.db.transaction((tx) => warningsConsumer.handle(tx, event as DomainEvent));
    const afterEvent = (await as.district!.get(`/api/warnings?ruleId=${r.id}`)).json().items as WarningView[];
    expect(subjects(afterEvent)).toEqual([districtArea.code]);
    await evaluateAllRules(t.database.db, TODAY);
    const fired = (await as.district!.get(`/api/warnings?ruleId=${r.id}`)).json().items as WarningView[];
    expect(subjects(fired)).toEqual(subjects(months[1]!.records));
    // The street sees its own area's warning, not the district's.
    const seen = (await as.streetA!.get(`/api/warnings?ruleId=${r.id}`)).json().items as WarningView[];
    expect(subjects(seen)).toEqual([streetA.code]);
  });
});
