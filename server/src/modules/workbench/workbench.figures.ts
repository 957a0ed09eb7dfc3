// The 5–8 figures of the caller's scope that matter, each read from an aggregate kept on write (hidden-danger open
// counts, enforcement and accident rollups, enterprise counts) or from a thin open slice of a table, never from a
// rescan of history. Each figure carries the link to the filtered list behind it.
import { and, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { can, type WorkbenchFigure, type WorkbenchFigureKey, type WorkbenchResponse } from '@anjian/contracts';
import {
  accidentMonthlyRollup,
  accidents,
  areas,
  checkTasks,
  enforcementStatsMonthly,
  enterpriseCounts,
  hazardOpenCounts,
  hazards,
  inspectionPlans,
  penaltyCases,
} from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { likePrefix, scopeWhere } from '../../platform/scope';
import { addDays, addMonths, cstStartOfDay } from '../../platform/time';
import type { HearingConfig } from '../../reference/enforcement/penalty-limits';
import { childLength, levelFor, overdueOpenCounts, rollupRoot, rollupWhere } from '../hazards/hazards.rollups';
import { computeIndicators } from '../indicators/compute-indicators';
import { findAreaRow, mayReadArea } from '../indicators/indicators.queries';
import { presentPlan } from '../enforcement/plans/plans.presenter';
import { findPlan } from '../enforcement/plans/plans.queries';
import { pastDecisionLimitWhere } from '../enforcement/cases/cases.queries';
import { accidentScope } from '../accidents/accidents.queries';

type Figures = Partial<Record<WorkbenchFigureKey, Omit<WorkbenchFigure, 'key'>>>;

const figure = (value: number, link: string | null, o: { previous?: number | null; target?: number | null; alarm?: boolean } = {}) => ({
  value,
  previous: o.previous ?? null,
  target: o.target ?? null,
  alarm: o.alarm ?? false,
  link,
});

const num = (v: unknown) => Number(v ?? 0);

/**
 * One part of the figures statement: a subquery answering one row (an aggregate without GROUP BY), its columns
 * prefixed, and how its columns become figures. The parts of a role are cross-joined into one statement, so the
 * figures and the breakdown cost one round trip and one plan instead of one per figure.
 */
interface Part {
  from: SQL;
  read: (r: Row) => Figures | Promise<Figures>;
}
type Row = Record<string, unknown>;

/** Open, open major, overdue and awaiting-acceptance hidden dangers of a staff scope, from hazard_open_counts. */
function hazardFigures(actor: Actor, today: string): Part | null {
  const root = rollupRoot(actor);
  if (root === null) return null;
  const t = hazardOpenCounts;
  return {
    from: sql`(select sum(${t.n}) as h_open,
        sum(${t.n}) filter (where ${t.grade} = 'major') as h_major,
        sum(${t.n}) filter (where ${overdueOpenCounts(t.state, t.deadlineKey, today)}) as h_overdue,
        sum(${t.n}) filter (where ${t.state} = 'awaiting_acceptance') as h_awaiting
      from ${t} where ${and(...rollupWhere(actor, t, root, levelFor(root.length)))})`,
    read: (r) => {
      const overdue = num(r.h_overdue);
      return {
        openHazards: figure(num(r.h_open), '/hazards?tab=open'),
        openMajorHazards: figure(num(r.h_major), '/hazards?tab=open&grade=major', { alarm: num(r.h_major) > 0 }),
        overdueHazards: figure(overdue, '/hazards?tab=overdue', { alarm: overdue > 0 }),
        awaitingAcceptance: figure(num(r.h_awaiting), '/hazards?tab=awaiting_acceptance'),
      };
    },
  };
}

/** One enterprise's open hidden dangers are few: read live through its index. */
function enterpriseHazardFigures(enterpriseId: string, today: string): Part {
  return {
    from: sql`(select count(*) as eh_open,
        count(*) filter (where ${hazards.state} in ('reported', 'rectifying') and ${hazards.deadline} < ${today}) as eh_overdue
      from ${hazards}
      where ${and(eq(hazards.enterpriseId, enterpriseId), inArray(hazards.state, ['reported', 'rectifying', 'awaiting_acceptance']))})`,
    read: (r) => {
      const overdue = num(r.eh_overdue);
      return {
        openHazards: figure(num(r.eh_open), '/hazards?tab=open'),
        overdueHazards: figure(overdue, '/hazards?tab=overdue', { alarm: overdue > 0 }),
      };
    },
  };
}

/** This month's inspections against the same month last year, and the organisation's plan (id and version). */
function inspectionFigures(db: DbOrTx, actor: Actor, today: string): Part {
  const t = enforcementStatsMonthly;
  const month = today.slice(0, 7);
  const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}`;
  const year = Number(today.slice(0, 4));
  const p = inspectionPlans;
  const plan = actor.orgId
    ? sql`(select json_build_object('id', ${p.id}, 'version', ${p.version}) from ${p} where ${and(eq(p.orgId, actor.orgId), eq(p.year, year))})`
    : sql`null::json`;
  return {
    from: sql`(select sum(${t.inspections}) filter (where ${t.month} = ${month}) as i_now,
        sum(${t.inspections}) filter (where ${t.month} = ${lastYear}) as i_last_year, ${plan} as i_plan
      from ${t}
      where ${and(scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector, parkId: t.parkKey }), inArray(t.month, [month, lastYear]))})`,
    read: async (r) => {
      const found = r.i_plan as { id: string; version: number } | null;
      const plan = found ? await planPace(db, actor, today, found) : null;
      return {
        inspectionsThisMonth: figure(num(r.i_now), plan ? '/inspection-plan' : `/enforcement/inspections?inspectedMonth=${month}`, {
          previous: num(r.i_last_year),
          target: plan?.monthly ?? null,
          alarm: plan?.behind ?? false,
        }),
      };
    },
  };
}

/**
 * The month's share of the organisation's 年度执法检查计划 (required inspections ÷ 12) and whether the year's
 * inspections so far fall short of the share of the year elapsed — the plan page's own computation, so the two
 * never disagree. Only called when the organisation has a plan for the year; the plan row is read when the memo
 * for its version has no answer.
 */
async function planPace(db: DbOrTx, actor: Actor, today: string, found: { id: string; version: number }) {
  // Keyed by the plan's version, so a saved plan shows at once; the groups' counts are kept for the memo's minute.
  return memoised(db, `plan|${found.id}|${found.version}|${today}`, async () => {
    const plan = await findPlan(db, actor, Number(today.slice(0, 4)));
    if (!plan) return null;
    const view = await presentPlan(db, actor, plan.year, plan, today);
    const required = view.groups.reduce((s, g) => s + g.required, 0);
    return { monthly: Math.ceil(required / 12), behind: view.groups.some((g) => g.behind) };
  });
}

/**
 * Undecided cases past the 90-day limit (pastDecisionLimitWhere, the case list's pastLimit filter): one index-only
 * scan of the undecided cases' partial index, never rows shipped to the server.
 */
function casesPastLimitPart(actor: Actor, today: string, hearing: HearingConfig): Part {
  const c = penaltyCases;
  return {
    from: sql`(select count(*) as c_late from ${c}
      where ${and(
        scopeWhere(actor, { areaCode: c.areaCode, sector: c.sector, parkId: c.parkId, enterpriseId: c.enterpriseId }),
        pastDecisionLimitWhere(today, hearing),
      )})`,
    read: (r) => {
      const late = num(r.c_late);
      return { casesPastLimit: figure(late, '/penalties?pastLimit=true', { alarm: late > 0 }) };
    },
  };
}

/** The count of cases past the limit alone (workbench.limit.db.test.ts holds it to decisionClock). */
export async function casesPastLimit(db: DbOrTx, actor: Actor, today: string, hearing: HearingConfig): Promise<Figures> {
  const part = casesPastLimitPart(actor, today, hearing);
  const [r] = rowsOf<Row>(await db.execute(sql`select * from ${part.from} p`));
  return part.read(r ?? {});
}

/** Check tasks left pending past their due date in the last 30 days (older misses are history, not work). */
function missedCheckTasks(actor: Actor, today: string): Part {
  const t = checkTasks;
  return {
    from: sql`(select count(*) as m_missed from ${t}
      where ${and(
        scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector, parkId: t.parkId, enterpriseId: t.enterpriseId }),
        gte(t.dueDate, addDays(today, -30)),
        lt(t.dueDate, today),
        eq(t.state, 'pending'),
      )})`,
    read: (r) => {
      const n = num(r.m_missed);
      return { missedCheckTasks: figure(n, '/checks', { alarm: n > 0 }) };
    },
  };
}

function enterpriseCheckFigures(enterpriseId: string, today: string): Part {
  const t = checkTasks;
  const monthStart = cstStartOfDay(`${today.slice(0, 7)}-01`);
  return {
    from: sql`(select
        count(*) filter (where ${t.state} = 'pending' and ${t.dueDate} >= ${today} and ${t.dueDate} <= ${addDays(today, 7)}) as k_due,
        count(*) filter (where ${t.state} = 'pending' and ${t.dueDate} < ${today}) as k_missed,
        count(*) filter (where ${t.state} = 'done' and ${t.doneAt} >= ${monthStart}) as k_done
      from ${t} where ${and(eq(t.enterpriseId, enterpriseId), gte(t.dueDate, addDays(today, -31)))})`,
    read: (r) => {
      const missed = num(r.k_missed);
      return {
        checkTasksDue: figure(num(r.k_due), '/checks'),
        missedCheckTasks: figure(missed, '/checks', { alarm: missed > 0 }),
        checksDoneThisMonth: figure(num(r.k_done), '/checks'),
      };
    },
  };
}

/**
 * Accidents and deaths this year to date against the same months last year, and deaths against what the year's
 * target allows so far (the indicators' pacing, for the caller's own area). Area and sector scopes read
 * accident_monthly_rollup; a park station reads its park's accidents from the registry (parkAccidentSums).
 */
function accidentFigures(db: DbOrTx, actor: Actor, today: string): Part | null {
  if (actor.scopeKind !== 'area' && actor.scopeKind !== 'sector' && actor.scopeKind !== 'park') return null;
  const t = accidentMonthlyRollup;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const from =
    actor.scopeKind === 'park'
      ? parkAccidentSums(actor, today)
      : sql`(select sum(${t.accidents}) filter (where ${t.year} = ${year}) as a_now,
        sum(${t.accidents}) filter (where ${t.year} = ${year - 1}) as a_last,
        sum(${t.deaths}) filter (where ${t.year} = ${year}) as d_now,
        sum(${t.deaths}) filter (where ${t.year} = ${year - 1}) as d_last
      from ${t}
      where ${and(scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector }), inArray(t.year, [year, year - 1]), lte(t.month, month))})`;
  return {
    from,
    read: async (r) => {
      let target: number | null = null;
      let alarm = false;
      if (actor.scopeKind === 'area' && actor.areaCode && can(actor.role, 'indicator.read') && mayReadArea(actor, actor.areaCode)) {
        const paced = await deathAllowance(db, actor.areaCode, actor.areaPrefix ?? '', year, today);
        target = paced.allowed;
        alarm = paced.alarm;
      }
      return {
        accidentsThisYear: figure(num(r.a_now), '/accident-analysis', { previous: num(r.a_last) }),
        deathsThisYear: figure(num(r.d_now), '/indicators', { previous: num(r.d_last), target, alarm }),
      };
    },
  };
}

/**
 * The park's accidents this year to date and in the same months last year (China time), from the registry through
 * the one scope predicate (accidentScope: the accident's own park_id, copied from the enterprise). The rollup is
 * kept by area and sector only, so it cannot answer a park — scopeWhere gives a park nothing there, which showed
 * as zero; a park's accidents are few, and accidents_park_idx reads only them, as accident analysis does for scopes
 * finer than a street.
 */
function parkAccidentSums(actor: Actor, today: string): SQL {
  const a = accidents;
  const year = Number(today.slice(0, 4));
  const nextMonth = addMonths(`${today.slice(0, 7)}-01`, 1);
  const thisYear = sql`${a.occurredAt} >= ${cstStartOfDay(`${year}-01-01`)} and ${a.occurredAt} < ${cstStartOfDay(nextMonth)}`;
  const lastYear = sql`${a.occurredAt} >= ${cstStartOfDay(`${year - 1}-01-01`)} and ${a.occurredAt} < ${cstStartOfDay(addMonths(nextMonth, -12))}`;
  return sql`(select count(*) filter (where ${thisYear}) as a_now, count(*) filter (where ${lastYear}) as a_last,
      sum(${a.deaths}) filter (where ${thisYear}) as d_now, sum(${a.deaths}) filter (where ${lastYear}) as d_last
    from ${a} where ${and(accidentScope(actor), sql`((${thisYear}) or (${lastYear}))`)})`;
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

function enterprisesInScope(actor: Actor): Part {
  const t = enterpriseCounts;
  return {
    from: sql`(select sum(${t.n}) as n_enterprises from ${t} where ${scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector, parkId: t.parkId })})`,
    read: (r) => ({ enterprisesInScope: figure(num(r.n_enterprises), '/enterprises') }),
  };
}

/**
 * Open and overdue hidden dangers one level below the caller's area (a district by street, a street by community),
 * every child area listed in code order, as one JSON column of the figures statement.
 */
function breakdownPart(actor: Actor, today: string): SQL | null {
  if (actor.scopeKind !== 'area' || !actor.areaPrefix || actor.areaPrefix.length >= 15) return null;
  const root = actor.areaPrefix;
  const level = childLength(root);
  const t = hazardOpenCounts;
  return sql`(select json_agg(json_build_object('areaCode', a.code, 'name', a.name, 'open', coalesce(r.open, 0),
        'overdue', coalesce(r.overdue, 0)) order by a.code)
      from ${areas} a
      left join (select ${t.areaCode} as area_code, sum(${t.n}) as open,
          sum(${t.n}) filter (where ${overdueOpenCounts(t.state, t.deadlineKey, today)}) as overdue
        from ${t} where ${and(...rollupWhere(actor, t, root, levelFor(level)))} group by ${t.areaCode}) r on r.area_code = a.code
      where a.code like ${likePrefix(root)} and length(a.code) = ${level})`;
}

export interface WorkbenchOverview {
  figures: WorkbenchFigure[];
  breakdown: WorkbenchResponse['breakdown'];
}

/**
 * The figures of the caller's role and scope and, for an area, the breakdown one level down: every part in one
 * statement (the one-row aggregates cross-joined, the breakdown as a JSON column).
 */
export async function workbenchOverview(db: DbOrTx, actor: Actor, today: string, hearing: HearingConfig): Promise<WorkbenchOverview> {
  const parts: Part[] = [];
  if (actor.scopeKind === 'enterprise' && actor.enterpriseId) {
    parts.push(enterpriseHazardFigures(actor.enterpriseId, today), enterpriseCheckFigures(actor.enterpriseId, today));
  } else if (actor.role === 'grid_inspector') {
    const h = hazardFigures(actor, today);
    if (h) parts.push(h);
    parts.push(enterprisesInScope(actor));
  } else if (actor.scopeKind !== 'none') {
    // Each figure only for a role that may open the list behind it: the system and audit administrators hold an
    // area scope but read no hidden dangers, checks or accidents (三员分立), so their workbench has no figures.
    const h = can(actor.role, 'hazard.read') ? hazardFigures(actor, today) : null;
    if (h) parts.push(h);
    if (can(actor.role, 'check.read')) parts.push(missedCheckTasks(actor, today));
    const a = can(actor.role, 'accident.read') ? accidentFigures(db, actor, today) : null;
    if (a) parts.push(a);
    if (can(actor.role, 'enforcement.read')) parts.push(inspectionFigures(db, actor, today));
    if (can(actor.role, 'case.read')) parts.push(casesPastLimitPart(actor, today, hearing));
  }
  const breakdown = can(actor.role, 'hazard.read') ? breakdownPart(actor, today) : null;
  if (parts.length === 0 && !breakdown) return { figures: [], breakdown: null };
  const from = parts.length
    ? sql.join(
        parts.map((p, i) => sql`${p.from} ${sql.raw(`p${i}`)}`),
        sql`, `,
      )
    : sql`(select 1) p`;
  const [row] = rowsOf<Row>(await db.execute(sql`select *${breakdown ? sql`, ${breakdown} as breakdown` : sql``} from ${from}`));
  const r = row ?? {};
  const all: Figures = Object.assign({}, ...(await Promise.all(parts.map((p) => p.read(r)))));
  return {
    figures: order.filter((k) => all[k]).map((k) => ({ key: k, ...all[k]! })),
    breakdown: breakdown
      ? ((r.breakdown as WorkbenchResponse['breakdown']) ?? []).map((b) => ({ ...b, open: num(b.open), overdue: num(b.overdue) }))
      : null,
  };
}
