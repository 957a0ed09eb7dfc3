// Personal data by role (issue 12): every route of the route table, as every role and as an anonymous caller, over a
// world holding principals' and safety managers' mobiles, a risk unit's emergency mobile, a natural-person case party
// (identity number, mobile, home address, and both numbers inside the violation text) and an account's mobile. Each
// response — JSON, or the XML inside an .xlsx/.docx — is searched for anything shaped like an 18-character identity
// number or a mobile number; every hit must be a number planted here whose subject the policy (platform/masking.ts
// seesInFull) lets this caller see in full. The detection knows nothing of the masks; the policy is the oracle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { enterprises } from '../src/db/schema';
import { roles, roleScopeKind, type Role } from '@anjian/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, loginAs, type Client, type TestApp } from './app';
import { routeTable } from './route-table';
import {
  buildCommunity,
  buildDistrict,
  buildEnterprise,
  buildGrid,
  buildOrg,
  buildPark,
  buildStreet,
  buildUser,
} from '../src/seed/factories';
import type { Actor } from '../src/platform/actor';
import { mayRevealContacts, seesInFull, type Subject } from '../src/platform/masking';

/** Anything shaped like a 身份证号 or a mainland mobile, standing alone (not inside a UUID, a hash, a decimal fraction). */
const ID_SHAPE = /(?<![0-9A-Za-z.])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_SHAPE = /(?<![0-9A-Za-z.])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/** A syntactically valid identity number (GB 11643-1999 check character) for the given region and birth date. */
function idNumber(region: string, birth: string, seq: string): string {
  const body = region + birth + seq;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

let t: TestApp;
const planted = new Map<string, Subject>();
const callers: { name: string; actor: Actor | null; client: Client | null }[] = [];
const ids: Record<string, string> = {};
let e1 = '';

function plant(value: string, s: Subject) {
  planted.set(value, s);
  return value;
}

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  const commA = await buildCommunity(db, { street: streetA });
  const grid = await buildGrid(db, { community: commA });
  const park = await buildPark(db, { street: streetA });
  const orgs = {
    bureau: await buildOrg(db, { area: district, name: '测试区应急管理局' }),
    housing: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
    streetA: await buildOrg(db, { area: streetA, kind: 'street_office', name: '甲街道安监办' }),
    grid: await buildOrg(db, { area: grid, kind: 'grid_station' }),
    park: await buildOrg(db, { area: streetA, kind: 'park_station', parkId: park.id }),
  };
  // One enterprise every staff scope above reaches (in the grid, the park, the construction sector), one elsewhere.
  const ent1 = await buildEnterprise(db, { area: grid, parkId: park.id, sector: 'construction' });
  e1 = ent1.id;
  const c1 = { kind: 'enterpriseContact', enterpriseId: e1 } as const;
  const ent2 = await buildEnterprise(db, { street: streetB, sector: 'construction' });
  const c2 = { kind: 'enterpriseContact', enterpriseId: ent2.id } as const;
  await db
    .update(enterprises)
    .set({ principalPhone: plant('13800000001', c1), safetyManagerPhone: plant('13900000002', c1) })
    .where(eq(enterprises.id, e1));
  await db
    .update(enterprises)
    .set({ principalPhone: plant('13700000003', c2) })
    .where(eq(enterprises.id, ent2.id));

  const orgOf: Record<Role, (typeof orgs)[keyof typeof orgs] | null> = {
    sys_admin: orgs.bureau,
    audit_admin: orgs.bureau,
    district_leader: orgs.bureau,
    district_officer: orgs.bureau,
    street_officer: orgs.streetA,
    grid_inspector: orgs.grid,
    industry_officer: orgs.housing,
    park_officer: orgs.park,
    enterprise_principal: null,
    enterprise_safety_manager: null,
    public: null,
  };
  const clients = new Map<Role, Client>();
  for (const role of roles) {
    const enterpriseId = role.startsWith('enterprise_') ? e1 : null;
    const u = await buildUser(db, { role, org: orgOf[role], enterpriseId });
    const client = await loginAs(t.app, u.username, u.password);
    clients.set(role, client);
    const actor = {
      id: u.id,
      role,
      orgId: orgOf[role]?.id ?? null,
      enterpriseId,
      scopeKind: roleScopeKind[role],
    } as Actor;
    callers.push({ name: role, actor, client });
  }
  callers.push({ name: 'anonymous', actor: null, client: null });
  const as = (r: Role) => clients.get(r)!;

  // An account with a mobile; an edit of the enterprise's phone, so its history carries old and new numbers.
  const account = await as('sys_admin').post('/api/users', {
    username: 'phoned',
    displayName: '有电话的用户',
    password: 'Str0ng-Passw0rd!x',
    role: 'district_officer',
    orgId: orgs.bureau.id,
    phone: plant('13600000004', { kind: 'account' }),
  });
  expect(account.statusCode, account.body).toBe(201);
  ids.user = account.json().id;
  const edit = await as('district_officer').patch(`/api/enterprises/${e1}`, { version: 1, principalPhone: plant('13500000005', c1) });
  expect(edit.statusCode, edit.body).toBe(200);
  const unit = await as('district_officer').post(`/api/enterprises/${e1}/risk-units`, {
    name: '配料岗位',
    kind: 'post',
    emergencyPhone: plant('15000000006', c1),
  });
  expect(unit.statusCode, unit.body).toBe(201);
  ids.unit = unit.json().id;

  // A natural person (the enterprise's principal, 一案双罚) as the party of a case the street office files.
  const person = { kind: 'caseParty', partyKind: 'natural_person', orgId: orgs.streetA.id, enterpriseId: e1 } as const;
  const idNo = plant(idNumber('440307', '19800101', '123'), person);
  const mobile = plant('18600000007', person);
  const filed = await as('street_officer').post('/api/enforcement/cases', {
    enterpriseId: e1,
    procedure: 'general',
    partyKind: 'natural_person',
    partyName: '张三',
    partyIdNumber: idNo,
    partyPhone: mobile,
    partyAddress: '深圳市龙岗区龙城街道爱联社区某路12号301',
    violation: `当事人张三（身份证${idNo}，电话${mobile}）未履行安全生产管理职责`,
    basisId: 'AQSCF2021-94',
  });
  expect(filed.statusCode, filed.body).toBe(201);
  ids.case = filed.json().id;
  // And an organisation party, filed by the bureau. The party is the enterprise as registered (documents.party.ts): a
  // mobile sent with it is not kept, so it is not planted — were it ever answered, the walk would flag it as unknown.
  const filed2 = await as('district_officer').post('/api/enforcement/cases', {
    enterpriseId: e1,
    procedure: 'general',
    partyKind: 'organisation',
    partyName: ent1.name,
    partyIdNumber: ent1.creditCode,
    partyPhone: '18900000008',
    violation: '未按规定开展隐患排查',
    basisId: 'AQSCF2021-94',
  });
  expect(filed2.statusCode, filed2.body).toBe(201);

  // A special-operations worker on the enterprise's own 三项岗位 list (modules/people), with a certificate.
  const staff = await as('enterprise_principal').post('/api/people', {
    name: '李工',
    idNumber: plant(idNumber('440307', '19850315', '456'), { kind: 'staffIdentity', enterpriseId: e1 }),
    phone: plant('18700000009', c1),
    post: 'special_operator',
    employedFrom: '2020-01-01',
  });
  expect(staff.statusCode, staff.body).toBe(200);
  ids.person = staff.json().id;
  const cert = await as('enterprise_principal').post(`/api/people/${ids.person}/certificates`, {
    kind: 'special_operation',
    operationItem: '1.2',
    number: 'T-PD-1',
    issuer: '深圳市应急管理局',
    issuedOn: '2025-01-01',
  });
  expect(cert.statusCode, cert.body).toBe(200);
  ids.certificate = cert.json().certificates[0].id;

  // An exposed worker on the enterprise's occupational-health list (modules/occupational-health).
  const oh = await as('enterprise_principal').post('/api/occupational-health/profiles', { enterpriseId: e1 });
  expect(oh.statusCode, oh.body).toBe(200);
  const worker = await as('enterprise_principal').post(`/api/occupational-health/profiles/${e1}/workers`, {
    version: oh.json().version,
    name: '赵工',
    idNumber: plant(idNumber('440307', '19900720', '789'), { kind: 'healthRecord', enterpriseId: e1 }),
    post: '打磨工',
    factors: ['矽尘'],
    employedFrom: '2021-01-01',
  });
  expect(worker.statusCode, worker.body).toBe(200);

  const draw = await as('district_officer').post('/api/enforcement/draws', { title: '抽查', k: 1 });
  expect(draw.statusCode, draw.body).toBe(201);
  ids.draw = draw.json().id;
  await as('district_officer').post(`/api/enforcement/draws/${ids.draw}/publish`);
}, 120_000);
afterAll(() => t.close());

const NIL = '00000000-0000-4000-8000-000000000000';

/** The route's path with its parameters pointing at this world's records (a nil id where the world has none). */
function pathFor(url: string): string {
  const id = url.startsWith('/api/users/')
    ? ids.user
    : url.startsWith('/api/enterprises/') || url.startsWith('/api/occupational-health/profiles/')
      ? e1
      : url.startsWith('/api/risk-units/')
        ? ids.unit
        : url.startsWith('/api/enforcement/cases/')
          ? ids.case
          : url.includes('/draws/')
            ? ids.draw
            : url.startsWith('/api/people/')
              ? ids.person
              : url.startsWith('/api/certificates/')
                ? ids.certificate
                : NIL;
  return url
    .replace(':id', id!)
    .replace(':action', 'approve')
    .replace(':dutyId', NIL)
    .replace(':year', '2026')
    .replace(':areaCode', '440307')
    .replace(':indicator', 'deaths');
}

/** Routes that only read although not GET, and the lists again with their largest page. */
const readingPosts = new Set([
  'POST /api/enforcement/draws/:id/verify',
  'POST /api/audit/verify',
  'POST /api/enterprises/:id/contacts/reveal',
]);
const extraReads = [
  '/api/enterprises?pageSize=100',
  '/api/audit?pageSize=100',
  '/api/users?pageSize=100',
  '/api/enforcement/cases?pageSize=100',
  `/api/enterprises/${'E1'}/history?pageSize=100`,
];

async function textOf(res: LightMyRequestResponse): Promise<string> {
  const raw = res.rawPayload;
  if (raw.length > 4 && raw[0] === 0x50 && raw[1] === 0x4b) {
    const zip = await JSZip.loadAsync(raw);
    const parts = await Promise.all(Object.values(zip.files).map((f) => (f.dir ? '' : f.async('string'))));
    return parts.join('\n');
  }
  return res.body;
}

describe('personal data by role', () => {
  it('no response carries an identity number or mobile the policy masks for its caller', async () => {
    const violations: string[] = [];
    const seenInFull = new Set<string>();
    let probes = 0;
    for (const caller of callers) {
      const requests: { key: string; method: string; url: string; payload?: unknown }[] = [];
      for (const [key, row] of Object.entries(routeTable)) {
        const [method, url] = key.split(' ') as [string, string];
        if (row.probe === false || (method !== 'GET' && !readingPosts.has(key))) continue;
        requests.push({ key, method, url: pathFor(url), payload: method === 'GET' ? undefined : (row.payload ?? {}) });
      }
      for (const u of extraReads) requests.push({ key: `GET ${u}`, method: 'GET', url: u.replace('E1', e1) });
      for (const r of requests) {
        const opts = { method: r.method as 'GET', url: r.url, payload: r.payload as never };
        const res = caller.client ? await caller.client.request(opts) : await t.app.inject(opts);
        probes++;
        const text = await textOf(res);
        for (const hit of [...(text.match(ID_SHAPE) ?? []), ...(text.match(MOBILE_SHAPE) ?? [])]) {
          const subject = planted.get(hit.toUpperCase()) ?? planted.get(hit);
          // Revealing is the one place a masked reader gets full numbers: on purpose, with a reason, audited.
          const revealed = r.key === 'POST /api/enterprises/:id/contacts/reveal' && subject?.kind === 'enterpriseContact';
          const allowed = !!subject && (seesInFull(caller.actor, subject) || (revealed && mayRevealContacts(caller.actor!, e1)));
          if (allowed) seenInFull.add(hit);
          else
            violations.push(`${caller.name} ${r.method} ${r.url} → ${res.statusCode}: ${hit} (${subject ? subject.kind : 'not planted'})`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(probes).toBeGreaterThan(800); // 12 callers × every reading route
    // The walk reached the data: every planted number was shown in full to someone the policy allows.
    expect([...planted.keys()].filter((v) => !seenInFull.has(v))).toEqual([]);
    // Every reading route as every role: longer than one test's default on a loaded machine.
  }, 180_000);

  it('shows masked forms where it masks: a street officer reads 138****0001 and 440307********123X', async () => {
    const street = callers.find((c) => c.name === 'street_officer')!.client!;
    const grid = callers.find((c) => c.name === 'grid_inspector')!.client!;
    expect((await grid.get(`/api/enterprises/${e1}`)).json()).toMatchObject({
      principalPhone: '135****0005',
      safetyManagerPhone: '139****0002',
    });
    const ent = callers.find((c) => c.name === 'enterprise_principal')!.client!;
    const seen = (await ent.get(`/api/enforcement/cases/${ids.case}`)).json();
    expect(seen.partyIdNumber).toMatch(/^440307\*{8}\d{3}[\dX]$/);
    expect(seen.partyPhone).toBe('186****0007');
    expect(seen.partyAddress).toBe('深圳市龙岗区龙城街道****');
    // The filing street office handles the case and sees it in full.
    expect((await street.get(`/api/enforcement/cases/${ids.case}`)).json().partyPhone).toBe('18600000007');
  });

  it('reveals one enterprise’s contacts with a reason, audited as contact.reveal; refuses without one', async () => {
    const street = callers.find((c) => c.name === 'street_officer')!.client!;
    expect((await street.post(`/api/enterprises/${e1}/contacts/reveal`, {})).statusCode).toBe(400);
    const res = await street.post(`/api/enterprises/${e1}/contacts/reveal`, { reason: '核实重大隐患整改' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ principalPhone: '13500000005', safetyManagerPhone: '13900000002' });
    expect(res.json().riskUnits).toEqual([{ id: ids.unit, name: '配料岗位', emergencyPhone: '15000000006' }]);
    const audit = callers.find((c) => c.name === 'audit_admin')!.client!;
    const entries = (await audit.get(`/api/audit?action=contact.reveal&entityId=${e1}`)).json().items;
    expect(entries[0]).toMatchObject({ action: 'contact.reveal', entityId: e1, after: { reason: '核实重大隐患整改' } });
    expect(JSON.stringify(entries)).not.toContain('13500000005');
    // Out of scope is not found; the district already sees the numbers and has no reveal.
    const park = callers.find((c) => c.name === 'park_officer')!.client!;
    expect((await park.post(`/api/enterprises/${NIL}/contacts/reveal`, { reason: '核实' })).statusCode).toBe(404);
    const district = callers.find((c) => c.name === 'district_officer')!.client!;
    expect((await district.post(`/api/enterprises/${e1}/contacts/reveal`, { reason: '核实' })).statusCode).toBe(403);
  });
});
