// Issue 15 (first slice): the cost of one public 举报 submission through the real command — area check, tracking
// code, the one writer (row + state_transitions + outbox event), the sealed reporter, the audit entry — against a bare
// insert of the same report row, interleaved in one run, on PGlite and (when reachable) PostgreSQL. Target from the
// issue: p95 < 300 ms. BENCH_REPORTS sets the number of submissions (default 300).
import { sql } from 'drizzle-orm';
import type { PublicReportBody } from '@anjian/contracts';
import { reports } from '../../../server/src/db/schema';
import { openPglite, type Database } from '../../../server/src/platform/db';
import { buildDistrict, buildStreet } from '../../../server/src/seed/factories';
import { submitReport } from '../../../server/src/modules/reports/commands/submit-report';
import { openDirect } from '../direct';
import { percentiles, type ScenarioResult } from '../lib';
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

export async function reportsScenario(): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const lite = await openPglite(null);
  try {
    await lite.migrate();
    results.push(await onEngine('pglite', lite));
  } finally {
    await lite.close();
  }
  if (await pgAvailable()) {
    const url = await ensureDatabase('anjian_bench_reports', true);
    const pgDb = await openDirect({ databaseUrl: url });
    try {
      await pgDb.migrate();
      results.push(await onEngine('postgres', pgDb));
    } finally {
      await pgDb.close();
    }
  }
  return results;
}
