// The rewards tests' world: a district with streets A (甲街道) and B (乙街道), an enterprise and a park in A, a
// logged-in client per role in `as` (the citizen's account is the named reporter), and the steps every reward test
// takes: a report handled by street A and its verification finding. Shared by rewards.db.test.ts (the reward's
// workflow, rate, scope and vault), verification.db.test.ts (the finding and the credit entry) and
// system-actor.db.test.ts (the fine read from the penalty decision, the automatic lapse).
import { expect } from 'vitest';
import type { Role } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app';
import { loadConfig } from '../../../platform/config';
import { buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../../seed/factories';
import { rowsOf } from '../../../platform/db';
import { cstDate } from '../../../platform/time';

export let t: TestApp;
export const as: Record<string, Client> = {};
export const ids: Record<string, string> = {};
export let streetA: string;
export let enterpriseId: string;
export let enterpriseSector: string;
let ipSeq = 0;
/** The next number for a distinct remote address: the public form limits reports per address. */
export const nextIpSeq = () => ++ipSeq;
export const year = Number(cstDate().slice(0, 4));

export const REPORTER = { name: '赵实名', phone: '13812345670', idNumber: '440301198802021234' };

/** Builds the streets, the enterprise, the park and the logged-in clients `as` (user ids in `ids`) the tests use. */
export async function setUpRewardsWorld() {
  // One named reporter files many reports here; the per-phone limit of the public form (its own tests in
  // duplicates.db.test.ts) is lifted so that these tests are about rewards.
  const defaults = loadConfig({}, []);
  t = await buildTestApp({ reports: { ...defaults.reports, perPhonePerDay: 1000 } });
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district, name: '乙街道' });
  streetA = a.code;
  const ent = await buildEnterprise(db, { area: a, name: '甲五金厂' });
  enterpriseId = ent.id;
  enterpriseSector = ent.sector;
  const park = await buildPark(db, { street: a });
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>> | null) => {
    const u = await buildUser(db, { role, org });
    ids[key] = u.id;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', await buildOrg(db, { area: district }));
  await login('leader', 'district_leader', await buildOrg(db, { area: district }));
  await login('streetA', 'street_officer', await buildOrg(db, { area: a, kind: 'street_office' }));
  await login('streetB', 'street_officer', await buildOrg(db, { area: b, kind: 'street_office' }));
  await login(
    'industry',
    'industry_officer',
    await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
  );
  await login('park', 'park_officer', await buildOrg(db, { area: a, kind: 'park_station', parkId: park.id }));
  await login('citizen', 'public', null);
  await login('auditor', 'audit_admin', await buildOrg(db, { area: district }));
}

export const body = (o: Record<string, unknown> = {}) => ({
  category: 'hidden_danger',
  areaCode: streetA,
  address: '甲街道工业路8号',
  enterpriseName: '甲五金厂',
  occurredOn: cstDate(),
  description: '车间消防通道被货物堵塞，灭火器过期。',
  ...o,
});

export const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(query));

/** A report taken to 'handling' by street A; named (by the citizen's account) unless `anonymous`. */
export async function handledReport(o: { anonymous?: boolean; areaCode?: string; handler?: string } = {}) {
  const payload = body({ areaCode: o.areaCode ?? streetA, ...(o.anonymous ? {} : { reporter: REPORTER }) });
  const res = o.anonymous
    ? await t.app.inject({ method: 'POST', url: '/api/public/reports', payload, remoteAddress: `10.7.0.${++ipSeq}` })
    : await as.citizen!.request({ method: 'POST', url: '/api/public/reports', payload, remoteAddress: `10.8.0.${++ipSeq}` });
  expect(res.statusCode, res.body).toBe(200);
  const code = (res.json() as { trackingCode: string }).trackingCode;
  const [{ id }] = (await q<{ id: string }>(sql`select id from reports where tracking_code = ${code}`)) as [{ id: string }];
  const handler = as[o.handler ?? 'streetA']!;
  let v = (await handler.post(`/api/reports/${id}/act`, { action: 'accept', version: 1 })).json();
  v = (await handler.post(`/api/reports/${id}/act`, { action: 'assign', version: v.version })).json();
  expect(v.status).toBe('handling');
  return { id, code, version: v.version as number };
}

export async function verify(id: string, version: number, finding = 'verified', c = as.streetA!) {
  return c.post(`/api/reports/${id}/verification`, { finding, note: '经现场核查，消防通道确被堵塞', version });
}

export async function rewardOf(reportId: string) {
  const v = (await as.district!.get(`/api/reports/${reportId}/verification`)).json();
  return v.rewardId as string | null;
}

export async function eventsOf(type: string, entityId: string) {
  return t.database.db.query.domainEvents.findMany({ where: (e, { and, eq }) => and(eq(e.type, type), eq(e.entityId, entityId)) });
}
