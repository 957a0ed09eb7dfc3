// Issue 14 (first slice): the consolidated monthly table of a plan with 200 items led by 30 units — the board through
// the real query (scope, names, report states on the working-day calendar) and the .xlsx of it — against the same
// rows read by one bare join, interleaved in one run, on PGlite and (when reachable) PostgreSQL.
import { sql } from 'drizzle-orm';
import { organisations, workPlans, workTaskReports, workTasks } from '../../../server/src/db/schema';
import { type Database } from '../../../server/src/platform/db';
import type { Actor } from '../../../server/src/platform/actor';
import { buildDistrict, buildStreet } from '../../../server/src/seed/factories';
import { buildBoard } from '../../../server/src/modules/workplans/workplans.board';
import { progressWorkbook } from '../../../server/src/modules/workplans/workplans.export';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const ITEMS = 200;
const UNITS = 30;
const N = Number(process.env.BENCH_WORKPLANS ?? 50);

async function onEngine(engine: string, d: Database): Promise<ScenarioResult> {
  const district = await buildDistrict(d.db, '基准区');
  const street = await buildStreet(d.db, { district });
  const units = await d.db
    .insert(organisations)
    .values(Array.from({ length: UNITS }, (_, i) => ({ name: `基准单位${i + 1}`, kind: 'street_office', areaCode: street.code })))
    .returning();
  const [bureau] = await d.db.insert(organisations).values({ name: '基准区安委办', kind: 'bureau', areaCode: district.code }).returning();
  const [plan] = await d.db
    .insert(workPlans)
    .values({ title: '基准专项治理方案', year: 2026, issuerOrgId: bureau!.id, areaCode: district.code })
    .returning();
  const tasks = await d.db
    .insert(workTasks)
    .values(
      Array.from({ length: ITEMS }, (_, i) => ({
        planId: plan!.id,
        seq: i + 1,
        item: `${Math.floor(i / 3) + 1}.工作项目`,
        content: `（${(i % 3) + 1}）工作内容：${'加强安全生产执法队伍建设，'.repeat(4)}`,
        leadOrgId: units[i % UNITS]!.id,
        areaCode: district.code,
        status: 'in_progress',
        assignedOn: '2026-10-16',
      })),
    )
    .returning();
  await d.db.insert(workTaskReports).values(
    tasks
      .filter((_, i) => i % 10 !== 0)
      .map((t, i) => ({
        taskId: t.id,
        planId: plan!.id,
        leadOrgId: t.leadOrgId,
        areaCode: district.code,
        month: '2026-11',
        progress: `本月进展：${'已完成阶段性工作，'.repeat(5)}`,
        problems: i % 4 === 0 ? '人员不足' : null,
        dueOn: '2026-11-27',
        submittedOn: i % 7 === 0 ? '2026-11-30' : '2026-11-25',
        late: i % 7 === 0,
      })),
  );
  const actor: Actor = {
    id: '00000000-0000-4000-8000-0000000000b1',
    username: 'bench',
    displayName: 'bench',
    role: 'district_leader',
    orgId: bureau!.id,
    orgName: null,
    areaCode: district.code,
    areaPrefix: district.code,
    sectors: [],
    parkId: null,
    enterpriseId: null,
    scopeKind: 'area',
    mustChangePassword: false,
  };
  const board = () => buildBoard(d.db, actor, plan!.id, '2026-11', '2026-12-03');
  const bare = () =>
    d.db.execute(sql`select t.seq, t.item, t.content, t.lead_org_id, r.progress, r.problems, r.submitted_on
      from work_tasks t left join work_task_reports r on r.task_id = t.id and r.month = '2026-11'
      where t.plan_id = ${plan!.id} order by t.seq`);
  for (let i = 0; i < 5; i++) await Promise.all([board(), bare()]);
  const subject: number[] = [];
  const xlsx: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < N; i++) {
    let t0 = performance.now();
    const b = await board();
    subject.push(performance.now() - t0);
    t0 = performance.now();
    await progressWorkbook(b);
    xlsx.push(performance.now() - t0);
    t0 = performance.now();
    await bare();
    baseline.push(performance.now() - t0);
  }
  const s = percentiles(subject);
  const x = percentiles(xlsx);
  const base = percentiles(baseline);
  return {
    name: 'workplans-board',
    engine,
    metrics: { board: s, xlsx: x, bareJoin: base },
    ratios: { p50: s.p50ms / base.p50ms, p95: s.p95ms / base.p95ms },
    targets: { boardAndXlsxP95ms: { limit: 2000, met: s.p95ms + x.p95ms < 2000 } },
    notes: `${ITEMS} items × ${UNITS} units, one month; sequential, in process (no HTTP); baseline: one join of the same rows`,
  };
}

export function workplansScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_workplans', onEngine);
}
