// Issue 5: enforcement at province scale on PostgreSQL (the 1,000,000 enterprises of anjian_bench_province):
// (a) a weighted 双随机 draw over the whole pool through the API, against the plain `ORDER BY random() LIMIT k` of
//     the same pool and against the draw's own SQL run directly;
// (b) .docx generation throughput (documents/s) of the official layouts, against a one-paragraph docx;
// (c) the case list and the enforcement statistics with 2,000,000 inspections and 300,000 penalty cases, against a
//     plain SELECT / plain GROUP BY over the same rows.
// The fill is bulk SQL marked by its prefixes ('BI:' in inspections.summary, 'BC' case numbers), so re-runs reuse it.
import { sql } from 'drizzle-orm';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { rowsOf, type Database } from '../../../server/src/platform/db';
import { renderDocument } from '../../../server/src/modules/enforcement/documents/documents.render';
import type { DocumentRow } from '../../../server/src/modules/enforcement/documents/documents';
import { drawInSql, poolScopeOf, type StoredFilter } from '../../../server/src/modules/enforcement/draws/draws.queries';
import { currentUniformMethod, defaultWeightTable } from '../../../server/src/reference/enforcement/draw';
import { rebuildEnforcementAggregates } from '../../../server/src/modules/enforcement/stats/stats.queries';
import { actorFor, openDirect } from '../direct';
import { login, startPlatform, timeIt, type ScenarioResult } from '../lib';
import { ensureDatabase, pgAvailable } from './enterprises';

const INSPECTIONS = Number(process.env.BENCH_INSPECTIONS ?? 2_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 300_000);
const K = 20;
/** The day the fill ends on; three years of history before it. */
const END = '2026-11-30';
const endDay = sql.raw(`date '${END}'`);

// Enterprises are numbered by id; each inspection and case lands on a pseudo-random one (hashint4), so coverage is
// uneven like real enforcement: with two inspections per enterprise on average, about e^-2 ≈ 13.5% are never
// inspected (the draw's 'never inspected' signal), and some enterprises are inspected many times.
const numbered = sql`(select id, name, area_code, sector, park_id, (row_number() over (order by id))::int - 1 as rn
                      from enterprises where deleted_at is null)`;

const fillInspections = (n: number, orgId: string) => sql`
  insert into inspections (org_id, org_name, enterprise_id, area_code, sector, park_id, kind, unannounced, inspector_ids,
                           inspector_names, planned_on, state, inspected_on, summary, rectification_deadline,
                           reinspection_due, reinspected_on, reinspection_result)
  select ${orgId}::uuid, '深圳市龙岗区应急管理局', e.id, e.area_code, e.sector, e.park_id,
         (array['planned','planned','drawn','complaint','joint'])[1 + g % 5], g % 4 = 0, '{}', array['基准执法甲','基准执法乙'],
         d.day, case when g % 50 = 0 then 'planned' else 'done' end,
         case when g % 50 = 0 then null else d.day end,
         'BI:' || g,
         case when g % 3 = 0 and g % 50 <> 0 then d.day + 15 end,
         case when g % 3 = 0 and g % 50 <> 0 then d.day + 15 end,
         case when g % 3 = 0 and g % 50 <> 0 and d.day + 15 < ${endDay} then d.day + 15 + g % 5 end,
         case when g % 3 = 0 and g % 50 <> 0 and d.day + 15 < ${endDay} then 'passed' end
  from generate_series(1, ${n}) g
  cross join lateral (select (${endDay} - ((g::bigint * 7) % 1095)::int) as day) d
  join ${numbered} e on e.rn = (hashint4(g)::bigint & 2147483647) % (select count(*) from enterprises where deleted_at is null)`;

/** One finding on every third completed inspection (the ones with a rectification deadline). */
const fillFindings = sql`
  insert into inspection_findings (inspection_id, description, location, grade, category, deadline)
  select i.id, '基准检查发现问题', '车间', case when random() < 0.02 then 'major' else 'general' end, 'unsafe_condition',
         i.rectification_deadline
  from inspections i where i.summary like 'BI:%' and i.rectification_deadline is not null`;

const STATUS_MIX = sql`(array['closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed',
  'paid','paid','served','decided','filed','investigating','notified','legal_review'])`;

const fillCases = (n: number, orgId: string) => sql`
  insert into penalty_cases (number, org_id, org_name, enterprise_id, area_code, sector, park_id, procedure, party_kind,
                             party_name, violation, basis_id, fine_band, fine, status, filed_on, decided_on, served_on,
                             paid_on, closed_on, first_check_must_penalise, double_investigation, publish)
  select 'BC' || lpad(g::text, 9, '0'), ${orgId}::uuid, '深圳市龙岗区应急管理局', e.id, e.area_code, e.sector, e.park_id,
         case when g % 10 = 0 then 'simple' else 'general' end, 'organisation', e.name, '未按规定对从业人员进行安全生产教育和培训',
         'AQSCF2021-97', 'first', (10000 + (g % 40) * 1000)::numeric, s.status, d.day,
         case when s.status in ('decided','served','paid','closed') then d.day + 20 + g % 40 end,
         case when s.status in ('served','paid','closed') then d.day + 25 + g % 40 end,
         case when s.status in ('paid','closed') then d.day + 35 + g % 40 end,
         case when s.status = 'closed' then d.day + 40 + g % 40 end,
         g % 9 = 0, g % 7 = 0, g % 2 = 0
  from generate_series(1, ${n}) g
  cross join lateral (select ${STATUS_MIX}[1 + g % 20] as status) s
  cross join lateral (select (${endDay} - 60 - ((g::bigint * 11) % 1035)::int) as day) d
  join ${numbered} e on e.rn = (hashint4(g * 31 + 7)::bigint & 2147483647) % (select count(*) from enterprises where deleted_at is null)`;

async function count(direct: Database, q: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await direct.db.execute(q));
  return Number(row?.n ?? 0);
}

/**
 * Runs the fill once. The rows go in with the triggers off (session_replication_role = replica, as the seed's bulk
 * loads do) and the maintained aggregates are rebuilt once afterwards by the statements the migration ran.
 */
export async function ensureEnforcementFill(direct: Database) {
  const [org] = rowsOf<{ id: string }>(
    await direct.db.execute(sql`select id from organisations where kind = 'bureau' and area_code = '440307' limit 1`),
  );
  if (!org) throw new Error('anjian_bench_province has no 龙岗区 bureau: seed it first');
  let changed = false;
  if ((await count(direct, sql`select count(*)::int as n from inspections where summary like 'BI:%'`)) < INSPECTIONS) {
    console.log(`filling ${INSPECTIONS.toLocaleString('en')} inspections…`);
    await direct.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from inspection_findings where inspection_id in (select id from inspections where summary like 'BI:%')`);
      await tx.execute(sql`delete from inspections where summary like 'BI:%'`);
      await tx.execute(fillInspections(INSPECTIONS, org.id));
      await tx.execute(fillFindings);
    });
    changed = true;
  }
  if ((await count(direct, sql`select count(*)::int as n from penalty_cases where number like 'BC%'`)) < CASES) {
    console.log(`filling ${CASES.toLocaleString('en')} penalty cases…`);
    await direct.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from penalty_cases where number like 'BC%'`);
      await tx.execute(fillCases(CASES, org.id));
    });
    changed = true;
  }
  if (changed) {
    // Statistics first: planned against tables it still believes empty, the rebuild ran for over 7 minutes instead of 1.
    for (const t of ['inspections', 'inspection_findings', 'penalty_cases']) await direct.db.execute(sql.raw(`analyze ${t}`));
    await rebuildEnforcementAggregates(direct.db);
    // The rebuild settles what it churned (enterprises, the rollup, the marks); the facts loaded above are settled here.
    for (const t of ['inspections', 'inspection_findings', 'penalty_cases']) {
      await direct.db.execute(sql.raw(`vacuum analyze ${t}`));
    }
  }
}

const thePool = sql`e.deleted_at is null and e.operating_status = 'operating' and e.area_code like '440307%'`;

export async function enforcementScenario(): Promise<ScenarioResult[]> {
  if (!(await pgAvailable())) return [];
  const url = await ensureDatabase('anjian_bench_province', false);
  const direct = await openDirect({ databaseUrl: url });
  await direct.migrate();
  const enterprises = await count(direct, sql`select count(*)::int as n from enterprises where deleted_at is null`);
  if (enterprises < 1_000_000) console.warn(`only ${enterprises} enterprises in anjian_bench_province`);
  await ensureEnforcementFill(direct);
  const platform = await startPlatform({ DATABASE_URL: url });
  try {
    const s = await login(platform.url, 'officer');
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
      const res = await fetch(`${platform.url}${path}`, {
        method,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };

    // (a) the draw. Each draw stores a row; they are removed afterwards so the database does not grow between runs.
    const actor = await actorFor(direct, 'officer');
    const filter: StoredFilter = { scope: poolScopeOf(actor), asOf: END };
    let poolCount = 0;
    const draw = await timeIt(
      async (i) => {
        const d = await call('POST', '/api/enforcement/draws', { title: `BENCH 双随机 ${i}`, k: K, inspectorsPerEnterprise: 2 });
        poolCount = Number(d.poolCount);
      },
      8,
      1,
      1,
    );
    const drawSql = await timeIt((i) => drawInSql(direct.db, filter, defaultWeightTable, `bench-${i}`, K, currentUniformMethod), 8, 1, 1);
    const randomOrder = await timeIt(
      () => direct.db.execute(sql`select e.id, e.name from enterprises e where ${thePool} order by random() limit ${K}`),
      8,
      1,
      1,
    );
    const [last] = rowsOf<{ id: string }>(
      await direct.db.execute(sql`select id from enforcement_draws where title like 'BENCH 双随机%' order by created_at desc limit 1`),
    );
    const verify = last ? await timeIt(() => call('POST', `/api/enforcement/draws/${last.id}/verify`), 4, 1, 1) : null;
    await direct.db.execute(sql`delete from enforcement_draws where title like 'BENCH 双随机%'`);

    // (b) documents: the layouts rendered in this process (the download route calls the same function).
    const docs = await documentThroughput();

    // (c) case list and statistics through the API, against a plain SELECT / GROUP BY over the same rows.
    const caseQueries = ['page=1', 'page=2', 'page=3', 'status=closed', 'firstCheckMustPenalise=true', 'doubleInvestigation=true'];
    const caseList = await timeIt((i) => call('GET', `/api/enforcement/cases?pageSize=20&${caseQueries[i % caseQueries.length]}`), 120, 4);
    const plainSelect = await timeIt(
      () =>
        direct.db.execute(sql`select * from penalty_cases where area_code like '440307%' order by filed_on desc, created_at desc limit 20`),
      60,
      4,
    );
    const statQueries = ['by=month&year=2026', 'by=sector&year=2026', 'by=month&year=2025', 'by=sector&year=2025'];
    const stats = await timeIt((i) => call('GET', `/api/enforcement/stats?${statQueries[i % statQueries.length]}`), 120, 4);
    const plainGroupBy = await timeIt(
      (i) =>
        direct.db.execute(sql`select to_char(inspected_on, 'YYYY-MM') as key, count(*)::int as inspections
          from inspections where state = 'done' and inspected_on >= ${`${2026 - (i % 2)}-01-01`}::date
            and inspected_on < ${`${2027 - (i % 2)}-01-01`}::date and area_code like '440307%' group by 1`),
      40,
      4,
    );

    return [
      {
        name: `双随机 weighted draw (k = ${K}) over the whole pool (${poolCount.toLocaleString('en')} operating enterprises)`,
        engine: 'postgres',
        metrics: { apiDraw: draw, drawSqlDirect: drawSql, orderByRandom: randomOrder, apiVerify: verify },
        ratios: { apiVsOrderByRandomP50: draw.p50ms / randomOrder.p50ms, apiVsDrawSqlP50: draw.p50ms / drawSql.p50ms },
        targets: { 'draw < 2 s (API, p95)': { limit: 2000, met: draw.p95ms < 2000 } },
        notes: 'orderByRandom = SELECT … ORDER BY random() LIMIT k over the same pool (unweighted, not reproducible)',
      },
      {
        name: 'Enforcement documents (.docx) generation throughput',
        engine: 'node',
        metrics: docs,
        ratios: { documentsPerSecVsOneParagraph: docs.layoutsPerSec / docs.oneParagraphPerSec },
      },
      {
        name: `Penalty case list and enforcement statistics (${INSPECTIONS.toLocaleString('en')} inspections, ${CASES.toLocaleString('en')} cases)`,
        engine: 'postgres',
        metrics: { caseList, plainSelect, stats, plainGroupBy, caseMix: caseQueries, statMix: statQueries },
        ratios: { caseListP95VsPlainSelect: caseList.p95ms / plainSelect.p95ms, statsP95VsPlainGroupBy: stats.p95ms / plainGroupBy.p95ms },
        targets: {
          'case list p95 < 300 ms': { limit: 300, met: caseList.p95ms < 300 },
          'statistics p95 < 300 ms': { limit: 300, met: stats.p95ms < 300 },
        },
      },
    ];
  } finally {
    await platform.stop();
    await direct.close();
  }
}

/** A 1×1 PNG, standing in for the drawn signatures the documents embed. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function sampleDocument(kind: 'site_record' | 'rectification_order', i: number): DocumentRow {
  const number = `（龙）应急${kind === 'site_record' ? '检记' : '责改'}〔2026〕${i + 1}号`;
  return {
    id: '00000000-0000-4000-8000-000000000000',
    kind,
    number,
    orgId: null,
    year: 2026,
    seq: i + 1,
    enterpriseId: '00000000-0000-4000-8000-000000000001',
    areaCode: '440307015001',
    inspectionId: null,
    caseId: null,
    fields: {
      orgName: '深圳市龙岗区应急管理局',
      number,
      issuedOn: '2026-11-30',
      enterpriseName: '深圳市宏达五金制品有限公司',
      enterpriseAddress: '深圳市龙岗区龙城街道爱联社区工业路8号',
      principalName: '张三',
      inspectors: ['王执法', '李执法'],
      inspectedOn: '2026-11-30',
      findings: Array.from({ length: 5 }, (_, j) => ({
        description: `第${j + 1}项：配电箱未设置漏电保护装置，电线私拉乱接`,
        location: '二号车间',
        grade: j === 0 ? 'major' : 'general',
        deadline: '2026-12-15',
      })),
      rectificationDeadline: '2026-12-15',
      principalSignature: PNG,
      inspectorSignatures: [
        { name: '王执法', signature: PNG },
        { name: '李执法', signature: PNG },
      ],
    },
    issuedOn: '2026-11-30',
    createdBy: null,
    createdAt: new Date(),
  };
}

async function documentThroughput() {
  const perSec = async (fn: (i: number) => Promise<unknown>, ms = 5000) => {
    for (let i = 0; i < 20; i++) await fn(i);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) await fn(n++);
    return (n * 1000) / (performance.now() - t0);
  };
  const layoutsPerSec = await perSec((i) => renderDocument(sampleDocument(i % 2 ? 'site_record' : 'rectification_order', i)));
  const oneParagraphPerSec = await perSec((i) =>
    Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(`文书 ${i}`)] })] }] })),
  );
  return { layoutsPerSec, oneParagraphPerSec, layouts: '现场检查记录 and 责令限期整改指令书, 5 findings, 3 signature images' };
}
