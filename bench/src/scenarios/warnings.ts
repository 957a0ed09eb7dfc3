// Issue 14 (警兆知识库): the cost of one early-warning rule ("≥ 3 overdue hidden dangers") over three years of a
// district's hidden dangers — the nightly evaluation as of today, the per-event re-check of one enterprise, and a
// 36-month backtest — against a bare count of the overdue rows as of the same day, interleaved in one run, on PGlite
// and (when reachable) PostgreSQL. The issue's size is a province's three years, 10M hidden dangers, backtested under
// 10 s: BENCH_WARNING_HAZARDS on PostgreSQL (default 10,000,000), BENCH_WARNING_LITE_HAZARDS on PGlite (200,000); one
// enterprise per 40 hidden dangers (at least 5,000), all in one district's scope so the rule reads every row.
// The backtest is the route's function (backtestVersion, a draft version of the rule over the district), timed cold
// (first run) and as the median of the next BENCH_WARNING_BACKTESTS runs; its same-run baseline is the generic path it
// replaced for this kind — the condition evaluated on all 36 days with every hit's evidence, cut per month in code —
// whose answer must be the same (BENCH_WARNING_GENERIC=0 skips it: 153 s at 10M).
import { sql } from 'drizzle-orm';
import type { WarningCondition } from '@anjian/contracts';
import { rowsOf, type Database } from '../../../server/src/platform/db';
import { buildDistrict, buildStreet } from '../../../server/src/seed/factories';
import { runCondition, runConditionOnDays } from '../../../server/src/modules/warnings/warnings.conditions';
import { backtestVersion } from '../../../server/src/modules/warnings/warnings.evaluate';
import { backtestDays } from '../../../server/src/modules/warnings/warnings.rules';
import type { RuleVersionRow } from '../../../server/src/modules/warnings/warnings.workflow';
import { areaPrefixOf } from '../../../server/src/platform/scope';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const enterprisesFor = (hazards: number) => Math.max(5_000, Math.round(hazards / 40));
const N = Number(process.env.BENCH_WARNINGS ?? 10);
const BACKTESTS = Number(process.env.BENCH_WARNING_BACKTESTS ?? 5);
const GENERIC = process.env.BENCH_WARNING_GENERIC !== '0';
const TODAY = '2026-11-20';
const rule: WarningCondition = { kind: 'overdue_hazards', params: { minCount: 3 } };

/** A district's enterprises and three years of their hidden dangers (shared with warnings-event.ts). */
export async function buildWarningWorld(d: Database, HAZARDS: number) {
  const ENTERPRISES = enterprisesFor(HAZARDS);
  const district = await buildDistrict(d.db, '基准区');
  const streets = [];
  for (let i = 0; i < 10; i++) streets.push(await buildStreet(d.db, { district, name: `基准街道${i + 1}` }));
  const codes = sql.raw(`array[${streets.map((s) => `'${s.code}'`).join(',')}]`);
  // In chunks: each statement's per-row count trigger then stays short.
  for (let done = 0; done < ENTERPRISES; done += 25_000) {
    await d.db.execute(sql`
      insert into enterprises (name, credit_code, unit_type, address, area_code, sector)
      select '基准企业' || g, '91BENCH' || lpad(g::text, 11, '0'), 'enterprise', '基准路' || g || '号',
             (${codes})[1 + g % 10], 'machinery'
        from generate_series(${done + 1}::int, ${Math.min(done + 25_000, ENTERPRISES)}::int) g`);
  }
  // Three years of hidden dangers: found on a day of the last 1,095, due 30 days later, most closed on time, some
  // late, a few still open — and half of every tenth enterprise's still open (the ones the rule fires on).
  // The load skips the hidden dangers' per-row triggers (the rollups, and the draw signal that rewrites the enterprise
  // row on every insert: 10M enterprise updates at the issue's size); the rule reads the hidden dangers themselves.
  await d.db.execute(sql`alter table hazards disable trigger hazards_rollups`);
  await d.db.execute(sql`alter table hazards disable trigger hazards_draw_signal_insert`);
  for (let done = 0; done < HAZARDS; done += 50_000) {
    await d.db.execute(sql`
      with e as (select id, area_code, row_number() over (order by id) as n from enterprises where name like '基准企业%')
      insert into hazards (number, enterprise_id, area_code, sector, source, description, category, grade, found_on,
                           deadline, state, closed_on)
      select 'BH' || g, e.id, e.area_code, 'machinery', 'self_check', '基准隐患', 'unsafe_condition', 'general',
             ${TODAY}::date - (g % 1095), ${TODAY}::date - (g % 1095) + 30,
             case when g % 17 = 0 or (g % ${ENTERPRISES}::int % 10 = 0 and g % 2 = 0) then 'rectifying' else 'closed' end,
             case when g % 17 = 0 or (g % ${ENTERPRISES}::int % 10 = 0 and g % 2 = 0) then null else ${TODAY}::date - (g % 1095) + case when g % 5 = 0 then 45 else 20 end end
        from generate_series(${done + 1}::int, ${Math.min(done + 50_000, HAZARDS)}::int) g
        join e on e.n = 1 + g % ${ENTERPRISES}::int`);
  }
  await d.db.execute(sql`alter table hazards enable trigger hazards_rollups`);
  await d.db.execute(sql`alter table hazards enable trigger hazards_draw_signal_insert`);
  await d.db.execute(sql`analyze`);
  const prefix = areaPrefixOf(district.code);
  const enterpriseId = rowsOf<{ id: string }>(await d.db.execute(sql`select id from enterprises where name = '基准企业1'`))[0]!.id;
  return { prefix, enterpriseId, districtCode: district.code };
}

/** A draft version of the rule over the district, as the route reads it (backtestVersion needs no stored row). */
const draftOf = (areaCode: string): RuleVersionRow => ({
  id: '00000000-0000-4000-8000-000000000014',
  ruleId: '00000000-0000-4000-8000-000000000015',
  areaCode,
  seq: 1,
  status: 'draft',
  conditionKind: rule.kind,
  params: rule.params,
  level: 'orange',
  recipients: ['district'],
  action: '约谈',
  note: null,
  createdBy: null,
  createdAt: new Date(),
  activatedAt: null,
  retiredAt: null,
  updatedAt: new Date(),
  version: 1,
});

async function onEngine(engine: string, d: Database, HAZARDS: number): Promise<ScenarioResult> {
  const { prefix, enterpriseId, districtCode } = await buildWarningWorld(d, HAZARDS);

  const live = () => runCondition(d.db, rule, TODAY, prefix);
  const perEvent = () => runCondition(d.db, rule, TODAY, prefix, enterpriseId);
  const bare = () =>
    d.db.execute(sql`select count(*) from hazards where area_code like ${`${prefix}%`} and deadline < ${TODAY}::date
                       and found_on <= ${TODAY}::date and (closed_on is null or closed_on > ${TODAY}::date)`);
  for (let i = 0; i < 2; i++) await Promise.all([live(), bare(), perEvent()]);
  const l: number[] = [];
  const b: number[] = [];
  const e: number[] = [];
  let hits = 0;
  for (let i = 0; i < N; i++) {
    let t0 = performance.now();
    hits = (await live()).length;
    l.push(performance.now() - t0);
    t0 = performance.now();
    await bare();
    b.push(performance.now() - t0);
    t0 = performance.now();
    await perEvent();
    e.push(performance.now() - t0);
  }
  // The backtest through the route's function: cold, then the median of BACKTESTS more runs.
  const version = draftOf(districtCode);
  let t0 = performance.now();
  const series = await backtestVersion(d.db, version, TODAY, 36);
  const backtestMs = performance.now() - t0;
  const again: number[] = [];
  for (let i = 0; i < BACKTESTS; i++) {
    t0 = performance.now();
    await backtestVersion(d.db, version, TODAY, 36);
    again.push(performance.now() - t0);
  }
  const fired = series.months.reduce((a, m) => a + m.count, 0);
  // The same-run baseline: what backtestVersion did before, the generic evaluation on all 36 days cut in code.
  let genericMs: number | null = null;
  if (GENERIC) {
    t0 = performance.now();
    const all = await runConditionOnDays(
      d.db,
      rule,
      backtestDays(TODAY, 36).map((x) => x.asOf),
      prefix,
    );
    const cut = series.months.map((m) => {
      const on = all.get(m.asOf) ?? [];
      return { count: on.length, records: on.slice(0, 50).map((h) => [h.subjectType, h.subjectId, h.label, JSON.stringify(h.evidence)]) };
    });
    genericMs = performance.now() - t0;
    const mine = series.months.map((m) => ({
      count: m.count,
      records: m.records.map((h) => [h.subjectType, h.subjectId, h.label, JSON.stringify(h.evidence)]),
    }));
    if (JSON.stringify(cut) !== JSON.stringify(mine)) throw new Error('warnings bench: the backtest differs from the generic evaluation');
  }
  const lp = percentiles(l);
  const bp = percentiles(b);
  const ep = percentiles(e);
  return {
    name: 'warnings-rule',
    engine,
    metrics: {
      evaluate: lp,
      bareOverdueCount: bp,
      perEnterprise: ep,
      backtest36Ms: Math.round(backtestMs),
      backtest36Again: percentiles(again),
      backtestGenericMs: genericMs === null ? null : Math.round(genericMs),
      hits,
      backtestFirings: fired,
      backtestRecords: series.months.reduce((a, m) => a + m.records.length, 0),
    },
    ratios: {
      p50: lp.p50ms / bp.p50ms,
      p95: lp.p95ms / bp.p95ms,
      ...(genericMs === null ? {} : { backtestVsGeneric: backtestMs / genericMs }),
    },
    targets: { backtest36Ms: { limit: 10_000, met: backtestMs < 10_000 } },
    notes:
      `${HAZARDS} hidden dangers of ${enterprisesFor(HAZARDS)} enterprises over 3 years; rule: ≥3 overdue; evaluation baseline: a bare ` +
      `count of the overdue rows as of the same day; backtest (backtestVersion, cold, then ${BACKTESTS} more) baseline: the generic ` +
      `evaluation on all 36 days cut per month in code${GENERIC ? ' (same answer checked)' : ' (skipped)'}`,
  };
}

export function warningsScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_warnings', onEngine, {
    pglite: Number(process.env.BENCH_WARNING_LITE_HAZARDS ?? 200_000),
    postgres: Number(process.env.BENCH_WARNING_HAZARDS ?? 10_000_000),
  });
}
