// The assessment tests' world: a district with streets A (甲街道) and B (乙街道), a park in A and another district; the
// organisations assessed in `orgs`, a logged-in client per role in `as` (its user in `users`). The facts come from the
// platform's rollups (hazard_stats_monthly, accident_monthly_rollup), written here directly. Boundaries of the seeds'
// rules: Huiji 003 (−0.5 per 10 points short: street A exactly 10 short, street B 9.99 short), Liangping 004 (deaths
// −5 % on last year; 一票否决 on a larger accident: street B). Shared by assessment.db.test.ts (年度考核) and
// supervision.db.test.ts (工作督办's 约谈/通报).
import { sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildDistrict, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';

export let t: TestApp;
export const as: Record<string, Client> = {};
export const users: Record<string, { id: string }> = {};
export const orgs: Record<string, { id: string }> = {};
export let districtCode = '';

export async function count(table: string) {
  return rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
}
export async function auditActions(entityId: string) {
  return rowsOf<{ action: string }>(
    await t.database.db.execute(sql`select action from audit_log where entity_id = ${entityId} order by id`),
  ).map((r) => r.action);
}

/** Builds the areas, the organisations, the logged-in clients `as` and the rollups the scores are computed from. */
export async function setUpAssessmentWorld() {
  t = await buildTestApp();
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district, name: '乙街道' });
  const other = await buildDistrict(db, '另一区');
  const park = await buildPark(db, { street: a });
  districtCode = district.code;
  orgs.bureau = await buildOrg(db, { area: district, name: '区安委办' });
  orgs.streetA = await buildOrg(db, { area: a, kind: 'street_office', name: '甲街道办' });
  orgs.streetB = await buildOrg(db, { area: b, kind: 'street_office', name: '乙街道办' });
  orgs.hr = await buildOrg(db, { area: district, kind: 'industry_department', name: '区工信局', sectors: ['machinery'] });
  orgs.park = await buildOrg(db, { area: a, kind: 'park_station', name: '甲园区', parkId: park.id });
  orgs.far = await buildOrg(db, { area: other, name: '另一区应急管理局' });
  const login = async (key: string, role: Role, org: { id: string }) => {
    const u = await buildUser(db, { role, org: org as never, displayName: key });
    users[key] = u;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', orgs.bureau);
  await login('leader', 'district_leader', orgs.bureau);
  await login('streetA', 'street_officer', orgs.streetA);
  await login('streetB', 'street_officer', orgs.streetB);
  await login('hr', 'industry_officer', orgs.hr);
  await login('park', 'park_officer', orgs.park);
  await login('far', 'district_officer', orgs.far);

  // Hidden dangers of 2026 (cohort rollup): A 40 of 50 on time = 80 % (exactly 10 short of 90);
  // B 8001 of 10000 = 80.01 % (9.99 short); the department's sector at district level 10 of 10.
  const hz = (len: number, code: string, sector: string, found: number, closed: number, late: number) => sql`
    insert into hazard_stats_monthly (area_len, area_code, park_key, sector, source, grade, month, found, closed, closed_late, close_days)
    values (${len}, ${code}, '', ${sector}, 'self_check', 'general', '2026-03', ${found}, ${closed}, ${late}, 0)`;
  await db.execute(hz(9, a.code, 'machinery', 50, 45, 5));
  await db.execute(hz(9, b.code, 'trade', 10000, 8001, 0));
  await db.execute(hz(6, district.code, 'machinery', 10, 10, 0));
  // Accidents: A 20 deaths in 2025 and 19 in 2026 (exactly 5 % down, Liangping 004); B 3 and 3, and a larger one in 2026.
  const acc = (code: string, level: string, year: number, n: number, deaths: number) => sql`
    insert into accident_monthly_rollup (area_code, sector, category, type_key, cause_category, level, year, month, accidents, deaths)
    values (${code}, '', 'production', 'GB6441-2025:P03', 'undetermined', ${level}, ${year}, 5, ${n}, ${deaths})`;
  await db.execute(acc(a.code, 'general', 2025, 10, 20));
  await db.execute(acc(a.code, 'general', 2026, 9, 19));
  await db.execute(acc(b.code, 'general', 2025, 3, 3));
  await db.execute(acc(b.code, 'larger', 2026, 1, 3));
}
