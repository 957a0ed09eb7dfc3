// "What must I do today": the caller's open items across capabilities, each with its deadline. Every read goes
// through the one scope predicate and stays small: open rows are a thin slice of each table, found through the
// partial indexes of open hidden dangers, planned inspections and undecided cases (migration 0032).
import { and, eq, inArray, isNotNull, isNull, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  can,
  caseStatuses,
  checkFrequencyLabels,
  responsibleLevelLabels,
  type CaseStatus,
  type CheckFrequency,
  type ResponsibleLevel,
  workbenchTodoLimit,
  type WorkbenchTodo,
  type WorkbenchTodoKind,
} from '@anjian/contracts';
import { checkTasks, enterprises, hazards, inspections, penaltyCases } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { addDays } from '../../platform/time';
import { hazardSourceInfo } from '../../reference/hazards/classification';
import { hazardStateLabels } from '../../reference/hazards/workflow';
import { decisionClock, type HearingConfig } from '../../reference/enforcement/penalty-limits';
import { caseWorkflow } from '../enforcement/cases/case.workflow';
import { dueStateOf } from './workbench.due';
import { workplanTodo } from '../workplans/workplans.todo';
import { gridVisitTodo } from '../grid/grid.todo';

/** Each kind's query reads one row more than the workbench lists, to tell whether the kind has more. */
const TODO_READ = workbenchTodoLimit + 1;

const regulatorSources = Object.entries(hazardSourceInfo)
  .filter(([, info]) => info.finder === 'regulator')
  .map(([source]) => source);

const hazardScope = (actor: Actor) =>
  scopeWhere(actor, { areaCode: hazards.areaCode, sector: hazards.sector, parkId: hazards.parkId, enterpriseId: hazards.enterpriseId });

/** The regulator signs off major ones and those a regulator found; the enterprise its own general findings. */
const regulatorAccepts = () =>
  sql`(${hazards.grade} = 'major' or ${hazards.source} in (${sql.join(
    regulatorSources.map((s) => sql`${s}`),
    sql`, `,
  )}))`;

/** One kind of item as a branch of the to-do query: its own order and limit, then the common columns. */
interface Branch {
  kind: WorkbenchTodo['kind'];
  sql: SQL;
}

/** The columns every branch returns; `extra` carries what only one kind needs (a case's clock, a task's period). */
interface TodoRow {
  kind: WorkbenchTodo['kind'];
  id: string;
  title: string;
  enterprise_name: string | null;
  state: string | null;
  due: string | null;
  extra: Record<string, unknown> | null;
}

const kindLiteral = (kind: string) => sql.raw(`'${kind.replace(/'/g, "''")}'`);

/**
 * Open hidden dangers of one kind, most pressing deadline first. The order (deadline, found, id) within one state is
 * the partial index hazards_todo_idx (migration 0061), so the first 20 are read in order and nothing is sorted.
 */
function hazardBranch(actor: Actor, where: SQL, kind: WorkbenchTodo['kind']): Branch {
  return {
    kind,
    sql: sql`select ${kindLiteral(kind)} as kind, ${hazards.id} as id, ${hazards.description} as title, ${enterprises.name} as enterprise_name,
        ${hazards.state} as state, ${hazards.deadline} as due, ${hazards.deadline} as sort1, ${hazards.foundOn} as sort2, null::json as extra
      from ${hazards} inner join ${enterprises} on ${enterprises.id} = ${hazards.enterpriseId}
      where ${and(hazardScope(actor), where)}
      order by ${hazards.deadline} asc nulls last, ${hazards.foundOn} asc, ${hazards.id} asc
      limit ${sql.raw(String(TODO_READ))}`,
  };
}

/**
 * Every kind's first items in one statement (a UNION ALL of the kinds, each with its own order and limit): one
 * round trip and one plan instead of one per kind. The rows come back kind by kind in the order of `branches`, each
 * kind in its own order (the outer ORDER BY repeats the branches' keys: rank, the day, the second day, id).
 */
async function todoRows(db: DbOrTx, branches: Branch[]): Promise<TodoRow[]> {
  if (branches.length === 0) return [];
  const parts = branches.map((b, i) => sql`select ${sql.raw(String(i))} as rank, b.* from (${b.sql}) b`);
  const rows = rowsOf<TodoRow>(
    await db.execute(
      sql`select kind, id, title, enterprise_name, state, due, extra from (${sql.join(parts, sql` union all `)}) t
        order by rank, sort1 asc nulls last, sort2 asc nulls last, id asc`,
    ),
  );
  return rows;
}

function hazardItem(r: TodoRow, today: string): WorkbenchTodo {
  return {
    kind: r.kind,
    id: r.id,
    title: r.title,
    enterpriseName: r.enterprise_name,
    step: hazardStateLabels[r.state as keyof typeof hazardStateLabels] ?? null,
    due: r.due,
    dueState: dueStateOf(r.due, today),
    link: `/hazards/${r.id}`,
  };
}

/** An enterprise rectifies its open hidden dangers and accepts the general ones it found itself. */
async function enterpriseTodo(db: DbOrTx, actor: Actor, today: string): Promise<WorkbenchTodo[]> {
  const t = checkTasks;
  const tasks: Branch = {
    kind: 'check_task',
    sql: sql`select ${kindLiteral('check_task')} as kind, ${t.id} as id, null::text as title, null::text as enterprise_name,
        null::text as state, ${t.dueDate} as due, ${t.dueDate} as sort1, null::date as sort2,
        json_build_object('level', ${t.level}, 'frequency', ${t.frequency}, 'periodStart', ${t.periodStart}) as extra
      from ${t}
      where ${and(
        eq(t.enterpriseId, actor.enterpriseId ?? ''),
        eq(t.state, 'pending'),
        lte(t.periodStart, today),
        lte(t.dueDate, addDays(today, 7)),
      )}
      order by ${t.dueDate} asc, ${t.id} asc
      limit ${sql.raw(String(TODO_READ))}`,
  };
  const rows = await todoRows(db, [
    hazardBranch(actor, inArray(hazards.state, ['reported', 'rectifying']), 'hazard_rectify'),
    hazardBranch(actor, and(eq(hazards.state, 'awaiting_acceptance'), sql`not ${regulatorAccepts()}`)!, 'hazard_accept'),
    tasks,
  ]);
  return rows.map((r) => {
    if (r.kind !== 'check_task') return hazardItem(r, today);
    const x = r.extra as { level: string; frequency: string; periodStart: string };
    return {
      kind: 'check_task' as const,
      id: r.id,
      title: x.periodStart === r.due ? r.due : `${x.periodStart} – ${r.due}`,
      enterpriseName: null,
      step: checkTaskStep(x.level, x.frequency),
      due: r.due,
      dueState: dueStateOf(r.due, today),
      link: `/checks/tasks/${r.id}`,
    };
  });
}

/** Case statuses in which this role has a next step, from the procedure table itself. */
export function caseStatusesWaitingFor(actor: Actor): CaseStatus[] {
  return caseStatuses.filter((s) =>
    Object.values(caseWorkflow).some((step) => step.to !== null && step.from.includes(s) && can(actor.role, step.permission)),
  );
}

/**
 * Orders by a day without letting the planner walk a date index in order: it underestimates how few rows "assigned
 * to me" (`inspector_ids @>`) keeps and would scan a whole district's open inspections in date order hoping to meet
 * 20 of mine early, instead of reading mine from the inverted index and sorting the handful (measured at 1,000,000
 * enterprises: 354 ms against a few ms).
 */
const unindexedOrder = (day: AnyColumn) => sql`${day} + 0`;

async function officerTodo(db: DbOrTx, actor: Actor, today: string, hearing: HearingConfig): Promise<WorkbenchTodo[]> {
  const i = inspections;
  const c = penaltyCases;
  const mine = sql`${i.inspectorIds} @> array[${actor.id}]::uuid[]`;
  const inspectionScope = scopeWhere(actor, { areaCode: i.areaCode, sector: i.sector, parkId: i.parkId, enterpriseId: i.enterpriseId });
  const caseScope = scopeWhere(actor, { areaCode: c.areaCode, sector: c.sector, parkId: c.parkId, enterpriseId: c.enterpriseId });
  const waiting = caseStatusesWaitingFor(actor);
  // Reviewers (the leader) see every case waiting for review in scope; handlers the cases they filed.
  const ownCases = can(actor.role, 'case.review') ? undefined : eq(c.createdBy, actor.id);
  const inspectionBranch = (kind: 'inspection' | 'reinspection', day: AnyColumn, where: SQL): Branch => ({
    kind,
    sql: sql`select ${kindLiteral(kind)} as kind, ${i.id} as id, ${enterprises.name} as title, null::text as enterprise_name,
        null::text as state, ${day} as due, ${day} as sort1, null::date as sort2, null::json as extra
      from ${i} inner join ${enterprises} on ${enterprises.id} = ${i.enterpriseId}
      where ${and(inspectionScope, where, mine)}
      order by ${unindexedOrder(day)} asc, ${i.id} asc
      limit ${sql.raw(String(TODO_READ))}`,
  });
  // Only the steps this role may open: the system and audit administrators hold an area scope but no hidden
  // dangers or inspections (三员分立), so they are offered none.
  const branches: Branch[] = [
    ...(can(actor.role, 'hazard.read')
      ? [
          hazardBranch(actor, and(eq(hazards.state, 'reported'), regulatorAccepts())!, 'hazard_assign'),
          hazardBranch(actor, and(eq(hazards.state, 'awaiting_acceptance'), regulatorAccepts())!, 'hazard_accept'),
        ]
      : []),
    ...(can(actor.role, 'inspection.read')
      ? [
          inspectionBranch('inspection', i.plannedOn, eq(i.state, 'planned')),
          inspectionBranch('reinspection', i.reinspectionDue, and(isNotNull(i.reinspectionDue), isNull(i.reinspectedOn))!),
        ]
      : []),
  ];
  if (waiting.length > 0) {
    // The clock's inputs; the extensions as their sum, which is all decisionClock reads of them.
    branches.push({
      kind: 'case_step',
      sql: sql`select ${kindLiteral('case_step')} as kind, ${c.id} as id, ${c.number} || ' ' || ${c.violation} as title,
          ${enterprises.name} as enterprise_name, ${c.status} as state, null::date as due, ${c.filedOn} as sort1, null::date as sort2,
          json_build_object('filedOn', ${c.filedOn}, 'extension', coalesce((select sum(x) from unnest(${c.extensionDays}) as x), 0),
            'hearingRequestedOn', ${c.hearingRequestedOn}, 'hearingHeldOn', ${c.hearingHeldOn}, 'decidedOn', ${c.decidedOn}) as extra
        from ${c} inner join ${enterprises} on ${enterprises.id} = ${c.enterpriseId}
        where ${and(caseScope, inArray(c.status, waiting), ownCases)}
        order by ${c.filedOn} asc, ${c.id} asc
        limit ${sql.raw(String(TODO_READ))}`,
    });
  }
  const rows = await todoRows(db, branches);
  return rows.map((r): WorkbenchTodo => {
    switch (r.kind) {
      case 'inspection':
      case 'reinspection':
        return {
          kind: r.kind,
          id: r.id,
          title: r.title,
          enterpriseName: null,
          step: null,
          due: r.due,
          dueState: dueStateOf(r.due, today),
          link: `/enforcement/inspections/${r.id}`,
        };
      case 'case_step': {
        const x = r.extra as {
          filedOn: string;
          extension: number;
          hearingRequestedOn: string | null;
          hearingHeldOn: string | null;
          decidedOn: string | null;
        };
        const clock = { ...x, extensionDays: [Number(x.extension)] };
        const due = x.decidedOn ? null : decisionClock(clock, today, hearing).due;
        return {
          kind: 'case_step',
          id: r.id,
          title: r.title,
          enterpriseName: r.enterprise_name,
          step: caseStatusLabel(r.state as CaseStatus),
          due,
          dueState: dueStateOf(due, today),
          link: `/enforcement/cases/${r.id}`,
        };
      }
      default:
        return hazardItem(r, today);
    }
  });
}

/**
 * A grid inspector follows up the open hidden dangers of the grid that are overdue or due within a week, and visits
 * the units whose patrol is due (grid.todo.ts).
 */
async function gridTodo(db: DbOrTx, actor: Actor, today: string): Promise<WorkbenchTodo[]> {
  const where = and(inArray(hazards.state, ['reported', 'rectifying']), lte(hazards.deadline, addDays(today, 7)))!;
  const [followUps, visits] = await Promise.all([
    todoRows(db, [hazardBranch(actor, where, 'hazard_follow_up')]),
    gridVisitTodo(db, actor, today, dueStateOf),
  ]);
  return [...followUps.map((r) => hazardItem(r, today)), ...visits];
}

const caseStatusLabels: Partial<Record<CaseStatus, { zh: string; en: string }>> = Object.fromEntries(
  Object.values(caseWorkflow)
    .filter((s) => s.to)
    .map((s) => [s.to, s.label]),
);
/** The step that put the case where it is (立案 has none: it waits for 调查取证). */
function caseStatusLabel(s: CaseStatus) {
  return caseStatusLabels[s] ?? (s === 'filed' ? { zh: '已立案', en: 'Filed' } : null);
}

function checkTaskStep(level: string, frequency: string) {
  const l = responsibleLevelLabels[level as ResponsibleLevel];
  const f = checkFrequencyLabels[frequency as CheckFrequency];
  return l && f ? { zh: `${l.zh} · ${f.zh}`, en: `${l.en} · ${f.en}` } : null;
}

const dueOrder = { overdue: 0, today: 1, soon: 2, later: 3, none: 4 } as const;

/** Where each kind's items are listed in full: the page and filter that hold every one of them. */
const todoListLinks: Record<WorkbenchTodoKind, string> = {
  hazard_rectify: '/hazards?tab=open',
  hazard_accept: '/hazards?tab=awaiting_acceptance',
  hazard_assign: '/hazards?tab=reported',
  hazard_follow_up: '/hazards?tab=open',
  check_task: '/checks',
  inspection: '/enforcement/inspections?state=planned',
  reinspection: '/enforcement/inspections?reinspectionDue=true',
  case_step: '/penalties',
  work_report: '/work-tasks',
  work_accept: '/work-tasks',
  grid_visit: '/grid',
};

export interface TodoAnswer {
  items: WorkbenchTodo[];
  more: { kind: WorkbenchTodoKind; link: string }[];
}

/**
 * Keeps each kind's first `workbenchTodoLimit` items, in the order its query read them (most pressing first), and
 * names the kinds that had more.
 */
export function firstOfEachKind(items: WorkbenchTodo[], limit = workbenchTodoLimit): TodoAnswer {
  const seen = new Map<WorkbenchTodoKind, number>();
  const kept: WorkbenchTodo[] = [];
  for (const item of items) {
    const n = (seen.get(item.kind) ?? 0) + 1;
    seen.set(item.kind, n);
    if (n <= limit) kept.push(item);
  }
  const more = [...seen].filter(([, n]) => n > limit).map(([kind]) => ({ kind, link: todoListLinks[kind] }));
  return { items: kept, more };
}

export async function workbenchTodo(db: DbOrTx, actor: Actor, today: string, hearing: HearingConfig): Promise<TodoAnswer> {
  let items: WorkbenchTodo[];
  if (actor.scopeKind === 'enterprise') items = await enterpriseTodo(db, actor, today);
  else if (actor.role === 'grid_inspector') items = await gridTodo(db, actor, today);
  else if (actor.scopeKind === 'none') items = [];
  else {
    const [own, workplan] = await Promise.all([officerTodo(db, actor, today, hearing), workplanTodo(db, actor, today, dueStateOf)]);
    items = [...own, ...workplan];
  }
  const answer = firstOfEachKind(items);
  answer.items.sort((a, b) => dueOrder[a.dueState] - dueOrder[b.dueState] || (a.due ?? '~').localeCompare(b.due ?? '~'));
  return answer;
}
