// Issue 15 (first slice): the cost of one public 举报 submission through the real command — area check, tracking
// code, the one writer (row + state_transitions + outbox event), the sealed reporter, the audit entry — against a bare
// insert of the same report row, interleaved in one run, on PGlite and (when reachable) PostgreSQL. Target from the
// issue: p95 < 300 ms. BENCH_REPORTS sets the number of submissions (default 300).
// Second slice: the same submission from many concurrent clients (each its own address and phone, so the abuse
// controls run their counts: per-phone HMAC marks, the per-address challenge threshold) against bare inserts at the
// same concurrency; and duplicate suggestion (scope + window + same enterprise, bbox on lat/lon then haversine) over
// generated reports against the same SQL written directly: BENCH_REPORT_ROWS on PGlite (50,000 over a city),
// BENCH_REPORT_PG_ROWS on PostgreSQL (the province: 2,000,000, target < 100 ms p95).
import { sql } from 'drizzle-orm';
import { roleScopeKind, type PublicReportBody } from '@anjian/contracts';
import type { Actor } from '../../../server/src/platform/actor';
import { findDuplicateCandidates } from '../../../server/src/modules/reports/duplicates.queries';
import { boundingBox } from '../../../server/src/modules/emergency/nearest';
import { reports } from '../../../server/src/db/schema';
import { openPglite, rowsOf, type Database } from '../../../server/src/platform/db';
import { buildDistrict, buildStreet } from '../../../server/src/seed/factories';
import { submitReport } from '../../../server/src/modules/reports/commands/submit-report';
import { openDirect } from '../direct';
import { percentiles, timeIt, type ScenarioResult } from '../lib';
import { ensureDatabase, pgAvailable } from './enterprises';

const N = Number(process.env.BENCH_REPORTS ?? 300);

async function onEngine(engine: string, d: Database): Promise<ScenarioResult> {
  const street = await buildStreet(d.db, { district: await buildDistrict(d.db) });
  const body = (i: number): PublicReportBody => ({
    category: 'hidden_danger',
    areaCode: street.code,
    address: `基准街道工业路${i}号`,
    occurredOn: '2026-11-20',
    description: '车间消防通道被货物堵塞，灭火器过期。',
    reporter: i % 2 === 0 ? { name: '基准举报人', phone: '13900000000' } : undefined,
  });
  const today = '2026-12-01';
  const submit = (i: number) => submitReport(d.db, { actor: null, ip: '127.0.0.1', vaultKey: 'bench', today }, body(i));
  const bare = (i: number) =>
    d.db.insert(reports).values({
      trackingCode: `BARE${i}${Math.random().toString(36).slice(2, 10)}`,
      category: 'hidden_danger',
      channel: 'online',
      areaCode: street.code,
      address: body(i).address,
      occurredOn: '2026-11-20',
      description: body(i).description,
      submittedOn: today,
      acceptDue: '2026-12-08',
    });
  for (let i = 0; i < 10; i++) await (i % 2 ? submit(i) : bare(i));
  const subject: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < N; i++) {
    for (const real of i % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      await (real ? submit(i) : bare(i));
      (real ? subject : baseline).push(performance.now() - t0);
    }
  }
  await d.db.execute(sql`select 1`);
  const s = percentiles(subject);
  const b = percentiles(baseline);
  return {
    name: 'reports-submit',
    engine,
    metrics: { submit: s, bareInsert: b },
    ratios: { p50: s.p50ms / b.p50ms, p95: s.p95ms / b.p95ms },
    targets: { submitP95ms: { limit: 300, met: s.p95ms < 300 } },
    notes: 'sequential, in process (no HTTP); baseline: one insert of the same row',
  };
}

const CLIENTS = Number(process.env.BENCH_REPORT_CLIENTS ?? 16);
// Duplicate suggestion: a city's reports over a 0.5° box on PGlite; on PostgreSQL the province, 2M reports
// over a 4° box (Guangdong spans about 5.5° of latitude and 7.5° of longitude).
const DUP = {
  pglite: { rows: Number(process.env.BENCH_REPORT_ROWS ?? 50_000), box: 0.5 },
  postgres: { rows: Number(process.env.BENCH_REPORT_PG_ROWS ?? 2_000_000), box: 4 },
};
const LIMITS = { perPhonePerDay: 1_000_000, challengeAfterPerHour: 1_000_000 };

async function concurrent(engine: string, d: Database): Promise<ScenarioResult> {
  const street = await buildStreet(d.db, { district: await buildDistrict(d.db) });
  const today = '2026-12-01';
  const body = (i: number): PublicReportBody => ({
    category: 'hidden_danger',
    areaCode: street.code,
    address: `并发街道工业路${i}号`,
    occurredOn: '2026-11-20',
    description: '车间消防通道被货物堵塞，灭火器过期。',
    reporter: { name: '并发举报人', phone: `139${String(i % CLIENTS).padStart(8, '0')}` },
  });
  const submit = (i: number) =>
    submitReport(
      d.db,
      { actor: null, ip: `10.1.0.${i % CLIENTS}`, vaultKey: 'bench', today, abuse: { limits: LIMITS, challenge: 'none' } },
      body(i),
    );
  const bare = (i: number) =>
    d.db.insert(reports).values({
      trackingCode: `CBARE${i}${Math.random().toString(36).slice(2, 10)}`,
      category: 'hidden_danger',
      channel: 'online',
      areaCode: street.code,
      address: body(i).address,
      occurredOn: '2026-11-20',
      description: body(i).description,
      submittedOn: today,
      acceptDue: '2026-12-08',
    });
  const t0 = performance.now();
  const s = await timeIt(submit, N, CLIENTS);
  const wall = performance.now() - t0;
  const b = await timeIt(bare, N, CLIENTS);
  return {
    name: 'reports-submit-concurrent',
    engine,
    metrics: { submit: s, bareInsert: b, clients: CLIENTS, reportsPerSecond: (N / wall) * 1000 },
    ratios: { p50: s.p50ms / b.p50ms, p95: s.p95ms / b.p95ms },
    targets: { submitP95ms: { limit: 300, met: s.p95ms < 300 } },
    notes: `${CLIENTS} concurrent clients in process, abuse controls counting; baseline: bare inserts at the same concurrency`,
  };
}

const benchActor: Actor = {
  id: '00000000-0000-4000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: 'district_officer',
  orgId: null,
  orgName: null,
  areaCode: '440000',
  areaPrefix: '44',
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: roleScopeKind.district_officer,
  mustChangePassword: false,
};

async function duplicates(engine: 'pglite' | 'postgres', d: Database): Promise<ScenarioResult> {
  const { rows: ROWS, box } = DUP[engine];
  // Reports over a square box of `box` degrees, 400 enterprise names per 50,000 reports, a year of submission days.
  const names = Math.max(400, Math.round(ROWS / 125));
  for (let done = 0; done < ROWS; done += 200_000) {
    await d.db.execute(sql`
      insert into reports (tracking_code, category, channel, area_code, address, enterprise_name, lat, lon, occurred_on,
                           description, submitted_on, accept_due)
      select 'DUP' || g, 'hidden_danger', 'online', '4403' || lpad((g % 90)::text, 2, '0') || '001', '地址' || g,
             case when g % 3 = 0 then '企业' || (g % ${names}::int) else null end,
             22.5 + random() * ${box}::float8, 113.9 + random() * ${box}::float8, date '2026-01-01' + (g % 330),
             '基准举报内容', date '2026-01-01' + (g % 330), date '2026-01-01' + (g % 330) + 7
        from generate_series(${done + 1}::int, ${Math.min(done + 200_000, ROWS)}::int) g`);
  }
  await d.db.execute(sql`analyze reports`);
  const rows = rowsOf<{ id: string }>(
    await d.db.execute(sql`select id from reports where tracking_code like 'DUP%' and lat is not null order by random() limit 50`),
  );
  const targets = await Promise.all(
    rows.map(
      async (r) =>
        (
          await d.db
            .select()
            .from(reports)
            .where(sql`${reports.id} = ${r.id}`)
        )[0]!,
    ),
  );
  const subject = await timeIt((i) => findDuplicateCandidates(d.db, benchActor, targets[i % targets.length]!), N, 1);
  const direct = await timeIt(
    async (i) => {
      const r = targets[i % targets.length]!;
      const b = boundingBox({ lat: r.lat!, lng: r.lon! }, 200);
      const from = new Date(Date.parse(`${r.submittedOn}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(Date.parse(`${r.submittedOn}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
      if (r.enterpriseName) {
        await d.db.execute(sql`select * from reports where area_code like '44%' and id <> ${r.id} and status <> 'merged'
        and submitted_on between ${from} and ${to} and lower(enterprise_name) = lower(${r.enterpriseName})
        order by submitted_on, created_at, id limit 20`);
      }
      await d.db.execute(sql`select *, (2 * 6371008.8 * asin(least(1, sqrt(power(sin(radians(lat - ${r.lat}) / 2), 2)
        + cos(radians(${r.lat}::float8)) * cos(radians(lat)) * power(sin(radians(lon - ${r.lon}) / 2), 2))))) as d
      from reports where area_code like '44%' and id <> ${r.id} and status <> 'merged' and submitted_on between ${from} and ${to}
        and lat between ${b.latMin} and ${b.latMax} and lon between ${b.lngMin} and ${b.lngMax}
      order by d limit 20`);
    },
    N,
    1,
  );
  return {
    name: 'reports-duplicates',
    engine,
    metrics: { suggest: subject, directSql: direct, rows: ROWS },
    ratios: { p50: subject.p50ms / direct.p50ms, p95: subject.p95ms / direct.p95ms },
    targets: { suggestP95ms: { limit: 100, met: subject.p95ms < 100 } },
    notes: `${ROWS} reports over a ${box}° box, ${names} enterprise names`,
  };
}

export async function reportsScenario(): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const lite = await openPglite(null);
  try {
    await lite.migrate();
    results.push(await onEngine('pglite', lite));
    results.push(await concurrent('pglite', lite));
    results.push(await duplicates('pglite', lite));
  } finally {
    await lite.close();
  }
  if (await pgAvailable()) {
    const url = await ensureDatabase('anjian_bench_reports', true);
    const pgDb = await openDirect({ databaseUrl: url });
    try {
      await pgDb.migrate();
      results.push(await onEngine('postgres', pgDb));
      results.push(await concurrent('postgres', pgDb));
      results.push(await duplicates('postgres', pgDb));
    } finally {
      await pgDb.close();
    }
  }
  return results;
}
