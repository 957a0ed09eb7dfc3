// 承诺制 and 八个一次 through the API on a real database: the principal signs (typed name or drawn signature), the public
// page shows it without a login, a second signature needs the version (409 otherwise); a duty recorded with a photo,
// returned with a note, resubmitted and accepted by the street; a duplicate period is 409 with the existing record;
// out-of-scope callers get 404; bilingual 400s change nothing; every write audited. The compliance aggregates equal a
// recount of the records at every level, and the compliance and laggard reads follow the caller's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { eq, sql } from 'drizzle-orm';
import { auditLog, dutyRecords, safetyCommitments } from '../../db/schema';
import { rowsOf } from '../../platform/db';
import { multipart, tinyJpeg } from '../../platform/files.fixtures';
import { evaluateDutyReminders, periodsEndingIn } from '../notifications/notifications.duties';
import type { Actor } from '../../platform/actor';
import { readLaggards } from './duties.compliance';
import { readLaggardAreas } from './duties.laggards';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';

let t: TestApp;
type Who = 'bossA' | 'safetyA' | 'bossB' | 'bossP' | 'district' | 'streetA' | 'streetB' | 'zhujian' | 'park';
const as = {} as Record<Who, Client>;
const ents = {} as Record<'a' | 'b' | 'p', string>;
const areas = {} as Record<'district' | 'streetA', string>;
const officer: Actor = {
  id: '00000000-0000-4000-8000-0000000000c1',
  username: 'officer',
  displayName: 'officer',
  role: 'district_officer',
  orgId: null,
  orgName: null,
  areaCode: null,
  areaPrefix: null,
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'area',
  mustChangePassword: false,
};
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  const park = await buildPark(db, { street: streetA });
  const commA = await buildCommunity(db, { street: streetA });
  areas.district = district.code;
  areas.streetA = streetA.code;
  ents.a = (await buildEnterprise(db, { area: commA, sector: 'hazardous_chemicals' })).id;
  ents.b = (await buildEnterprise(db, { area: await buildCommunity(db, { street: streetB }), sector: 'construction' })).id;
  ents.p = (await buildEnterprise(db, { area: commA, sector: 'machinery', parkId: park.id })).id;
  const login = async (key: Who, role: Role, o: Record<string, unknown>) => {
    const u = await buildUser(db, { role, ...o } as Parameters<typeof buildUser>[1]);
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('bossA', 'enterprise_principal', { enterpriseId: ents.a, org: null });
  await login('safetyA', 'enterprise_safety_manager', { enterpriseId: ents.a, org: null });
  await login('bossB', 'enterprise_principal', { enterpriseId: ents.b, org: null });
  await login('bossP', 'enterprise_principal', { enterpriseId: ents.p, org: null });
  await login('district', 'district_officer', { org: await buildOrg(db, { area: district }) });
  await login('streetA', 'street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office' }) });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
  await login('zhujian', 'industry_officer', {
    org: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
  });
  await login('park', 'park_officer', { org: await buildOrg(db, { area: streetA, kind: 'park_station', parkId: park.id }) });
});
afterAll(() => t.close());

async function audits(entityId: string) {
  return t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId));
}

async function upload(c: Client) {
  const m = multipart('检查照片.jpg', 'image/jpeg', tinyJpeg());
  const res = await c.request({ method: 'POST', url: '/api/duty-records/attachments', payload: m.payload, headers: m.headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function record(c: Client, enterpriseId: string, duty: string, period: string, heldOn: string) {
  const res = await c.post('/api/duty-records', {
    enterpriseId,
    duty,
    period,
    heldOn,
    summary: '主要负责人带队检查',
    attachments: [await upload(c)],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number; status: string };
}

describe('the safety commitment', () => {
  it('is signed by the principal, shown publicly, and signed again only with the version read', async () => {
    const url = `/api/enterprises/${ents.a}/commitment?year=2026`;
    const before = (await as.bossA.get(url)).json();
    expect(before).toMatchObject({ signed: null, abilities: ['sign'], text: { version: 'hazardous_chemicals-1' } });

    const bad = await as.bossA.request({
      method: 'POST',
      url: `/api/enterprises/${ents.a}/commitment`,
      payload: { year: 2026, signerName: '张三' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'signatureImage' });
    expect(await t.database.db.select().from(safetyCommitments)).toHaveLength(0);

    // Only the principal signs; an enterprise's principal only its own enterprise.
    expect(
      (await as.safetyA.post(`/api/enterprises/${ents.a}/commitment`, { year: 2026, signerName: '张三', typedName: '张三' })).statusCode,
    ).toBe(403);
    expect(
      (await as.bossB.post(`/api/enterprises/${ents.a}/commitment`, { year: 2026, signerName: '李四', typedName: '李四' })).statusCode,
    ).toBe(404);

    const signed = await as.bossA.post(`/api/enterprises/${ents.a}/commitment`, { year: 2026, signerName: '张三', signatureImage: PNG });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().signed).toMatchObject({
      textVersion: 'hazardous_chemicals-1',
      signerName: '张三',
      signatureImage: PNG,
      version: 1,
    });

    const again = await as.bossA.post(`/api/enterprises/${ents.a}/commitment`, { year: 2026, signerName: '张三', typedName: '张三' });
    expect(again.statusCode).toBe(409);
    expect(again.json().current.signed.version).toBe(1);
    const stale = await as.bossA.post(`/api/enterprises/${ents.a}/commitment`, {
      year: 2026,
      signerName: '张三',
      typedName: '张三',
      version: 7,
    });
    expect(stale.statusCode).toBe(409);
    const resigned = await as.bossA.post(`/api/enterprises/${ents.a}/commitment`, {
      year: 2026,
      signerName: '张三',
      typedName: '张三',
      version: 1,
    });
    expect(resigned.statusCode, resigned.body).toBe(200);
    expect(resigned.json().signed).toMatchObject({ version: 2, typedName: '张三' });
    expect(await t.database.db.select().from(safetyCommitments)).toHaveLength(1);
    expect((await audits(resigned.json().signed.id)).map((a) => a.action).sort()).toEqual([
      'safety_commitment.resign',
      'safety_commitment.sign',
    ]);

    // Officers read it in their scope only.
    expect((await as.streetA.get(url)).json().signed.signerName).toBe('张三');
    expect((await as.streetB.get(url)).statusCode).toBe(404);
    expect((await as.zhujian.get(url)).statusCode).toBe(404);
  });

  it('has a public page for the workers, without a login', async () => {
    const year = new Date().getUTCFullYear();
    // The public page shows the current year's commitment (signed here for the China year).
    await as.bossB.post(`/api/enterprises/${ents.b}/commitment`, { signerName: '李四', typedName: '李四' });
    const page = await t.app.inject({ method: 'GET', url: `/api/public/commitments/${ents.b}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ signerName: '李四', title: '企业主要负责人安全生产承诺书' });
    expect(page.json().year).toBeGreaterThanOrEqual(year);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/commitments/${ents.p}` })).statusCode).toBe(404);
  });
});

describe('the commitment text edited in the app', () => {
  it('saves a new version (stale version 409, audited); a signed commitment keeps the text it was signed with', async () => {
    const url = `/api/enterprises/${ents.a}/commitment?year=2026`;
    const signed = (await as.bossA.get(url)).json().signed;
    expect(signed.textVersion).toBe('hazardous_chemicals-1');
    expect((await as.bossA.get('/api/commitment-texts')).statusCode).toBe(403);
    const list = (await as.district.get('/api/commitment-texts')).json();
    expect(list.items.map((i: { sector: string }) => i.sector)).toEqual(['default', 'hazardous_chemicals']);
    const body = { title: '危险化学品企业安全生产承诺书（2027版）', body: '本人郑重承诺：……', currentVersion: 'hazardous_chemicals-1' };
    const saved = await as.district.request({ method: 'PUT', url: '/api/commitment-texts/hazardous_chemicals', payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ sector: 'hazardous_chemicals', version: 'hazardous_chemicals-2', configured: true });
    const stale = await as.district.request({ method: 'PUT', url: '/api/commitment-texts/hazardous_chemicals', payload: body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 'hazardous_chemicals-2' });
    expect((await as.district.request({ method: 'PUT', url: '/api/commitment-texts/nope', payload: body })).statusCode).toBe(400);
    const after = (await as.bossA.get(url)).json();
    expect(after.text).toMatchObject({ version: 'hazardous_chemicals-2', title: body.title });
    expect(after.signed).toMatchObject({ textVersion: 'hazardous_chemicals-1', title: signed.title, body: signed.body });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'commitment.text.save'));
    expect(audit).toMatchObject({ entityId: 'hazardous_chemicals' });
  });
});

describe('a duty record', () => {
  it('is recorded with evidence, returned, resubmitted and accepted through the machine, audited', async () => {
    const r = await record(as.safetyA, ents.a, 'monthly_inspection', '2025-03', '2025-03-10');
    expect(r.status).toBe('submitted');

    // One per period: the second is 409 with the existing record.
    const dup = await as.bossA.post('/api/duty-records', {
      enterpriseId: ents.a,
      duty: 'monthly_inspection',
      period: '2025-03',
      heldOn: '2025-03-12',
      summary: '再次',
      attachments: [await upload(as.bossA)],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().current.id).toBe(r.id);

    // The period must be the duty's cadence: bilingual 400, nothing written.
    const before = (await t.database.db.select().from(dutyRecords)).length;
    const wrong = await as.bossA.request({
      method: 'POST',
      url: '/api/duty-records',
      payload: {
        enterpriseId: ents.a,
        duty: 'quarterly_study',
        period: '2025-03',
        heldOn: '2025-03-10',
        summary: 'x',
        attachments: [await upload(as.bossA)],
      },
      headers: { 'accept-language': 'en' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'period' });
    expect(await t.database.db.select().from(dutyRecords)).toHaveLength(before);

    // Scope: another enterprise, another street, another industry: 404.
    expect((await as.bossB.get(`/api/duty-records/${r.id}`)).statusCode).toBe(404);
    expect((await as.streetB.post(`/api/duty-records/${r.id}/accept`, { version: 1 })).statusCode).toBe(404);
    expect((await as.zhujian.post(`/api/duty-records/${r.id}/accept`, { version: 1 })).statusCode).toBe(404);
    expect(
      (
        await as.bossB.post('/api/duty-records', {
          enterpriseId: ents.a,
          duty: 'emergency_drill',
          period: '2025',
          heldOn: '2025-05-01',
          summary: 'x',
          attachments: [await upload(as.bossB)],
        })
      ).statusCode,
    ).toBe(404);

    // The evidence is readable by who reads the record.
    const detail = (await as.streetA.get(`/api/duty-records/${r.id}`)).json();
    expect(detail.attachments).toHaveLength(1);
    expect(detail.abilities).toEqual(['accept', 'return']);
    expect((await as.streetA.get(`/api/files/${detail.attachments[0].id}`)).statusCode).toBe(200);
    expect((await as.streetB.get(`/api/files/${detail.attachments[0].id}`)).statusCode).toBe(404);

    expect((await as.streetA.post(`/api/duty-records/${r.id}/accept`, { version: 9 })).statusCode).toBe(409);
    expect((await as.streetA.post(`/api/duty-records/${r.id}/return`, { version: 1 })).statusCode).toBe(400);
    const returned = await as.streetA.post(`/api/duty-records/${r.id}/return`, { version: 1, note: '照片不清楚' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: '照片不清楚', version: 2 });
    expect((await as.streetA.post(`/api/duty-records/${r.id}/accept`, { version: 2 })).statusCode).toBe(400);

    const again = await as.safetyA.post(`/api/duty-records/${r.id}/resubmit`, {
      version: 2,
      heldOn: '2025-03-10',
      summary: '补充了清晰照片',
      attachments: [await upload(as.safetyA)],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'submitted', version: 3 });
    expect(again.json().attachments).toHaveLength(2);
    const accepted = await as.streetA.post(`/api/duty-records/${r.id}/accept`, { version: 3 });
    expect(accepted.json()).toMatchObject({ status: 'accepted', abilities: [] });

    expect((await audits(r.id)).map((a) => a.action).sort()).toEqual([
      'duty_record.accept',
      'duty_record.record',
      'duty_record.resubmit',
      'duty_record.return',
    ]);
    const events = rowsOf<{ type: string }>(
      await t.database.db.execute(sql`select type from domain_events where entity_id = ${r.id} order by id`),
    );
    expect(events.map((e) => e.type)).toEqual(['duty_record.record', 'duty_record.return', 'duty_record.resubmit', 'duty_record.accept']);
  });
});

describe('compliance', () => {
  beforeAll(async () => {
    // 2025 has ended: all 22 obligations are due. A: 3 kept (March above + two), B: 1 kept + 1 pending, P: none.
    for (const [period, day] of [
      ['2025-01', '2025-01-20'],
      ['2025-02', '2025-02-20'],
    ] as const) {
      const r = await record(as.bossA, ents.a, 'monthly_inspection', period, day);
      expect((await as.streetA.post(`/api/duty-records/${r.id}/accept`, { version: r.version })).statusCode).toBe(200);
    }
    const b = await record(as.bossB, ents.b, 'emergency_drill', '2025', '2025-06-18');
    expect((await as.zhujian.post(`/api/duty-records/${b.id}/accept`, { version: b.version })).statusCode).toBe(200);
    await record(as.bossB, ents.b, 'quarterly_study', '2025-Q2', '2025-05-08');
    const p = await record(as.bossP, ents.p, 'safety_lecture', '2025', '2025-07-01');
    expect((await as.park.post(`/api/duty-records/${p.id}/return`, { version: p.version, note: '缺签到表' })).statusCode).toBe(200);
  });

  it('keeps aggregates equal to a recount of the records at every level', async () => {
    const mismatches = rowsOf(
      await t.database.db.execute(sql`
        with levels(len) as (values (2), (4), (6), (9)),
        actual as (
          select l.len, substr(r.area_code, 1, l.len) area_code, r.sector, coalesce(r.park_id, '00000000-0000-0000-0000-000000000000'::uuid) park_key,
                 r.year, r.duty, r.period, count(*)::int recorded, (count(*) filter (where r.status = 'accepted'))::int accepted
          from duty_records r cross join levels l group by 1, 2, 3, 4, 5, 6, 7)
        select * from actual a full join duty_compliance c
          on a.len = c.area_len and a.area_code = c.area_code and a.sector = c.sector and a.park_key = c.park_key
         and a.year = c.year and a.duty = c.duty and a.period = c.period
        where coalesce(a.recorded, 0) <> coalesce(c.recorded, 0) or coalesce(a.accepted, 0) <> coalesce(c.accepted, 0)`),
    );
    expect(mismatches).toEqual([]);
    const a = rowsOf<{ recorded_mask: number; accepted_mask: number }>(
      await t.database.db.execute(
        sql`select recorded_mask, accepted_mask from duty_enterprise_years where enterprise_id = ${ents.a} and year = 2025`,
      ),
    );
    expect(a[0]).toEqual({ recorded_mask: 0b111, accepted_mask: 0b111 });
  });

  it('reads the rate per area and sector in the caller’s scope, with the enterprises falling behind', async () => {
    const d = (await as.district.get('/api/duties/compliance?year=2025')).json();
    expect(d).toMatchObject({ enterprises: 3, due: 66, accepted: 4 });
    expect(d.rate).toBeCloseTo(4 / 66, 4);
    const streetRow = d.areas.find((x: { areaCode: string }) => x.areaCode === areas.streetA);
    expect(streetRow).toMatchObject({ enterprises: 2, due: 44, accepted: 3 });
    expect(d.periods.find((p: { duty: string; period: string }) => p.duty === 'quarterly_study' && p.period === '2025-Q2')).toMatchObject({
      recorded: 1,
      accepted: 0,
    });
    expect(d.sectors.find((s: { sector: string }) => s.sector === 'construction')).toMatchObject({ enterprises: 1, accepted: 1 });

    const s = (await as.streetA.get('/api/duties/compliance?year=2025')).json();
    expect(s).toMatchObject({ enterprises: 2, accepted: 3 });
    const z = (await as.zhujian.get('/api/duties/compliance?year=2025')).json();
    expect(z).toMatchObject({ enterprises: 1, accepted: 1, due: 22 });
    const pk = (await as.park.get('/api/duties/compliance?year=2025')).json();
    expect(pk).toMatchObject({ enterprises: 1, accepted: 0 });

    const lag = (await as.streetA.get('/api/duties/laggards?year=2025')).json();
    expect(lag.total).toBe(2);
    const la = lag.items.find((x: { enterpriseId: string }) => x.enterpriseId === ents.a);
    expect(la).toMatchObject({ due: 22, accepted: 3 });
    expect(la.missing).toContain('monthly_inspection:2025-04');
    expect((await as.district.get('/api/duties/laggards?year=2025')).json().total).toBe(3);

    // Province scale from the aggregates: per area, enterprises minus those kept through the day's stage. At every
    // stage it equals the direct count over the masks (readLaggards), in the district and in a street.
    const areasNow = (await as.district.get('/api/duties/laggards/areas?year=2025&pageSize=1')).json();
    expect(areasNow).toMatchObject({ year: 2025, stage: 12, laggards: 3, total: 2 });
    expect(areasNow.items).toHaveLength(1);
    expect(areasNow.items[0]).toMatchObject({ areaCode: areas.streetA, enterprises: 2, kept: 0, laggards: 2 });
    const kept = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select coalesce(sum(n), 0)::int n from duty_kept_counts where year = 2025 and area_len = 9`),
    );
    expect(kept[0]!.n).toBe(1);
    for (const root of [areas.district, areas.streetA]) {
      const actor = { ...officer, areaCode: root, areaPrefix: root };
      for (const day of ['2025-01-20', '2025-02-10', '2025-03-15', '2025-04-02', '2025-07-01', '2026-01-05']) {
        const fromAggregates = await readLaggardAreas(t.database.db, actor, { year: 2025, page: 1, pageSize: 50 }, day);
        const direct = await readLaggards(t.database.db, actor, { year: 2025, page: 1, pageSize: 1 }, day);
        expect(fromAggregates.laggards, `${root} ${day}`).toBe(direct.total);
      }
    }
    // On 15 March (stage 2) A has kept January and February: only B and P lag.
    expect(
      (
        await readLaggardAreas(
          t.database.db,
          { ...officer, areaCode: areas.district, areaPrefix: areas.district },
          { year: 2025, page: 1, pageSize: 50 },
          '2025-03-15',
        )
      ).laggards,
    ).toBe(2);

    // The enterprise's own board.
    const board = (await as.bossA.get(`/api/enterprises/${ents.a}/duties?year=2025`)).json();
    expect(board).toMatchObject({ due: 22, accepted: 3, canRecord: true });
    expect((await as.bossA.get(`/api/enterprises/${ents.b}/duties?year=2025`)).statusCode).toBe(404);
    expect((await as.bossA.get('/api/duties/compliance?year=2025')).statusCode).toBe(403);
  });
});

describe('reminders before a period ends', () => {
  it('tells the enterprises without a record five working days before the month ends, once', async () => {
    // 2026-03-31 is a Tuesday; five working days before it is Tuesday 24 March.
    expect(periodsEndingIn('month', { after: '2026-03-30', upTo: '2026-03-31' })).toEqual(['2026-03']);
    const first = await evaluateDutyReminders(t.database.db, '2026-03-24');
    // Three enterprises owe March's inspection: A's principal and safety manager, B's and P's principals.
    expect(first.notices).toBe(4);
    expect((await evaluateDutyReminders(t.database.db, '2026-03-24')).notices).toBe(0);
    expect((await evaluateDutyReminders(t.database.db, '2026-03-25')).notices).toBe(0);
  });
});
