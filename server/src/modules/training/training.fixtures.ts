// The training tests' world: a district with two streets and a park, three enterprises, and a logged-in client per
// role in `as`; helpers shared by training.db.test.ts (sessions and hours) and exams.db.test.ts (online exams).
import { expect } from 'vitest';
import type { Role } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { cstDate } from '../../platform/time';

export let t: TestApp;
export const as: Record<string, Client> = {};
export const ents: Record<string, string> = {};
export const areas: Record<string, string> = {};
export const today = cstDate();
export const year = Number(today.slice(0, 4));

export function idNumber(seq: number): string {
  const body = `440307198${seq % 10}0101${String(100 + seq).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}
let seq = 0;

/** Builds the district, streets, park, enterprises and the logged-in clients `as` the tests use. */
export async function setUpTrainingWorld() {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  const park = await buildPark(db, { street: streetA });
  const commA = await buildCommunity(db, { street: streetA });
  areas.district = district.code;
  areas.streetA = streetA.code;
  areas.streetB = streetB.code;
  ents.a = (await buildEnterprise(db, { area: commA, sector: 'hazardous_chemicals' })).id;
  ents.b = (await buildEnterprise(db, { area: await buildCommunity(db, { street: streetB }), sector: 'construction' })).id;
  ents.p = (await buildEnterprise(db, { area: commA, sector: 'machinery', parkId: park.id })).id;
  const login = async (key: string, role: Role, o: Record<string, unknown>) => {
    const u = await buildUser(db, { role, ...o } as Parameters<typeof buildUser>[1]);
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('entA', 'enterprise_principal', { enterpriseId: ents.a, org: null });
  await login('entA2', 'enterprise_safety_manager', { enterpriseId: ents.a, org: null });
  await login('entA2', 'enterprise_safety_manager', { enterpriseId: ents.a, org: null });
  await login('entB', 'enterprise_safety_manager', { enterpriseId: ents.b, org: null });
  await login('district', 'district_officer', { org: await buildOrg(db, { area: district }) });
  await login('streetA', 'street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office' }) });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
  await login('zhujian', 'industry_officer', {
    org: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
  });
  await login('park', 'park_officer', { org: await buildOrg(db, { area: streetA, kind: 'park_station', parkId: park.id }) });
}

export async function addPerson(c: Client, o: Record<string, unknown> = {}) {
  const res = await c.post('/api/people', { name: '张伟', idNumber: idNumber(++seq), post: 'principal', employedFrom: '2015-04-01', ...o });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; idNumber: string };
}

export async function expect400(c: Client, method: 'POST' | 'PUT', url: string, payload: unknown, label = '') {
  const zh = await c.request({ method, url, payload: payload as never });
  expect(zh.statusCode, `${label} ${zh.body}`).toBe(400);
  const dz = zh.json().error.details[0];
  expect(dz.field).toBeTruthy();
  expect(dz.message).toMatch(/[\u4e00-\u9fff]/);
  const en = await c.request({ method, url, payload: payload as never, headers: { 'accept-language': 'en' } });
  expect(en.statusCode).toBe(400);
  expect(en.json().error.details[0].message).toMatch(/^[\x20-\x7e’–—“”]+$/);
}

export const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
export const audits = async (action: string, id: string) =>
  rowsOf<{ n: number }>(
    await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${id}`),
  )[0]!.n;

export const sessionBody = (o: Record<string, unknown> = {}) => ({
  title: '安全生产培训日（月度）',
  kind: 'refresher',
  hours: 16,
  date: today,
  mode: 'onsite',
  place: '街道安全生产活动园地',
  lecturerName: '王讲师',
  ...o,
});
