// npm run bench: every scenario against a baseline measured in the same run; writes
// bench/results/<date>.json and prints a table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, type ScenarioResult } from './lib';
import { authScenarios } from './scenarios/auth';
import { districtScenario, provinceScenario } from './scenarios/enterprises';
import { importExportScenario } from './scenarios/enterprise-import-export';
import { accidentScenario } from './scenarios/accidents';
import { hazardDistrictScenario, hazardScenario } from './scenarios/hazards';
import { uploadScenario } from './scenarios/uploads';
import { enforcementScenario } from './scenarios/enforcement';
import { workbenchDistrictScenario, workbenchProvinceScenario } from './scenarios/workbench';
import { workbenchCityScenario } from './scenarios/workbench-city';
import { eventsScenario } from './scenarios/events';
import { validationScenario } from './scenarios/validation';
import { reportsScenario } from './scenarios/reports';
import { reportHandlingScenario } from './scenarios/report-handling';
import { rewardsScenario } from './scenarios/rewards';
import { peopleScenario } from './scenarios/people';
import { peopleImportScenario } from './scenarios/people-import';
import { trainingScenario } from './scenarios/training';
import { reachScenario } from './scenarios/reach';
import { emergencyScenario } from './scenarios/emergency';
import { drillsScenario } from './scenarios/emergency-plans';
import { drillAreasScenario } from './scenarios/emergency-drill-areas';
import { intakeScenario } from './scenarios/emergency-intake';
import { workplansScenario } from './scenarios/workplans';
import { planImportScenario } from './scenarios/plan-import';
import { assessmentScenario } from './scenarios/assessment';
import { insuranceScenario } from './scenarios/insurance';
import { creditPartnersScenario } from './scenarios/credit-partners';
import { commitmentsScenario } from './scenarios/commitments';
import { warningsScenario } from './scenarios/warnings';
import { warningsEventScenario } from './scenarios/warnings-event';
import { mixedWorkloadScenario } from './scenarios/mixed-workload';
import { gridCoverageScenario } from './scenarios/grid-coverage';
import { creditGradeScenario } from './scenarios/credit-grade';
import { creditSweepScenario } from './scenarios/credit-sweep';

const scenarios: { name: string; run: () => Promise<ScenarioResult[]> }[] = [
  { name: 'auth', run: authScenarios },
  { name: 'enterprises-district', run: districtScenario },
  // Needs a PostgreSQL server (BENCH_PG_URL, default postgres://root@127.0.0.1:5432); skipped without one.
  { name: 'enterprises-province', run: provinceScenario },
  // .xlsx import (vs COPY) and export (peak RSS vs idle) of 100,000 rows on a fresh database (BENCH_IMPORT_ROWS).
  { name: 'enterprises-io', run: importExportScenario },
  { name: 'accidents-province', run: accidentScenario },
  { name: 'hazards-district', run: hazardDistrictScenario },
  { name: 'hazards-province', run: hazardScenario },
  { name: 'uploads', run: uploadScenario },
  { name: 'enforcement-province', run: enforcementScenario },
  { name: 'workbench-district', run: workbenchDistrictScenario },
  { name: 'workbench-province', run: workbenchProvinceScenario },
  // CPU per request and p50/p95 per role at city scale (200,000 enterprises and hidden dangers), as ratios to
  // GET /api/me in the same run (PGlite, PostgreSQL; databases kept between runs: BENCH_WORKBENCH_DB / _DIR).
  { name: 'workbench-city', run: workbenchCityScenario },
  // Outbox append cost, fan-out to 1,000 recipients, queue throughput: PGlite in memory and a fresh PostgreSQL database.
  { name: 'events', run: eventsScenario },
  // In process over an in-memory PGlite: the input guard on and off in the same run.
  { name: 'validation', run: validationScenario },
  // 举报: one public submission through the command against a bare insert of the same row (PGlite, PostgreSQL).
  { name: 'reports', run: reportsScenario },
  { name: 'report-handling', run: reportHandlingScenario },
  // 举报奖励: the rate paid / due of one year grouped by area, district and street, against a bare count (PGlite, PostgreSQL).
  { name: 'rewards', run: rewardsScenario },
  // 三项岗位: holding rates from the maintained summaries vs the plain GROUP BY (district and province scope; 5M people and
  // ≈ 8M certificates in their own PostgreSQL database, BENCH_PEOPLE_DB, kept between runs); the district expiry list.
  { name: 'people', run: peopleScenario },
  // 三项岗位 .xlsx import of 100,000 people (files of 20,000, the route's cap) vs COPY of the same rows (PostgreSQL).
  { name: 'people-io', run: peopleImportScenario },
  { name: 'training', run: trainingScenario },
  { name: 'reach', run: reachScenario },
  // 应急: nearest depot holding an item (bbox + haversine vs brute force) and the map layer (PGlite, PostgreSQL).
  { name: 'emergency', run: emergencyScenario },
  // 应急演练: compliance from the drill status kept on write vs the overdue count from drill records; readiness.
  { name: 'emergency-drills', run: drillsScenario },
  // 应急演练 per street: the maintained counts vs the same grouping over enterprises ⟕ drill status (PGlite, PostgreSQL).
  { name: 'emergency-drill-areas', run: drillAreasScenario },
  // 接警 to the leader on duty's inbox row: the call through the command (teams called out) vs a bare incident + inbox insert.
  { name: 'emergency-intake', run: intakeScenario },
  // 工作方案: the month's board and .xlsx of 200 items × 30 units against one bare join (PGlite, PostgreSQL).
  { name: 'workplans', run: workplansScenario },
  // 工作分工表导入: a 200-item Word table read, previewed and imported vs a bare insert of its tasks (PGlite).
  { name: 'workplans-import', run: planImportScenario },
  // 年度考核: scoring 200 units over a year from the rollups vs the same aggregates as bare GROUP BYs.
  { name: 'assessment', run: assessmentScenario },
  // 安责险: the coverage check (uninsured mandatory enterprises, page + total) vs the bare anti-join count; rates per district.
  { name: 'insurance', run: insuranceScenario },
  // 联合惩戒: the signed partner feed and .xlsx of 500 listings, the lookup by credit code, a disclosure page (vs bare selects).
  { name: 'credit-partners', run: creditPartnersScenario },
  // 八个一次: a province's compliance (1M enterprises × 22 obligations) from the maintained aggregates (PGlite, PostgreSQL).
  { name: 'commitments', run: commitmentsScenario },
  // 警兆知识库: one rule (≥ 3 overdue hidden dangers) evaluated, re-checked for one enterprise and backtested over
  // 36 months, against a bare count of the overdue rows (PGlite, PostgreSQL).
  { name: 'warnings', run: warningsScenario },
  // The per-event cost: the conditions a hidden-danger event re-evaluates for its enterprise vs that enterprise's bare count.
  { name: 'warnings-event', run: warningsEventScenario },
  // 网格化巡查: GET /api/grid/coverage at street, district and province scope (1M units, 10M visits in its own PostgreSQL
  // database, BENCH_GRID_DB, kept between runs) vs the same figures from a GROUP BY over the visits.
  { name: 'grid-coverage', run: gridCoverageScenario },
  // 信用: the full recompute of every grade (recompute-credit, 1M enterprises on PostgreSQL) vs a plain upsert of the
  // summary rows, and the credit consumer's cost per penalty decision vs the decision's write alone (PGlite, PostgreSQL).
  { name: 'credit-grade', run: creditGradeScenario },
  // 无事故 sweep at its first run (every enterprise due) and the credit consumer's batches vs a plain INSERT of the entries.
  { name: 'credit-sweep', run: creditSweepScenario },
  // 1,000 sessions of every role at once (reads, hidden-danger writes, uploads, exports) on one and two instances over
  // one PostgreSQL database (BENCH_MIXED_DB), with the database's own figures; the list's p95 under a 100k-row export.
  { name: 'mixed-workload', run: mixedWorkloadScenario },
];

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const results: ScenarioResult[] = [];
const date = new Date().toISOString().slice(0, 10);
const file = path.join(repoRoot, 'bench/results', `${date}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
// Written after each scenario, so a run stopped part way keeps what it measured; a run with --only keeps the other
// scenarios measured earlier the same day.
function save() {
  const earlier: ScenarioResult[] = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { results: ScenarioResult[] }).results
    : [];
  const merged = [...earlier.filter((e) => !results.some((r) => r.name === e.name && r.engine === e.engine)), ...results];
  fs.writeFileSync(file, JSON.stringify({ date, node: process.version, cpus: os.cpus().length, results: merged }, null, 2));
}
for (const s of scenarios) {
  if (only && !only.split(',').includes(s.name)) continue;
  console.log(`\n== ${s.name}`);
  results.push(...(await s.run()));
  save();
}

console.log('\n| scenario | engine | key metrics | ratios (subject / baseline) |');
console.log('|---|---|---|---|');
for (const r of results) {
  const m = JSON.stringify(r.metrics).slice(0, 160);
  const ratios = Object.entries(r.ratios)
    .map(([k, v]) => `${k}=${v.toFixed(2)}`)
    .join(', ');
  console.log(`| ${r.name} | ${r.engine} | ${m} | ${ratios} |`);
}
console.log(`\nwritten ${path.relative(repoRoot, file)}`);
