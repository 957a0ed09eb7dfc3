// Issue 15 item 3: the officers' "overdue" 举报 list (scope + the overdue condition over both deadlines, newest first,
// one page and the total) through the real query, against the same page written as direct SQL, interleaved in one
// run, over BENCH_REPORT_ROWS reports (default 50 000) spread over 11 streets and every status; and the routing-rule
// lookup at submission against a bare primary-key read. Ratios, not absolute times.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../server/src/platform/actor';
import { openPglite, rowsOf, type Database } from '../../../server/src/platform/db';
import { findReports } from '../../../server/src/modules/reports/reports.queries';
import { routeReport } from '../../../server/src/modules/reports/routing/routing.queries';
import { percentiles, type ScenarioResult } from '../lib';

const ROWS = Number(process.env.BENCH_REPORT_ROWS ?? 50_000);
const RUNS = 100;
const TODAY = '2026-12-01';

const actor: Actor = {
  id: '00000000-0000-4000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: 'street_officer',
  orgId: null,
  orgName: null,
  areaCode: '440307003',
  areaPrefix: '440307003',
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'area',
  mustChangePassword: false,
};

async function fill(d: Database) {
  await d.db.execute(sql`
    insert into reports (tracking_code, category, channel, area_code, address, occurred_on, description, status,
                         submitted_on, accept_due, accepted_on, handle_due)
    select 'B' || i, 'hidden_danger', 'online', '440307' || lpad(((i % 11) + 1)::text, 3, '0'), '地址' || i,
           date '2026-01-01' + (i % 330), '描述', (array['received','accepted','handling','replied','closed'])[(i % 5) + 1],
           date '2026-01-01' + (i % 330), date '2026-01-08' + (i % 330),
           case when i % 5 in (1, 2) then date '2026-01-05' + (i % 330) end,
           case when i % 5 in (1, 2) then date '2026-03-05' + (i % 330) end
    from generate_series(1, ${ROWS}) as i`);
  await d.db.execute(sql`
    insert into report_routing_rules (area_prefix, category, target_area_code, priority)
    select '440307' || lpad(((i % 11) + 1)::text, 3, '0'), null, '440307' || lpad(((i % 11) + 1)::text, 3, '0'), i
    from generate_series(1, 200) as i`);
  await d.db.execute(sql`analyze reports`);
}

const direct = (d: Database) =>
  Promise.all([
    d.db.execute(sql`select * from reports where area_code like '440307003%' and ((status = 'received' and accept_due < ${TODAY})
      or (status in ('accepted', 'handling') and handle_due < ${TODAY})) order by submitted_on desc, created_at desc, id limit 20`),
    d.db.execute(sql`select count(*) from reports where area_code like '440307003%' and ((status = 'received' and accept_due < ${TODAY})
      or (status in ('accepted', 'handling') and handle_due < ${TODAY}))`),
  ]);

export async function reportHandlingScenario(): Promise<ScenarioResult[]> {
  const d = await openPglite(null);
  try {
    await d.migrate();
    await fill(d);
    const list = () => findReports(d.db, actor, { overdue: true, page: 1, pageSize: 20 }, TODAY);
    const route = () => routeReport(d.db, '440307003001', 'hidden_danger');
    const pk = () => d.db.execute(sql`select id from reports where tracking_code = 'B1'`);
    for (let i = 0; i < 5; i++) await Promise.all([list(), direct(d), route(), pk()]);
    const t = { list: [] as number[], direct: [] as number[], route: [] as number[], pk: [] as number[] };
    const time = async (k: keyof typeof t, f: () => Promise<unknown>) => {
      const t0 = performance.now();
      await f();
      t[k].push(performance.now() - t0);
    };
    for (let i = 0; i < RUNS; i++) {
      await time('list', list);
      await time('direct', () => direct(d));
      await time('route', route);
      await time('pk', pk);
    }
    const found = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from reports`))[0]!.n;
    const [l, s, r, p] = [percentiles(t.list), percentiles(t.direct), percentiles(t.route), percentiles(t.pk)];
    return [
      {
        name: 'report-handling',
        engine: 'pglite',
        metrics: { overdueList: l, directSql: s, routeLookup: r, pkRead: p },
        ratios: { overdueListP95: l.p95ms / s.p95ms, routeP95: r.p95ms / p.p95ms },
        notes: `${found} reports, 200 routing rules; overdue page of one street vs the same SQL; rule lookup vs a unique-key read`,
      },
    ];
  } finally {
    await d.close();
  }
}
