// A rule version's backtest: per month, how many subjects the condition holds for on the month's day (its last day;
// today for the current month, warnings.rules.ts backtestDays) and the first `head` of them (50 on the route) in the
// order the live evaluation lists them, with their evidence. The answer is runConditionOnDays' on the same days cut
// per day — but that whole answer can be millions of hits with their evidence (10M hidden dangers over 36 month-ends:
// 1.45M firings), so it is never built: every kind cuts its lists in the database (runConditionHeads), and
// 'overdue_hazards', the kind over the largest table, counts without evidence and builds evidence for the listed only.
//
// 'overdue_hazards' without joining each hidden danger to every day it is overdue on: a hidden danger is overdue on
// day D when deadline < D, found_on ≤ D and (closed_on null or closed_on > D) — on a contiguous run of the ascending
// backtest days, [lo, hi), lo the number of days ≤ max(deadline, found_on − 1) and hi the number of days < closed_on
// (all of them when open). Per enterprise, +1 at lo and −1 at hi summed in day order give its overdue count as runs
// of days with a constant count; the runs at ≥ N are its firings. So the pass is bounded by the hidden dangers ever
// overdue on a backtest day (one sort of ≤ 2 rows each, 2.3M rows at 10M), not by hidden dangers × days overdue; the
// counts per day come from the firing runs' (start, end) pairs, at most days² groups; the listed enterprises of each
// day from one bounded sort of the first firing runs in listing order (a day it does not settle is sorted on its
// own); and the evidence from the condition's own query restricted to the listed enterprises (≤ head × days of them,
// through the enterprise index), in the same snapshot. The same code path serves PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import type { WarningCondition } from '@anjian/contracts';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { prefixRange } from '../../platform/scope';
import { runConditionHeads, runConditionOnDays, type Hit } from './warnings.conditions';

/**
 * For the overdue pass, in its own transaction: room to sort the day changes of every hidden danger ever overdue
 * in memory (2.3M rows at 10M hidden dangers, ≈ 75 MB a process) and no JIT (compiling the plan cost more than it
 * saved). Only settings the database has are touched.
 */
const bigQuerySettings = sql`select set_config(s.name, s.value, true)
  from (values ('jit', 'off'), ('work_mem', '128MB')) s(name, value)
  where exists (select 1 from pg_settings p where p.name = s.name)`;

/** How many of the first firing runs (in the listing's order) settle most days' lists: a few per listed record. */
const RUNS_PER_RECORD = 8;

export interface BacktestDay {
  asOf: string;
  count: number;
  hits: Hit[];
}

/**
 * Per day of `days` (ascending 'YYYY-MM-DD'), how many subjects meet `c` within `prefix` and the first `head`.
 * `firstRuns` (tests): how many firing runs the overdue path sorts first.
 */
export async function backtestCondition(
  db: DbOrTx,
  c: WarningCondition,
  days: readonly string[],
  prefix: string,
  head: number,
  firstRuns = RUNS_PER_RECORD * head * days.length,
): Promise<BacktestDay[]> {
  // The counts and the listed records' evidence are two statements: one snapshot, so they agree.
  if (c.kind === 'overdue_hazards')
    return db.transaction((tx) => overdueBacktest(tx, c.params.minCount, days, prefix, head, firstRuns), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
  const on = await runConditionHeads(db, c, days, prefix, head);
  return days.map((asOf) => ({ asOf, ...on.get(asOf)! }));
}

interface DayRow {
  i: number;
  n: number;
  ids: string[];
}

async function overdueBacktest(
  db: DbOrTx,
  minCount: number,
  days: readonly string[],
  prefix: string,
  head: number,
  firstRuns: number,
): Promise<BacktestDay[]> {
  if (days.length === 0) return [];
  const n = days.length;
  // One parameter typed date[] (parsed once at bind); a string split and cast here would be re-parsed on every row.
  const daysArr = sql`${`{${days.join(',')}}`}::date[]`;
  const first = sql`${days[0]}::date`;
  const last = sql`${days[n - 1]}::date`;
  // The first `head` firing enterprises of each day, in the order the evaluation lists them (subject_id: the id as
  // text): first among the `head` × days first firing runs overall (one bounded sort), which is each day's answer
  // whenever it holds `head` of that day's firings or all of them; a day it does not settle is sorted on its own.
  await db.execute(bigQuerySettings);
  const rows = rowsOf<DayRow>(
    await db.execute(sql`
      with spans as (
        select h.enterprise_id as e, width_bucket(greatest(h.deadline, h.found_on - 1), ${daysArr}) as lo,
               coalesce(width_bucket(h.closed_on - 1, ${daysArr}), ${n}::int) as hi
          from hazards h
         where ${prefixRange(sql`h.area_code`, prefix)} and h.deadline < ${last} and (h.closed_on is null or h.closed_on > ${first})
      ),
      steps as (
        select e, i, s from (select e, unnest(array[lo, hi]) as i, unnest(array[1, -1]) as s from spans where lo < hi) x
         where i < ${n}::int
      ),
      runs as (
        select e, i, lead(i, 1, ${n}::int) over w as j, sum(s) over w as k from steps window w as (partition by e order by i)
      ),
      firing as (select e::text as et, i, j from runs where j > i and k >= ${minCount}::int),
      spells as (select i, j, count(*)::int as m from firing group by i, j),
      changes as (select i, sum(s)::int as s from (select i, m as s from spells union all select j, -m from spells) d group by i),
      counts as (
        select g, sum(coalesce(c.s, 0)) over (order by g)::int as n
          from generate_series(0, ${n - 1}::int) g left join changes c on c.i = g
      ),
      bound as (select max(et) as et from (select et from firing order by et limit ${firstRuns}::int) x),
      early as (select f.et, f.i, f.j from firing f, bound b where f.et <= b.et),
      settled as (select g, n, (select count(*) from early f where f.i <= g and g < f.j)::int as early from counts)
      select g as i, n,
             case when early >= ${head}::int or early = n
                  then array(select f.et from early f where f.i <= g and g < f.j order by f.et limit ${head}::int)
                  else array(select f.et from firing f where f.i <= g and g < f.j order by f.et limit ${head}::int) end as ids
        from settled`),
  );
  const byDay = new Map(rows.map((r) => [Number(r.i), { count: Number(r.n), ids: r.ids }]));
  const listedDays = days.filter((_, i) => (byDay.get(i)?.ids.length ?? 0) > 0);
  const ids = [...new Set([...byDay.values()].flatMap((d) => d.ids))];
  // Evidence from the condition's own query, on the days with listed records, for the listed enterprises only.
  const evidence = ids.length
    ? await runConditionOnDays(db, { kind: 'overdue_hazards', params: { minCount } }, listedDays, prefix, ids)
    : new Map<string, Hit[]>();
  return days.map((asOf, i) => {
    const day = byDay.get(i) ?? { count: 0, ids: [] };
    const listed = new Set(day.ids);
    const hits = (evidence.get(asOf) ?? []).filter((h) => listed.has(h.subjectId));
    if (hits.length !== listed.size) throw new Error(`overdue backtest ${asOf}: ${listed.size} listed, ${hits.length} with evidence`);
    return { asOf, count: day.count, hits };
  });
}
