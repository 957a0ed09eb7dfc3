// Issue 14: importing a plan's task table of 200 work items (400 content rows, 30 lead units, merged 工作项目 cells)
// from Word — reading the .docx alone, the preview (read + map 责任单位 to organisations), and the confirming import
// (every task through the machine's writer, audited, in one transaction) — against a bare multi-row insert of the
// same tasks, interleaved in one run on an in-memory PGlite.
import { workPlans, workTasks, organisations } from '../../../server/src/db/schema';
import { openPglite, type Database } from '../../../server/src/platform/db';
import type { Actor } from '../../../server/src/platform/actor';
import { buildDistrict, buildStreet } from '../../../server/src/seed/factories';
import { importPlanTable } from '../../../server/src/modules/workplans/commands/import-plan-table';
import { readPlanTable } from '../../../server/src/modules/workplans/plan-table.read';
import { wordTable } from '../../../server/src/modules/workplans/plan-table.fixtures';
import { percentiles, type ScenarioResult } from '../lib';

const ITEMS = 200;
const UNITS = 30;
const N = Number(process.env.BENCH_PLAN_IMPORT ?? 5);

async function onEngine(engine: string, d: Database): Promise<ScenarioResult> {
  const district = await buildDistrict(d.db, '导入基准区');
  const street = await buildStreet(d.db, { district });
  await d.db
    .insert(organisations)
    .values(Array.from({ length: UNITS }, (_, i) => ({ name: `区基准局${i + 1}`, kind: 'industry_department', areaCode: district.code })));
  await d.db.insert(organisations).values({ name: '基准街道办', kind: 'street_office', areaCode: street.code });
  const [bureau] = await d.db
    .insert(organisations)
    .values({ name: '导入基准区安委办', kind: 'bureau', areaCode: district.code })
    .returning();
  const rows: [string, string, string][] = [];
  for (let i = 0; i < ITEMS; i++)
    for (let k = 0; k < 2; k++)
      rows.push([
        k === 0 ? `${i + 1}.工作项目${i + 1}` : '',
        `（${k + 1}）${'强化安全生产执法检查，落实企业主体责任，'.repeat(3)}`,
        `区基准局${(i % UNITS) + 1}牵头，区基准局${((i + 1) % UNITS) + 1}、各街道办配合落实`,
      ]);
  const docx = wordTable(rows, { title: '基准工作分工及进展情况表' });
  const actor: Actor = {
    id: '00000000-0000-4000-8000-0000000000b2',
    username: 'bench',
    displayName: 'bench',
    role: 'district_officer',
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
  const newPlan = async () =>
    (
      await d.db
        .insert(workPlans)
        .values({ title: '导入基准方案', year: 2026, issuerOrgId: bureau!.id, areaCode: district.code })
        .returning()
    )[0]!;
  const read: number[] = [];
  const preview: number[] = [];
  const confirm: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < N + 1; i++) {
    const plan = await newPlan();
    let t0 = performance.now();
    const table = await readPlanTable(docx);
    const tRead = performance.now() - t0;
    t0 = performance.now();
    await importPlanTable(d.db, actor, null, plan.id, { buffer: docx, dryRun: true, version: plan.version }, '2026-10-16');
    const tPreview = performance.now() - t0;
    t0 = performance.now();
    const done = await importPlanTable(d.db, actor, null, plan.id, { buffer: docx, dryRun: false, version: plan.version }, '2026-10-16');
    const tConfirm = performance.now() - t0;
    if (done.created !== table.rows.length) throw new Error(`plan-import: created ${done.created} of ${table.rows.length}`);
    const bare = await newPlan();
    t0 = performance.now();
    await d.db.insert(workTasks).values(
      table.rows.map((r, k) => ({
        planId: bare.id,
        seq: k + 1,
        item: r.item,
        content: r.content,
        leadOrgId: bureau!.id,
        responsibility: r.responsibility,
        areaCode: district.code,
        assignedOn: '2026-10-16',
      })),
    );
    const tBare = performance.now() - t0;
    if (i === 0) continue; // warm-up
    read.push(tRead);
    preview.push(tPreview);
    confirm.push(tConfirm);
    baseline.push(tBare);
  }
  const c = percentiles(confirm);
  const base = percentiles(baseline);
  return {
    name: 'workplans-import',
    engine,
    metrics: { readDocx: percentiles(read), preview: percentiles(preview), confirm: c, bareInsert: base },
    ratios: { p50: c.p50ms / base.p50ms, p95: c.p95ms / base.p95ms },
    targets: { previewAndConfirmP95ms: { limit: 10_000, met: percentiles(preview).p95ms + c.p95ms < 10_000 } },
    notes: `${ITEMS} items × 2 content rows (${ITEMS * 2} tasks), ${UNITS} lead units; in process (no HTTP); baseline: one multi-row insert of the same tasks`,
  };
}

export async function planImportScenario(): Promise<ScenarioResult[]> {
  const lite = await openPglite(null);
  try {
    await lite.migrate();
    return [await onEngine('pglite', lite)];
  } finally {
    await lite.close();
  }
}
