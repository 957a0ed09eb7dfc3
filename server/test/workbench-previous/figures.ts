// The workbench's queries as they were before issue #19 (one query per figure and per kind of item), kept only as
// the oracle of workbench.same.db.test.ts: the combined queries must answer every role exactly as these did.
// One change since: a park station's accident figures, read from the registry (accidentFigures below), which
// before were absent for a park since the rollup has no park.
// The 5–8 figures of the caller's scope that matter, each read from an aggregate kept on write (hidden-danger open
// counts, enforcement and accident rollups, enterprise counts) or from a thin open slice of a table, never from a
// rescan of history. Each figure carries the link to the filtered list behind it.
import { and, eq, gte, inArray, lt, lte, sql, sum } from 'drizzle-orm';
import { can, type WorkbenchFigure, type WorkbenchFigureKey } from '@anjian/contracts';
import {
  accidentMonthlyRollup,
  accidents,
  areas,
  checkTasks,
  enforcementStatsMonthly,
  enterpriseCounts,
  hazardOpenCounts,
  hazards,
  penaltyCases,
} from '../../src/db/schema';
import type { Actor } from '../../src/platform/actor';
import type { DbOrTx } from '../../src/platform/db';
import { likePrefix, scopeWhere } from '../../src/platform/scope';
import { addDays, cstStartOfDay } from '../../src/platform/time';
import { DECISION_LIMIT_DAYS, type HearingConfig } from '../../src/reference/enforcement/penalty-limits';
import { childLength, levelFor, overdueOpenCounts, rollupRoot, rollupWhere } from '../../src/modules/hazards/hazards.rollups';
import { computeIndicators } from '../../src/modules/indicators/compute-indicators';
import { findAreaRow, mayReadArea } from '../../src/modules/indicators/indicators.queries';
import { presentPlan } from '../../src/modules/enforcement/plans/plans.presenter';
import { findPlan } from '../../src/modules/enforcement/plans/plans.queries';

type Figures = Partial<Record<WorkbenchFigureKey, Omit<WorkbenchFigure, 'key'>>>;

const figure = (value: number, link: string | null, o: { previous?: number | null; target?: number | null; alarm?: boolean } = {}) => ({
  value,
  previous: o.previous ?? null,
  target: o.target ?? null,
  alarm: o.alarm ?? false,
  link,
});

const num = (v: unknown) => Number(v ?? 0);

/** Open, open major, overdue and awaiting-acceptance hidden dangers of a staff scope, from hazard_open_counts. */
async function hazardFigures(db: DbOrTx, actor: Actor, today: string): Promise<Figures> {
  const root = rollupRoot(actor);
  if (root === null) return {};
  const t = hazardOpenCounts;
  const [r] = await db
    .select({
      open: sum(t.n),
      major: sql<string>`sum(${t.n}) filter (where ${t.grade} = 'major')`,
      overdue: sql<string>`sum(${t.n}) filter (where ${overdueOpenCounts(t.state, t.deadlineKey, today)})`,
      awaiting: sql<string>`sum(${t.n}) filter (where ${t.state} = 'awaiting_acceptance')`,
    })
    .from(t)
    .where(and(...rollupWhere(actor, t, root, levelFor(root.length))));
  const overdue = num(r?.overdue);
  return {
    openHazards: figure(num(r?.open), '/hazards?tab=open'),
    openMajorHazards: figure(num(r?.major), '/hazards?tab=open&grade=major', { alarm: num(r?.major) > 0 }),
    overdueHazards: figure(overdue, '/hazards?tab=overdue', { alarm: overdue > 0 }),
    awaitingAcceptance: figure(num(r?.awaiting), '/hazards?tab=awaiting_acceptance'),
  };
}

/** One enterprise's open hidden dangers are few: read live through its index. */
async function enterpriseHazardFigures(db: DbOrTx, enterpriseId: string, today: string): Promise<Figures> {
  const [r] = await db
    .select({
      open: sql<string>`count(*)`,
      overdue: sql<string>`count(*) filter (where ${hazards.state} in ('reported', 'rectifying') and ${hazards.deadline} < ${today})`,
    })
    .from(hazards)
    .where(and(eq(hazards.enterpriseId, enterpriseId), inArray(hazards.state, ['reported', 'rectifying', 'awaiting_acceptance'])));
  const overdue = num(r?.overdue);
  return {
    openHazards: figure(num(r?.open), '/hazards?tab=open'),
    overdueHazards: figure(overdue, '/hazards?tab=overdue', { alarm: overdue > 0 }),
  };
}

async function inspectionFigures(db: DbOrTx, actor: Actor, today: string): Promise<Figures> {
  const t = enforcementStatsMonthly;
  const month = today.slice(0, 7);
  const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}`;
  const rows = await db
    .select({ month: t.month, n: sum(t.inspections) })
    .from(t)
    .where(and(scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector, parkId: t.parkKey }), inArray(t.month, [month, lastYear])))
    .groupBy(t.month);
  const of = (m: string) => num(rows.find((r) => r.month === m)?.n);
  const plan = await planPace(db, actor, today);
  return {
    inspectionsThisMonth: figure(of(month), plan ? '/inspection-plan' : `/enforcement/inspections?inspectedMonth=${month}`, {
      previous: of(lastYear),
      target: plan?.monthly ?? null,
      alarm: plan?.behind ?? false,
    }),
  };
}

/**
 * The month's share of the organisation's 年度执法检查计划 (required inspections ÷ 12) and whether the year's
 * inspections so far fall short of the share of the year elapsed — the plan page's own computation, so the two
 * never disagree. Null when the organisation has no plan for the year.
 */
async function planPace(db: DbOrTx, actor: Actor, today: string) {
  const plan = await findPlan(db, actor, Number(today.slice(0, 4)));
  if (!plan) return null;
  // Keyed by the plan's version, so a saved plan shows at once; the groups' counts are kept for the memo's minute.
  return memoised(db, `plan|${plan.id}|${plan.version}|${today}`, async () => {
    const view = await presentPlan(db, actor, plan.year, plan, today);
    const required = view.groups.reduce((s, g) => s + g.required, 0);
    return { monthly: Math.ceil(required / 12), behind: view.groups.some((g) => g.behind) };
  });
}

/**
 * Undecided cases past the 90-day limit (§60 with extensions and hearing pauses): decisionClock's rule counted in
 * SQL — due = filed + 90 + extensions (+ the hearing's days from request to held, or to today while pending, when the
 * deployment leaves them out) — so the count is one index-only scan of the undecided cases' partial index (migration
 * 0038, every clock column in it), never rows shipped to the server. workbench.limit.db.test.ts holds it equal to
 * decisionClock. Only cases filed at least 90 days ago can be late.
 */
export async function casesPastLimit(db: DbOrTx, actor: Actor, today: string, hearing: HearingConfig): Promise<Figures> {
  const c = penaltyCases;
  const day = sql`cast(${today} as date)`;
  // Most cases have no extension: skip the per-row subquery for them (a third of the count's time at province scale).
  const extensions = sql`case when ${c.extensionDays} = '{}' then 0 else coalesce((select sum(x) from unnest(${c.extensionDays}) as x), 0) end`;
  const pause = hearing.excludeFromDecisionLimit
    ? sql`case when ${c.hearingRequestedOn} is null then 0 else greatest(0, coalesce(${c.hearingHeldOn}, ${day}) - ${c.hearingRequestedOn}) end`
    : sql`0`;
  const [r] = await db
    .select({ n: sql<string>`count(*)` })
    .from(c)
    .where(
      and(
        scopeWhere(actor, { areaCode: c.areaCode, sector: c.sector, parkId: c.parkId, enterpriseId: c.enterpriseId }),
        sql`${c.decidedOn} is null and ${c.status} <> 'closed'`,
        lte(c.filedOn, addDays(today, -DECISION_LIMIT_DAYS)),
        sql`${c.filedOn} + cast(${DECISION_LIMIT_DAYS} + ${extensions} + ${pause} as integer) < ${day}`,
      ),
    );
  const late = num(r?.n);
  return { casesPastLimit: figure(late, '/penalties?pastLimit=true', { alarm: late > 0 }) };
}

/** Check tasks left pending past their due date in the last 30 days (older misses are history, not work). */
async function missedCheckTasks(db: DbOrTx, actor: Actor, today: string): Promise<Figures> {
  const t = checkTasks;
  const [r] = await db
    .select({ n: sql<string>`count(*)` })
    .from(t)
    .where(
      and(
        scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector, parkId: t.parkId, enterpriseId: t.enterpriseId }),
        gte(t.dueDate, addDays(today, -30)),
        lt(t.dueDate, today),
        eq(t.state, 'pending'),
      ),
    );
  const n = num(r?.n);
  return { missedCheckTasks: figure(n, '/checks', { alarm: n > 0 }) };
}

async function enterpriseCheckFigures(db: DbOrTx, enterpriseId: string, today: string): Promise<Figures> {
  const t = checkTasks;
  const monthStart = cstStartOfDay(`${today.slice(0, 7)}-01`);
  const [r] = await db
    .select({
      due: sql<string>`count(*) filter (where ${t.state} = 'pending' and ${t.dueDate} >= ${today} and ${t.dueDate} <= ${addDays(today, 7)})`,
      missed: sql<string>`count(*) filter (where ${t.state} = 'pending' and ${t.dueDate} < ${today})`,
      done: sql<string>`count(*) filter (where ${t.state} = 'done' and ${t.doneAt} >= ${monthStart})`,
    })
    .from(t)
    .where(and(eq(t.enterpriseId, enterpriseId), gte(t.dueDate, addDays(today, -31))));
  const missed = num(r?.missed);
  return {
    checkTasksDue: figure(num(r?.due), '/checks'),
    missedCheckTasks: figure(missed, '/checks', { alarm: missed > 0 }),
    checksDoneThisMonth: figure(num(r?.done), '/checks'),
  };
}

/**
 * Accidents and deaths this year to date against the same months last year (accident_monthly_rollup), and deaths
 * against what the year's target allows so far (the indicators' pacing, for the caller's own area).
 */
async function accidentFigures(db: DbOrTx, actor: Actor, today: string): Promise<Figures> {
  if (actor.scopeKind !== 'area' && actor.scopeKind !== 'sector' && actor.scopeKind !== 'park') return {};
  const t = accidentMonthlyRollup;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // Since the park fix: a park's accidents by China year and month from the registry (the rollup has no park).
  const a = accidents;
  const cst = sql`(${a.occurredAt} at time zone 'Asia/Shanghai')`;
  const rows =
    actor.scopeKind === 'park'
      ? await db
          .select({ year: sql<number>`extract(year from ${cst})::int`, accidents: sql<string>`count(*)`, deaths: sum(a.deaths) })
          .from(a)
          .where(
            and(
              scopeWhere(actor, { areaCode: a.areaCode, sector: a.sector, parkId: a.parkId, enterpriseId: a.enterpriseId }),
              sql`extract(year from ${cst}) in (${year}, ${year - 1}) and extract(month from ${cst}) <= ${month}`,
            ),
          )
          .groupBy(sql`1`)
      : await db
          .select({ year: t.year, accidents: sum(t.accidents), deaths: sum(t.deaths) })
          .from(t)
          .where(and(scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector }), inArray(t.year, [year, year - 1]), lte(t.month, month)))
          .groupBy(t.year);
  const of = (y: number) => rows.find((r) => Number(r.year) === y);
  let target: number | null = null;
  let alarm = false;
  if (actor.scopeKind === 'area' && actor.areaCode && can(actor.role, 'indicator.read') && mayReadArea(actor, actor.areaCode)) {
    const paced = await deathAllowance(db, actor.areaCode, actor.areaPrefix ?? '', year, today);
    target = paced.allowed;
    alarm = paced.alarm;
  }
  return {
    accidentsThisYear: figure(num(of(year)?.accidents), '/accident-analysis', { previous: num(of(year - 1)?.accidents) }),
    deathsThisYear: figure(num(of(year)?.deaths), '/indicators', { previous: num(of(year - 1)?.deaths), target, alarm }),
  };
}

/**
 * The year's allowance of deaths under the first rate that has a target, and whether the pacing forecast exceeds
 * it: the indicators page's own computation (a dozen small queries over the accident rollup), kept for a minute
 * per area and day since every home page of the area asks for it and it moves only with a registered accident.
 */
function deathAllowance(db: DbOrTx, areaCode: string, prefix: string, year: number, today: string) {
  return memoised(db, `deaths|${areaCode}|${today}`, async () => {
    const area = await findAreaRow(db, areaCode);
    if (!area) return { allowed: null, alarm: false };
    const report = await computeIndicators(db, { code: area.code, name: area.name, prefix }, year, new Date(`${today}T12:00:00+08:00`));
    const paced = report.rates.find((r) => r.forecast?.deathsAllowed != null);
    return { allowed: paced?.forecast?.deathsAllowed ?? null, alarm: paced?.alarm ?? false };
  });
}

/**
 * Figures computed from several queries (a death allowance, a plan's pace) are kept for a minute per database and
 * key: every home page of an area or organisation asks for the same one, and they move only with rare writes.
 */
type Memo = { at: number; value: Promise<unknown> };
const memos = new WeakMap<object, Map<string, Memo>>();
const MEMO_TTL_MS = 60_000;

function memoised<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  const hit = memo.get(key);
  if (hit && Date.now() - hit.at < MEMO_TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  memo.set(key, { at: Date.now(), value });
  value.catch(() => memo.delete(key));
  if (memo.size > 1000) memo.delete(memo.keys().next().value!);
  return value;
}

async function enterprisesInScope(db: DbOrTx, actor: Actor): Promise<Figures> {
  const t = enterpriseCounts;
  const [r] = await db
    .select({ n: sum(t.n) })
    .from(t)
    .where(scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector, parkId: t.parkId }));
  return { enterprisesInScope: figure(num(r?.n), '/enterprises') };
}

const order: WorkbenchFigureKey[] = [
  'overdueHazards',
  'openMajorHazards',
  'awaitingAcceptance',
  'openHazards',
  'checkTasksDue',
  'missedCheckTasks',
  'checksDoneThisMonth',
  'inspectionsThisMonth',
  'casesPastLimit',
  'accidentsThisYear',
  'deathsThisYear',
  'enterprisesInScope',
];

export async function workbenchFigures(db: DbOrTx, actor: Actor, today: string, hearing: HearingConfig): Promise<WorkbenchFigure[]> {
  const parts: Promise<Figures>[] = [];
  if (actor.scopeKind === 'enterprise' && actor.enterpriseId) {
    parts.push(enterpriseHazardFigures(db, actor.enterpriseId, today), enterpriseCheckFigures(db, actor.enterpriseId, today));
  } else if (actor.role === 'grid_inspector') {
    parts.push(hazardFigures(db, actor, today), enterprisesInScope(db, actor));
  } else if (actor.scopeKind !== 'none') {
    // As the platform since 2026-12-06: each figure only for a role that may read the list behind it.
    if (can(actor.role, 'hazard.read')) parts.push(hazardFigures(db, actor, today));
    if (can(actor.role, 'check.read')) parts.push(missedCheckTasks(db, actor, today));
    if (can(actor.role, 'accident.read')) parts.push(accidentFigures(db, actor, today));
    if (can(actor.role, 'enforcement.read')) parts.push(inspectionFigures(db, actor, today));
    if (can(actor.role, 'case.read')) parts.push(casesPastLimit(db, actor, today, hearing));
  }
  const all: Figures = Object.assign({}, ...(await Promise.all(parts)));
  return order.filter((k) => all[k]).map((k) => ({ key: k, ...all[k]! }));
}

/** Open and overdue hidden dangers one level below the caller's area (a district by street, a street by community). */
export async function workbenchBreakdown(db: DbOrTx, actor: Actor, today: string) {
  if (actor.scopeKind !== 'area' || !actor.areaPrefix || actor.areaPrefix.length >= 15) return null;
  if (!can(actor.role, 'hazard.read')) return null;
  const root = actor.areaPrefix;
  const level = childLength(root);
  const t = hazardOpenCounts;
  const rows = await db
    .select({
      areaCode: t.areaCode,
      open: sum(t.n),
      overdue: sql<string>`sum(${t.n}) filter (where ${overdueOpenCounts(t.state, t.deadlineKey, today)})`,
    })
    .from(t)
    .where(and(...rollupWhere(actor, t, root, levelFor(level))))
    .groupBy(t.areaCode);
  const children = await db
    .select({ code: areas.code, name: areas.name })
    .from(areas)
    .where(and(sql`${areas.code} like ${likePrefix(root)}`, sql`length(${areas.code}) = ${level}`))
    .orderBy(areas.code);
  return children.map((a) => {
    const r = rows.find((x) => x.areaCode === a.code);
    return { areaCode: a.code, name: a.name, open: num(r?.open), overdue: num(r?.overdue) };
  });
}
