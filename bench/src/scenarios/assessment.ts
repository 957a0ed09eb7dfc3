// Issue 14 (年度考核): scoring 200 assessed units over a year — the facts of every unit read set-wise from the
// maintained rollups (assessment.sources.ts) and each sheet computed line by line (assessment.calc.ts) — against the
// same three aggregates written as bare GROUP BYs joined to the organisations table, interleaved in one run, on
// PGlite and (when reachable) PostgreSQL.
import { sql } from 'drizzle-orm';
import type { IndicatorDef } from '@anjian/contracts';
import {
  accidentMonthlyRollup,
  hazardStatsMonthly,
  organisations,
  workPlans,
  workTaskReports,
  workTasks,
} from '../../../server/src/db/schema';
import { type Database } from '../../../server/src/platform/db';
import { buildDistrict, buildStreet } from '../../../server/src/seed/factories';
import { unitFacts } from '../../../server/src/modules/assessment/assessment.sources';
import { computeSheet } from '../../../server/src/modules/assessment/assessment.calc';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const UNITS = 200;
const YEAR = 2026;
const N = Number(process.env.BENCH_ASSESSMENT ?? 30);

const indicators: IndicatorDef[] = [
  {
    key: 'hazards',
    name: '隐患按期整改率',
    weight: 20,
    source: 'hazards_on_time',
    rule: { kind: 'step_short', target: 90, step: 10, deduct: 0.5 },
  },
  { key: 'reports', name: '进展按时报送率', weight: 10, source: 'workplan_reports_on_time', rule: { kind: 'linear', target: 100 } },
  {
    key: 'deaths',
    name: '死亡人数下降5%',
    weight: 15,
    source: 'accident_deaths_reduction',
    rule: { kind: 'count_reduction', reductionPct: 5 },
  },
  { key: 'double', name: '双下降', weight: 10, source: 'accident_double_decline', rule: { kind: 'double_decline' } },
];

async function onEngine(engine: string, d: Database): Promise<ScenarioResult> {
  const district = await buildDistrict(d.db, '基准区');
  const streets = [];
  for (let i = 0; i < UNITS; i++) streets.push(await buildStreet(d.db, { district, name: `基准街道${i + 1}` }));
  const units = await d.db
    .insert(organisations)
    .values(streets.map((s, i) => ({ name: `基准街道办${i + 1}`, kind: 'street_office', areaCode: s.code })))
    .returning();
  const [bureau] = await d.db.insert(organisations).values({ name: '基准区安委办', kind: 'bureau', areaCode: district.code }).returning();
  const months = Array.from({ length: 12 }, (_, m) => `${YEAR}-${String(m + 1).padStart(2, '0')}`);
  const hz = streets.flatMap((s, i) =>
    months.flatMap((month, m) =>
      ['machinery', 'trade', 'construction'].map((sector, k) => ({
        areaLen: 9,
        areaCode: s.code,
        parkKey: '',
        sector,
        source: 'self_check',
        grade: 'general',
        month,
        found: 20 + ((i + m + k) % 7),
        closed: 18 + ((i + m) % 3),
        closedLate: (i + k) % 3,
      })),
    ),
  );
  for (let i = 0; i < hz.length; i += 2000) await d.db.insert(hazardStatsMonthly).values(hz.slice(i, i + 2000));
  const acc = streets.flatMap((s, i) =>
    [YEAR - 1, YEAR].flatMap((year) =>
      Array.from({ length: 12 }, (_, m) => ({
        areaCode: s.code,
        sector: '',
        category: 'production',
        typeKey: 'GB6441-2025:P03',
        causeCategory: 'undetermined',
        level: i % 50 === 0 && m === 5 && year === YEAR ? 'larger' : 'general',
        year,
        month: m + 1,
        accidents: (i + m) % 3,
        deaths: (i + m + year) % 2,
      })),
    ),
  );
  for (let i = 0; i < acc.length; i += 2000) await d.db.insert(accidentMonthlyRollup).values(acc.slice(i, i + 2000));
  const [plan] = await d.db
    .insert(workPlans)
    .values({ title: '基准方案', year: YEAR, issuerOrgId: bureau!.id, areaCode: district.code })
    .returning();
  const tasks = await d.db
    .insert(workTasks)
    .values(
      units.map((u, i) => ({
        planId: plan!.id,
        seq: i + 1,
        item: '工作项目',
        content: '工作内容',
        leadOrgId: u.id,
        areaCode: district.code,
        status: 'in_progress',
        assignedOn: `${YEAR}-01-01`,
      })),
    )
    .returning();
  const reports = tasks.flatMap((t, i) =>
    months.map((month, m) => ({
      taskId: t.id,
      planId: plan!.id,
      leadOrgId: t.leadOrgId,
      areaCode: district.code,
      month,
      progress: '推进中',
      dueOn: `${month}-27`,
      submittedOn: `${month}-${(i + m) % 5 === 0 ? '28' : '20'}`,
      late: (i + m) % 5 === 0,
    })),
  );
  for (let i = 0; i < reports.length; i += 1000) await d.db.insert(workTaskReports).values(reports.slice(i, i + 1000));
  const list = units.map((u) => ({ id: u.id, areaCode: u.areaCode, sectors: u.sectors, parkId: u.parkId }));
  const ids = units.map((u) => u.id);

  const subject = async () => {
    const facts = await unitFacts(d.db, list, YEAR);
    return list.map((u) => computeSheet(indicators, ['larger_accident'], facts.get(u.id)!, {}));
  };
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const bare = () =>
    Promise.all([
      d.db.execute(sql`select o.id, sum(h.found), sum(h.closed - h.closed_late) from organisations o
        join hazard_stats_monthly h on h.area_len = 9 and h.area_code = o.area_code and h.month between ${`${YEAR}-01`} and ${`${YEAR}-12`}
        where o.id in (${idList}) group by o.id`),
      d.db.execute(sql`select o.id, a.year, sum(a.deaths), sum(a.accidents), sum(a.accidents) filter (where a.level <> 'general')
        from organisations o join accident_monthly_rollup a on a.area_code like o.area_code || '%' and a.year in (${YEAR - 1}, ${YEAR})
        where o.id in (${idList}) group by o.id, a.year`),
      d.db.execute(sql`select lead_org_id, count(*), count(*) filter (where not late) from work_task_reports
        where lead_org_id in (${idList}) and month between ${`${YEAR}-01`} and ${`${YEAR}-12`} group by lead_org_id`),
    ]);
  for (let i = 0; i < 3; i++) await Promise.all([subject(), bare()]);
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < N; i++) {
    let t0 = performance.now();
    await subject();
    s.push(performance.now() - t0);
    t0 = performance.now();
    await bare();
    b.push(performance.now() - t0);
  }
  const sp = percentiles(s);
  const bp = percentiles(b);
  return {
    name: 'assessment-score',
    engine,
    metrics: { score: sp, bareAggregates: bp },
    ratios: { p50: sp.p50ms / bp.p50ms, p95: sp.p95ms / bp.p95ms },
    targets: { scoreP95ms: { limit: 2000, met: sp.p95ms < 2000 } },
    notes: `${UNITS} units × 12 months (hazard and accident rollups, ${reports.length} monthly reports); sequential, in process; baseline: the same aggregates as bare GROUP BYs`,
  };
}

export function assessmentScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_assessment', onEngine);
}
