// Issue 16 (first slice): the 三项岗位 holding rate read from the maintained per-enterprise summaries against the plain
// GROUP BY over people and certificates beside it (the issue asks ≥ 10× at province scale, p95 < 300 ms), and the
// expiry/review list for a district (p95 < 100 ms), on PGlite and (when reachable) PostgreSQL. BENCH_PEOPLE_ENTERPRISES
// sets the number of enterprises (default 1000, six people each, most with a certificate).
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../server/src/platform/actor';
import { rowsOf, type Database } from '../../../server/src/platform/db';
import { buildCommunity, buildDistrict, buildEnterprise, buildStreet } from '../../../server/src/seed/factories';
import { findCertificates, findRates, refreshSummary } from '../../../server/src/modules/people/people.queries';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const E = Number(process.env.BENCH_PEOPLE_ENTERPRISES ?? 1000);
const RUNS = Number(process.env.BENCH_PEOPLE_RUNS ?? 100);
const today = '2026-12-01';

async function world(d: Database) {
  const district = await buildDistrict(d.db);
  const communities = [];
  for (let s = 0; s < 5; s++) communities.push(await buildCommunity(d.db, { street: await buildStreet(d.db, { district }) }));
  const sectors = ['machinery', 'construction', 'chemicals', 'commerce'];
  for (let i = 0; i < E; i++) await buildEnterprise(d.db, { area: communities[i % 5], sector: sectors[i % 4] as never });
  await d.db.execute(sql`
    insert into people (enterprise_id, area_code, sector, park_id, name, id_number_sealed, id_number_key_id, id_number_masked,
                        id_number_hash, post, employed_from)
    select e.id, e.area_code, e.sector, e.park_id, '基准' || g, 'sealed', 'k', '440307********0000', md5(e.id::text || g),
           (array['principal', 'safety_manager', 'special_operator', 'special_operator', 'special_operator', 'other'])[g], '2020-01-01'
    from enterprises e, generate_series(1, 6) g`);
  await d.db.execute(sql`
    insert into certificates (person_id, enterprise_id, area_code, sector, park_id, kind, operation_item, number, issuer,
                              issued_on, expires_on, next_review_on, due_on)
    select p.id, p.enterprise_id, p.area_code, p.sector, p.park_id, c.kind, c.item, 'N' || p.id, '基准应急管理局',
           c.issued, c.expires, c.review, coalesce(c.review, c.expires)
    from people p
    cross join lateral (select ${today}::date - (abs(hashtext(p.id::text)) % 1400) as issued) i
    cross join lateral (
      select case when p.post = 'special_operator' then 'special_operation' else 'safety_qualification' end as kind,
             case when p.post = 'special_operator' then '1.2' end as item,
             i.issued,
             (i.issued + interval '6 years')::date as expires,
             case when p.post = 'special_operator' then (i.issued + interval '3 years')::date end as review
    ) c
    where p.post <> 'other' and abs(hashtext(p.id::text || 'c')) % 10 <> 0`);
  const ids = rowsOf<{ id: string }>(await d.db.execute(sql`select id from enterprises`));
  for (const { id } of ids) await refreshSummary(d.db, id, today);
  return district.code;
}

async function onEngine(engine: string, d: Database): Promise<ScenarioResult[]> {
  const districtCode = await world(d);
  const actor = {
    id: '00000000-0000-4000-8000-000000000001',
    role: 'district_officer',
    scopeKind: 'area',
    areaCode: districtCode,
    areaPrefix: districtCode.slice(0, 6),
    sectors: [],
    parkId: null,
    enterpriseId: null,
  } as unknown as Actor;
  const summary = () => findRates(d.db, actor, { groupBy: 'area', page: 1, pageSize: 50 });
  const groupBy = () =>
    d.db.execute(sql`
      select left(p.area_code, 9) as key,
             count(*) filter (where exists (
               select 1 from certificates c where c.person_id = p.id and c.revoked_on is null and c.due_on >= ${today}
                 and c.kind = case when p.post = 'special_operator' then 'special_operation' else 'safety_qualification' end))::int as holders,
             count(*)::int as people
      from people p
      where p.area_code like ${`${actor.areaPrefix}%`} and p.post in ('principal', 'safety_manager', 'special_operator')
        and p.employed_from <= ${today} and (p.employed_to is null or p.employed_to >= ${today})
      group by 1`);
  const expiry = () => findCertificates(d.db, actor, { dueWithinDays: 60, page: 1, pageSize: 20 }, today);
  for (let i = 0; i < 5; i++) await Promise.all([summary(), groupBy(), expiry()]);
  const s: number[] = [];
  const g: number[] = [];
  const x: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [fn, out] of (i % 2
      ? [
          [summary, s],
          [groupBy, g],
        ]
      : [
          [groupBy, g],
          [summary, s],
        ]) as [() => Promise<unknown>, number[]][]) {
      const t0 = performance.now();
      await fn();
      out.push(performance.now() - t0);
    }
    const t0 = performance.now();
    await expiry();
    x.push(performance.now() - t0);
  }
  const ps = percentiles(s);
  const pg = percentiles(g);
  const px = percentiles(x);
  const notes = `${E} enterprises, ${E * 6} people; sequential, in process (no HTTP)`;
  return [
    {
      name: 'people-rates',
      engine,
      metrics: { summaryRates: ps, plainGroupBy: pg },
      ratios: { p50: ps.p50ms / pg.p50ms, p95: ps.p95ms / pg.p95ms },
      targets: { ratesP95ms: { limit: 300, met: ps.p95ms < 300 } },
      notes: `${notes}; ratio = summary / plain GROUP BY (issue target ≤ 0.1 at province scale)`,
    },
    {
      name: 'people-expiry-list',
      engine,
      metrics: { expiryList: px },
      ratios: {},
      targets: { expiryP95ms: { limit: 100, met: px.p95ms < 100 } },
      notes,
    },
  ];
}

export function peopleScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_people', onEngine);
}
