// Issue 16 §8: the 三项岗位 holding rate read from the maintained per-enterprise summaries (findRates) against the plain
// GROUP BY over people and certificates beside it (the issue asks p95 < 300 ms and ≥ 10× at province scale), grouped
// by area (street) and by sector, at a district officer's scope and a province-wide one; and the expiry/review list
// (findCertificates, due within 60 days) for a district (p95 < 100 ms).
//
// The world is generated set-based with generate_series, on both engines by the same SQL: a synthetic province of
// CITIES × 5 districts × 10 streets × 5 communities, enterprises laid out in area order (so the area indexes fill
// in order), six people each (principal, safety manager, three special operators, an equipment operator; about 1 in
// 100 starts in the future, 3 in 100 have left, 1 in 100 leaves soon), a current certificate for 9 in 10 of them and
// the one it renewed for 7 in 10 (≈ 9.6 certificates an enterprise), 1 in 97 revoked; special-operations
// certificates past their 3-year review reviewed in the window 3 times in 4 and lapsed otherwise. Ids are sequential
// (never a command's random v4 id) so the primary keys fill in order. The maintained summaries are then rebuilt from
// people ⟕ certificates with the rule of computeSummary as one GROUP BY per chunk, and a sample of enterprises is
// checked against computeSummary itself (the rule functions the commands use) before anything is timed.
//
// PGlite: BENCH_PEOPLE_ENTERPRISES (default 1,000) in one city. PostgreSQL: BENCH_PEOPLE_PG_ENTERPRISES (default
// 833,334 = 5,000,004 people, ≈ 8M certificates) in 20 cities, in its own database (BENCH_PEOPLE_DB, default
// anjian_bench_people), kept between runs while the size is the same (a marker table records it).
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../server/src/platform/actor';
import { openPglite, rowsOf, type Database } from '../../../server/src/platform/db';
import { computeSummary, findCertificates, findRates } from '../../../server/src/modules/people/people.queries';
import { percentiles, type Latency, type ScenarioResult } from '../lib';
import { openDirect } from '../direct';
import { ensureDatabase, pgAvailable } from './enterprises';

const LITE_E = Number(process.env.BENCH_PEOPLE_ENTERPRISES ?? 1000);
const PG_E = Number(process.env.BENCH_PEOPLE_PG_ENTERPRISES ?? 833_334);
const RUNS = Number(process.env.BENCH_PEOPLE_RUNS ?? 100);
const DB = process.env.BENCH_PEOPLE_DB ?? 'anjian_bench_people';
const CHUNK = Number(process.env.BENCH_PEOPLE_CHUNK ?? 50_000);
const today = '2026-12-01';
const DISTRICT = '446001';

const uuidOf = (group: string, n: SQL) => sql`('00000000-0000-4000-${sql.raw(group)}-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const ent = (n: SQL) => uuidOf('8000', n);
const person = (n: SQL) => uuidOf('8001', n);
const cert = (n: SQL) => uuidOf('8002', n);

/** Enterprise n (1-based) of e: its community, in area order (k = the community's index, 250 a city). */
function areaOf(n: SQL, e: number, communities: number) {
  const k = sql`((${n} - 1)::bigint * ${communities} / ${e})`;
  return sql`('44' || (60 + ${k} / 250) || lpad((${k} / 50 % 5 + 1)::text, 2, '0') || lpad((${k} / 5 % 10 + 1)::text, 3, '0')
              || lpad((${k} % 5 + 1)::text, 3, '0'))`;
}
const sectorOf = (n: SQL) => sql`(array['machinery', 'construction', 'chemicals', 'commerce'])[1 + ${n} % 4]`;

async function areas(d: Database, cities: number) {
  await d.db.execute(sql`
    insert into areas (code, name, level, parent_code, prefix) values ('440000', '省', 'province', null, '44') on conflict do nothing`);
  await d.db.execute(sql`
    with ci as (select '44' || c || '00' as code, '44' || c as prefix, c from generate_series(60, ${59 + cities}::int) c),
         di as (select ci.prefix || lpad(dd::text, 2, '0') as code, ci.code as parent, dd from ci, generate_series(1, 5) dd),
         st as (select di.code || lpad(s::text, 3, '0') as code, di.code as parent, s from di, generate_series(1, 10) s),
         cm as (select st.code || lpad(m::text, 3, '0') as code, st.code as parent, m from st, generate_series(1, 5) m)
    insert into areas (code, name, level, parent_code, prefix)
    select code, '市' || c, 'city', '440000', prefix from ci
    union all select code, '区' || dd, 'district', parent, code from di
    union all select code, '街道' || s, 'street', parent, code from st
    union all select code, '社区' || m, 'community', parent, code from cm
    on conflict do nothing`);
}

/** The enterprises lo..hi, their people and certificates, in one transaction (the foreign keys hold by construction). */
async function loadChunk(d: Database, e: number, communities: number, lo: number, hi: number) {
  const n = sql`n`;
  const area = areaOf(n, e, communities);
  await d.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into enterprises (id, name, credit_code, unit_type, address, area_code, sector, employees)
      select ${ent(n)}, '基准三项岗位企业' || n, 'BENCHP' || lpad(n::text, 12, '0'), 'enterprise', '基准路' || n || '号', ${area},
             ${sectorOf(n)}, 20 + n % 200
        from generate_series(${lo}::bigint, ${hi}::bigint) n`);
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      insert into people (id, enterprise_id, area_code, sector, name, id_number_sealed, id_number_key_id, id_number_masked,
                          id_number_hash, post, employed_from, employed_to)
      select ${person(sql`(n - 1) * 6 + g`)}, ${ent(n)}, ${area}, ${sectorOf(n)}, '基准' || n || '-' || g, 'sealed', 'k',
             '440307********0000', md5(((n - 1) * 6 + g)::text),
             (array['principal', 'safety_manager', 'special_operator', 'special_operator', 'special_operator', 'equipment_operator'])[g],
             case when h % 100 = 0 then ${today}::date + 20 + h % 40 else ${today}::date - 300 - h % 3000 end,
             case when h % 100 between 1 and 3 then ${today}::date - 1 - h % 290
                  when h % 100 = 4 then ${today}::date + 10 + h % 80 end
        from generate_series(${lo}::bigint, ${hi}::bigint) n cross join generate_series(1, 6) g
        cross join lateral (select abs(hashtext(n || '-' || g)) as h) x`);
    // k = 1: the current certificate (9 in 10 people); k = 2: the one it renewed (7 in 10), expired on the day the
    // current one was issued.
    await tx.execute(sql`
      insert into certificates (id, person_id, enterprise_id, area_code, sector, kind, operation_item, number, issuer,
                                issued_on, expires_on, reviewed_on, next_review_on, due_on, revoked_on, revoke_reason, standing)
      select ${cert(sql`((n - 1) * 6 + g) * 2 + k - 2`)}, ${person(sql`(n - 1) * 6 + g`)}, ${ent(n)}, ${area}, ${sectorOf(n)},
             kd.kind, case when kd.kind = 'special_operation' then '1.2' end, 'N' || n || '-' || g || '-' || k, '基准应急管理局',
             i.issued, s.expires, s.reviewed, s.review, coalesce(s.review, s.expires),
             r.revoked, case when r.revoked is not null then '基准撤销' end, case when r.revoked is not null then 'revoked' else 'held' end
        from generate_series(${lo}::bigint, ${hi}::bigint) n cross join generate_series(1, 6) g cross join generate_series(1, 2) k
        cross join lateral (select abs(hashtext(n || '-' || g || '-c')) as h) x
        cross join lateral (select case when g = 6 then 'special_equipment' when g >= 3 then 'special_operation'
                                        else 'safety_qualification' end as kind,
                                   case when g = 6 then 4 when g >= 3 then 6 else 3 end as years) kd
        cross join lateral (select ${today}::date - (x.h / 10 % 1400)::int as current) c
        cross join lateral (select case when k = 1 then c.current else (c.current - make_interval(years => kd.years))::date end as issued) i
        cross join lateral (
          select (i.issued + make_interval(years => kd.years))::date as expires,
                 (i.issued + interval '3 years')::date as review_due
        ) y
        cross join lateral (
          select y.expires,
                 case when kd.kind = 'special_operation' and (k = 2 or (y.review_due < ${today}::date and x.h % 4 <> 0))
                      then y.review_due - 30 end as reviewed,
                 case when kd.kind = 'special_operation' and not (k = 2 or (y.review_due < ${today}::date and x.h % 4 <> 0))
                      then y.review_due end as review
        ) s
        cross join lateral (select case when k = 1 and x.h % 97 = 0 then ${today}::date - 1 - x.h % 30 end as revoked) r
       where (k = 1 and x.h % 10 <> 0) or (k = 2 and x.h % 10 between 1 and 7)`);
  });
}

/**
 * The maintained summaries of enterprises lo..hi, set-based: computeSummary's rule (people.queries.ts) as one GROUP
 * BY — people employed today in a 三项岗位 post, those of them holding a certificate of the post's kind that is not
 * revoked and not past its due date, and the first day the counts may change without a write.
 */
async function rebuildSummaries(d: Database, lo: number, hi: number) {
  await d.db.execute(sql`
    insert into people_summaries (enterprise_id, area_code, sector, park_id, post_people, post_holders, computed_on, next_change_on)
    select e.id, e.area_code, e.sector, e.park_id,
           count(p.id) filter (where p.cur)::int, count(p.id) filter (where p.cur and v.best is not null)::int, ${today},
           least(min(p.employed_from) filter (where p.employed_from > ${today}),
                 min(p.employed_to + 1) filter (where p.cur and p.employed_to is not null),
                 min(v.best + 1) filter (where p.cur))
      from enterprises e
      left join (
        select id, enterprise_id, employed_from, employed_to,
               employed_from <= ${today} and (employed_to is null or employed_to >= ${today}) as cur,
               case when post = 'special_operator' then 'special_operation' else 'safety_qualification' end as kind
          from people
         where enterprise_id between ${ent(sql`${lo}::bigint`)} and ${ent(sql`${hi}::bigint`)}
           and post in ('principal', 'safety_manager', 'special_operator')
      ) p on p.enterprise_id = e.id
      left join (
        select person_id, kind, max(due_on) as best
          from certificates
         where enterprise_id between ${ent(sql`${lo}::bigint`)} and ${ent(sql`${hi}::bigint`)}
           and (revoked_on is null or revoked_on > ${today}) and due_on >= ${today}
         group by 1, 2
      ) v on v.person_id = p.id and v.kind = p.kind
     where e.id between ${ent(sql`${lo}::bigint`)} and ${ent(sql`${hi}::bigint`)}
     group by e.id
    on conflict (enterprise_id) do update set post_people = excluded.post_people, post_holders = excluded.post_holders,
      computed_on = excluded.computed_on, next_change_on = excluded.next_change_on, updated_at = now()`);
}

async function buildWorld(d: Database, e: number, cities: number): Promise<Record<string, number>> {
  const steps: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    steps[name] = Math.round((performance.now() - t0) / 100) / 10;
    if (e > 10_000) console.log(`  ${name}: ${steps[name]} s`);
  };
  const communities = cities * 250;
  await step('areas', () => areas(d, cities));
  for (let lo = 1; lo <= e; lo += CHUNK) {
    const hi = Math.min(e, lo + CHUNK - 1);
    await step(`load ${lo}-${hi}`, () => loadChunk(d, e, communities, lo, hi));
  }
  await step('analyze', async () => {
    for (const t of ['enterprises', 'people', 'certificates']) await d.db.execute(sql.raw(`analyze ${t}`));
  });
  for (let lo = 1; lo <= e; lo += CHUNK * 4) {
    const hi = Math.min(e, lo + CHUNK * 4 - 1);
    await step(`summaries ${lo}-${hi}`, () => rebuildSummaries(d, lo, hi));
  }
  await step('vacuum analyze', async () => {
    for (const t of ['enterprises', 'people', 'certificates', 'people_summaries', 'areas'])
      await d.db.execute(sql.raw(`vacuum analyze ${t}`));
  });
  return steps;
}

/** The set-based summaries equal computeSummary's (the commands' rule functions) for a spread of enterprises. */
async function verify(d: Database, e: number) {
  const picks = Array.from({ length: 40 }, (_, i) => 1 + Math.floor((i * (e - 1)) / 39));
  for (const n of picks) {
    const id = rowsOf<{ id: string }>(await d.db.execute(sql`select ${ent(sql`${n}::bigint`)}::text as id`))[0]!.id;
    const want = await computeSummary(d.db, id, today);
    const [got] = rowsOf<{ post_people: number; post_holders: number; next_change_on: string | null }>(
      await d.db.execute(sql`select post_people, post_holders, next_change_on::text from people_summaries where enterprise_id = ${id}`),
    );
    const a = `${want.postPeople}/${want.postHolders}/${want.nextChangeOn}`;
    const b = `${got?.post_people}/${got?.post_holders}/${got?.next_change_on ?? null}`;
    if (a !== b) throw new Error(`people: the set-based summary of enterprise ${n} (${b}) differs from computeSummary's (${a})`);
  }
}

const officer = (areaCode: string, prefix: string) =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    role: 'district_officer',
    scopeKind: 'area',
    areaCode,
    areaPrefix: prefix,
    sectors: [],
    parkId: null,
    enterpriseId: null,
  }) as unknown as Actor;

/** The same figures as findRates straight from people and certificates (no summary). */
function plainGroupBy(d: Database, prefix: string, by: 'area' | 'sector') {
  const key = by === 'area' ? sql`left(p.area_code, 9)` : sql`p.sector`;
  return d.db.execute(sql`
    select ${key} as key,
           count(*) filter (where exists (
             select 1 from certificates c where c.person_id = p.id and (c.revoked_on is null or c.revoked_on > ${today})
               and c.due_on >= ${today}
               and c.kind = case when p.post = 'special_operator' then 'special_operation' else 'safety_qualification' end))::int as holders,
           count(*)::int as people
    from people p
    where p.area_code like ${`${prefix}%`} and p.post in ('principal', 'safety_manager', 'special_operator')
      and p.employed_from <= ${today} and (p.employed_to is null or p.employed_to >= ${today})
    group by 1 order by 1`);
}

const time = async (fn: () => Promise<unknown>, out: number[]) => {
  const t0 = performance.now();
  await fn();
  out.push(performance.now() - t0);
};

async function measure(engine: string, d: Database, e: number, extra: Record<string, unknown>): Promise<ScenarioResult[]> {
  await verify(d, e);
  const counts = rowsOf<{ people: number; certificates: number }>(
    await d.db.execute(sql`select (select count(*) from people)::int as people, (select count(*) from certificates)::int as certificates`),
  )[0]!;
  const scopes = [
    { key: 'district', actor: officer(DISTRICT, DISTRICT), baseRuns: Math.min(RUNS, 20) },
    { key: 'province', actor: officer('440000', '44'), baseRuns: engine === 'postgres' ? 5 : Math.min(RUNS, 20) },
  ];
  // Correctness of the read: the district's street rows from the summaries equal the plain GROUP BY's.
  const api = await findRates(d.db, scopes[0]!.actor, { groupBy: 'area', page: 1, pageSize: 100 });
  const base = rowsOf<{ key: string; holders: number; people: number }>(await plainGroupBy(d, DISTRICT, 'area'));
  const a = api.rows.map((r) => `${r.key} ${r.holders}/${r.people}`).join('; ');
  const b = base.map((r) => `${r.key} ${r.holders}/${r.people}`).join('; ');
  if (a !== b) throw new Error(`people: findRates differs from the GROUP BY for the district: ${a.slice(0, 200)} vs ${b.slice(0, 200)}`);

  const results: ScenarioResult[] = [];
  const rates: Record<string, { summary: Latency; groupBy: Latency }> = {};
  for (const s of scopes) {
    for (const by of ['area', 'sector'] as const) {
      const summary = () => findRates(d.db, s.actor, { groupBy: by, page: 1, pageSize: 50 });
      const groupBy = () => plainGroupBy(d, s.actor.areaPrefix!, by);
      for (let i = 0; i < 3; i++) await summary();
      await groupBy();
      const sm: number[] = [];
      const gb: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        if (i < s.baseRuns) {
          for (const real of i % 2 ? [true, false] : [false, true]) await (real ? time(summary, sm) : time(groupBy, gb));
        } else await time(summary, sm);
      }
      rates[`${s.key}By${by === 'area' ? 'Area' : 'Sector'}`] = { summary: percentiles(sm), groupBy: percentiles(gb) };
    }
  }
  const expiry: Record<string, Latency> = {};
  for (const s of scopes) {
    const list = () => findCertificates(d.db, s.actor, { dueWithinDays: 60, page: 1, pageSize: 20 }, today);
    for (let i = 0; i < 3; i++) await list();
    const x: number[] = [];
    for (let i = 0; i < RUNS; i++) await time(list, x);
    expiry[s.key] = percentiles(x);
  }
  const [due] = rowsOf<{ n: number; enterprises: number }>(
    await d.db.execute(sql`select count(*)::int as n,
                                  (select count(*) from enterprises where area_code like ${`${DISTRICT}%`})::int as enterprises
                             from certificates where area_code like ${`${DISTRICT}%`} and revoked_on is null
                              and due_on between ${today} and ${today}::date + 60`),
  );
  const notes =
    `${e.toLocaleString('en')} enterprises, ${counts.people.toLocaleString('en')} people, ${counts.certificates.toLocaleString('en')} ` +
    `certificates; district ${DISTRICT} = ${due?.enterprises ?? 0} enterprises; sequential, in process (no HTTP)`;
  const worst = Math.max(...Object.values(rates).map((r) => r.summary.p95ms));
  const prov = [rates.provinceByArea!, rates.provinceBySector!];
  const provRatio = Math.max(...prov.map((r) => r.summary.p95ms / r.groupBy.p95ms));
  results.push({
    name: 'people-rates',
    engine,
    metrics: {
      ...rates,
      ...extra,
      people: counts.people,
      certificates: counts.certificates,
      verified: 'district rows equal; 40 summaries = computeSummary',
    },
    ratios: Object.fromEntries(Object.entries(rates).map(([k, r]) => [`${k}P95`, r.summary.p95ms / r.groupBy.p95ms])),
    targets: {
      'rates p95 < 300 ms (every scope and grouping)': { limit: 300, met: worst < 300 },
      'province ≥ 10× faster than the plain GROUP BY (ratio ≤ 0.1)': { limit: 0.1, met: provRatio <= 0.1 },
    },
    notes: `${notes}; findRates (page of 50 + totals) from people_summaries vs the plain GROUP BY over people ⋉ certificates, interleaved (${scopes[1]!.baseRuns} GROUP BY runs at province)`,
  });
  results.push({
    name: 'people-expiry-list',
    engine,
    metrics: { district: expiry.district, province: expiry.province, districtDueWithin60Days: due?.n ?? 0 },
    ratios: {},
    targets: { 'district p95 < 100 ms': { limit: 100, met: expiry.district!.p95ms < 100 } },
    notes: `${notes}; findCertificates dueWithinDays 60, page of 20 + total`,
  });
  return results;
}

async function worldReady(d: Database, e: number): Promise<boolean> {
  const [t] = rowsOf<{ ok: boolean }>(await d.db.execute(sql`select to_regclass('bench_people_world') is not null as ok`));
  if (!t?.ok) return false;
  const [m] = rowsOf<{ enterprises: number }>(await d.db.execute(sql`select enterprises from bench_people_world`));
  return m?.enterprises === e;
}

export async function peopleScenario(): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const lite = await openPglite(null);
  try {
    await lite.migrate();
    const seconds = await buildWorld(lite, LITE_E, 1);
    results.push(...(await measure('pglite', lite, LITE_E, { worldSeconds: Object.values(seconds).reduce((x, y) => x + y, 0) })));
  } finally {
    await lite.close();
  }
  if (!(await pgAvailable())) return results;
  let direct = await openDirect({ databaseUrl: await ensureDatabase(DB, false) });
  try {
    await direct.migrate();
    let worldSeconds: Record<string, number> | null = null;
    if (!(await worldReady(direct, PG_E))) {
      await direct.close();
      direct = await openDirect({ databaseUrl: await ensureDatabase(DB, true) });
      await direct.migrate();
      const t0 = performance.now();
      worldSeconds = await buildWorld(direct, PG_E, 20);
      worldSeconds.total = Math.round((performance.now() - t0) / 1000);
      await direct.db.execute(sql`create table bench_people_world (enterprises int not null, seconds jsonb not null)`);
      await direct.db.execute(sql`insert into bench_people_world values (${PG_E}, ${JSON.stringify(worldSeconds)}::jsonb)`);
    }
    results.push(...(await measure('postgres', direct, PG_E, { worldSeconds })));
  } finally {
    await direct.close();
  }
  return results;
}
