// Issue 14 (警兆知识库), the per-event cost: after a hidden-danger event the warnings consumer re-evaluates, for the
// event's one enterprise, every condition that event can change (warnings.rules.ts conditionEvents: the overdue and
// the major-hidden-danger conditions) in one transaction — against a bare count of that enterprise's overdue hidden
// dangers as of the same day, interleaved in one run, on PGlite and (when reachable) PostgreSQL. The world is the
// warnings scenario's (BENCH_WARNING_EVENT_HAZARDS hidden dangers, default 200,000); the ratio is what a rule base
// adds to the consumer's work per event.
import { sql } from 'drizzle-orm';
import type { WarningCondition, WarningConditionKind } from '@anjian/contracts';
import type { Database } from '../../../server/src/platform/db';
import { runCondition } from '../../../server/src/modules/warnings/warnings.conditions';
import { conditionEvents } from '../../../server/src/modules/warnings/warnings.rules';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';
import { buildWarningWorld } from './warnings';

const HAZARDS = Number(process.env.BENCH_WARNING_EVENT_HAZARDS ?? 200_000);
const N = Number(process.env.BENCH_WARNING_EVENTS ?? 30);
const TODAY = '2026-11-20';
/** The demo rule base's parameters for the conditions a hidden-danger event re-evaluates. */
const demo: Partial<Record<WarningConditionKind, WarningCondition>> = {
  overdue_hazards: { kind: 'overdue_hazards', params: { minCount: 2 } },
  major_hazard_overdue: { kind: 'major_hazard_overdue', params: { graceDays: 0 } },
};

async function onEngine(engine: string, d: Database): Promise<ScenarioResult> {
  const { prefix, enterpriseId } = await buildWarningWorld(d, HAZARDS);
  const conditions = Object.values(demo).filter((c) => conditionEvents[c.kind]('hazard.report'));
  const perEvent = () =>
    d.db.transaction(async (tx) => {
      for (const c of conditions) await runCondition(tx, c, TODAY, prefix, enterpriseId);
    });
  const bare = () =>
    d.db.execute(sql`select count(*) from hazards where enterprise_id = ${enterpriseId}::uuid and deadline < ${TODAY}::date
                       and found_on <= ${TODAY}::date and (closed_on is null or closed_on > ${TODAY}::date)`);
  for (let i = 0; i < 3; i++) await Promise.all([perEvent(), bare()]);
  const e: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < N; i++) {
    let t0 = performance.now();
    await perEvent();
    e.push(performance.now() - t0);
    t0 = performance.now();
    await bare();
    b.push(performance.now() - t0);
  }
  const ep = percentiles(e);
  const bp = percentiles(b);
  return {
    name: 'warnings-event',
    engine,
    metrics: { perEvent: ep, bareEnterpriseCount: bp, conditions: conditions.length },
    ratios: { p50: ep.p50ms / bp.p50ms, p95: ep.p95ms / bp.p95ms },
    targets: {},
    notes: `${HAZARDS} hidden dangers; per event: ${conditions.map((c) => c.kind).join(' + ')} for one enterprise in a transaction; baseline: that enterprise's bare overdue count`,
  };
}

export function warningsEventScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_warnings_event', onEngine);
}
