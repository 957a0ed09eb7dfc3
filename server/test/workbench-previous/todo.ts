// The workbench's queries as they were before issue #19 (one query per figure and per kind of item), kept only as
// the oracle of workbench.same.db.test.ts: the combined queries must answer every role exactly as these did.
// "What must I do today": the caller's open items across capabilities, each with its deadline. Every read goes
// through the one scope predicate and stays small: open rows are a thin slice of each table, found through the
// partial indexes of open hidden dangers, planned inspections and undecided cases (migration 0032).
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  can,
  caseStatuses,
  checkFrequencyLabels,
  responsibleLevelLabels,
  type CaseStatus,
  type CheckFrequency,
  type ResponsibleLevel,
  type WorkbenchTodo,
} from '@anjian/contracts';
import { checkTasks, enterprises, hazards, inspections, penaltyCases } from '../../src/db/schema';
import type { Actor } from '../../src/platform/actor';
import type { DbOrTx } from '../../src/platform/db';
import { scopeWhere } from '../../src/platform/scope';
import { addDays } from '../../src/platform/time';
import { hazardSourceInfo } from '../../src/reference/hazards/classification';
import { hazardStateLabels } from '../../src/reference/hazards/workflow';
import { decisionClock, type HearingConfig } from '../../src/reference/enforcement/penalty-limits';
import { caseWorkflow } from '../../src/modules/enforcement/cases/case.workflow';
import { dueStateOf } from '../../src/modules/workbench/workbench.due';
import { workplanTodo } from './workplans-todo';
import { gridVisitTodo } from '../../src/modules/grid/grid.todo';

/** How many items of each kind the workbench lists; the counts link to the full lists. */
export const TODO_LIMIT = 20;

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

async function hazardItems(db: DbOrTx, actor: Actor, where: SQL, kind: WorkbenchTodo['kind'], today: string): Promise<WorkbenchTodo[]> {
  const rows = await db
    .select({
      id: hazards.id,
      description: hazards.description,
      state: hazards.state,
      deadline: hazards.deadline,
      enterpriseName: enterprises.name,
    })
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .where(and(hazardScope(actor), where))
    .orderBy(sql`${hazards.deadline} asc nulls last`, asc(hazards.foundOn), asc(hazards.id))
    .limit(TODO_LIMIT);
  return rows.map((r) => ({
    kind,
    id: r.id,
    title: r.description,
    enterpriseName: r.enterpriseName,
    step: hazardStateLabels[r.state as keyof typeof hazardStateLabels] ?? null,
    due: r.deadline,
    dueState: dueStateOf(r.deadline, today),
    link: `/hazards/${r.id}`,
  }));
}

/** An enterprise rectifies its open hidden dangers and accepts the general ones it found itself. */
async function enterpriseTodo(db: DbOrTx, actor: Actor, today: string): Promise<WorkbenchTodo[]> {
  const [rectify, accept, tasks] = await Promise.all([
    hazardItems(db, actor, inArray(hazards.state, ['reported', 'rectifying']), 'hazard_rectify', today),
    hazardItems(db, actor, and(eq(hazards.state, 'awaiting_acceptance'), sql`not ${regulatorAccepts()}`)!, 'hazard_accept', today),
    db
      .select({
        id: checkTasks.id,
        level: checkTasks.level,
        frequency: checkTasks.frequency,
        periodStart: checkTasks.periodStart,
        dueDate: checkTasks.dueDate,
      })
      .from(checkTasks)
      .where(
        and(
          eq(checkTasks.enterpriseId, actor.enterpriseId ?? ''),
          eq(checkTasks.state, 'pending'),
          lte(checkTasks.periodStart, today),
          lte(checkTasks.dueDate, addDays(today, 7)),
        ),
      )
      .orderBy(asc(checkTasks.dueDate), asc(checkTasks.id))
      .limit(TODO_LIMIT),
  ]);
  return [
    ...rectify,
    ...accept,
    ...tasks.map((t) => ({
      kind: 'check_task' as const,
      id: t.id,
      title: t.periodStart === t.dueDate ? t.dueDate : `${t.periodStart} – ${t.dueDate}`,
      enterpriseName: null,
      step: checkTaskStep(t.level, t.frequency),
      due: t.dueDate,
      dueState: dueStateOf(t.dueDate, today),
      link: `/checks/tasks/${t.id}`,
    })),
  ];
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
  const mine = sql`${inspections.inspectorIds} @> array[${actor.id}]::uuid[]`;
  const inspectionScope = scopeWhere(actor, {
    areaCode: inspections.areaCode,
    sector: inspections.sector,
    parkId: inspections.parkId,
    enterpriseId: inspections.enterpriseId,
  });
  const caseScope = scopeWhere(actor, {
    areaCode: penaltyCases.areaCode,
    sector: penaltyCases.sector,
    parkId: penaltyCases.parkId,
    enterpriseId: penaltyCases.enterpriseId,
  });
  const waiting = caseStatusesWaitingFor(actor);
  // Reviewers (the leader) see every case waiting for review in scope; handlers the cases they filed.
  const ownCases = can(actor.role, 'case.review') ? undefined : eq(penaltyCases.createdBy, actor.id);
  // As the platform since 2026-12-06: only the steps this role may open.
  const hazardsRead = can(actor.role, 'hazard.read');
  const inspectionsRead = can(actor.role, 'inspection.read');
  const [assign, accept, planned, reinspect, cases] = await Promise.all([
    hazardsRead ? hazardItems(db, actor, and(eq(hazards.state, 'reported'), regulatorAccepts())!, 'hazard_assign', today) : [],
    hazardsRead ? hazardItems(db, actor, and(eq(hazards.state, 'awaiting_acceptance'), regulatorAccepts())!, 'hazard_accept', today) : [],
    !inspectionsRead
      ? []
      : db
          .select({ id: inspections.id, plannedOn: inspections.plannedOn, enterpriseName: enterprises.name })
          .from(inspections)
          .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
          .where(and(inspectionScope, eq(inspections.state, 'planned'), mine))
          .orderBy(unindexedOrder(inspections.plannedOn), asc(inspections.id))
          .limit(TODO_LIMIT),
    !inspectionsRead
      ? []
      : db
          .select({ id: inspections.id, due: inspections.reinspectionDue, enterpriseName: enterprises.name })
          .from(inspections)
          .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
          .where(and(inspectionScope, isNotNull(inspections.reinspectionDue), isNull(inspections.reinspectedOn), mine))
          .orderBy(unindexedOrder(inspections.reinspectionDue), asc(inspections.id))
          .limit(TODO_LIMIT),
    waiting.length === 0
      ? Promise.resolve([])
      : db
          .select({ c: penaltyCases, enterpriseName: enterprises.name })
          .from(penaltyCases)
          .innerJoin(enterprises, eq(enterprises.id, penaltyCases.enterpriseId))
          .where(and(caseScope, inArray(penaltyCases.status, waiting), ownCases))
          .orderBy(asc(penaltyCases.filedOn), asc(penaltyCases.id))
          .limit(TODO_LIMIT),
  ]);
  return [
    ...assign,
    ...accept,
    ...planned.map((i) => ({
      kind: 'inspection' as const,
      id: i.id,
      title: i.enterpriseName,
      enterpriseName: null,
      step: null,
      due: i.plannedOn,
      dueState: dueStateOf(i.plannedOn, today),
      link: `/enforcement/inspections/${i.id}`,
    })),
    ...reinspect.map((i) => ({
      kind: 'reinspection' as const,
      id: i.id,
      title: i.enterpriseName,
      enterpriseName: null,
      step: null,
      due: i.due,
      dueState: dueStateOf(i.due, today),
      link: `/enforcement/inspections/${i.id}`,
    })),
    ...cases.map(({ c, enterpriseName }) => {
      const decided = !!c.decidedOn;
      const due = decided ? null : decisionClock(c, today, hearing).due;
      return {
        kind: 'case_step' as const,
        id: c.id,
        title: `${c.number} ${c.violation}`,
        enterpriseName,
        step: caseStatusLabel(c.status as CaseStatus),
        due,
        dueState: dueStateOf(due, today),
        link: `/enforcement/cases/${c.id}`,
      };
    }),
  ];
}

/**
 * A grid inspector follows up the open hidden dangers of the grid that are overdue or due within a week. The visits
 * due came after the refactoring this path stands for; both paths take them from the grid module.
 */
async function gridTodo(db: DbOrTx, actor: Actor, today: string): Promise<WorkbenchTodo[]> {
  const followUps = await hazardItems(
    db,
    actor,
    and(inArray(hazards.state, ['reported', 'rectifying']), lte(hazards.deadline, addDays(today, 7)))!,
    'hazard_follow_up',
    today,
  );
  return [...followUps, ...(await gridVisitTodo(db, actor, today, dueStateOf))];
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

export async function workbenchTodo(db: DbOrTx, actor: Actor, today: string, hearing: HearingConfig): Promise<WorkbenchTodo[]> {
  let items: WorkbenchTodo[];
  if (actor.scopeKind === 'enterprise') items = await enterpriseTodo(db, actor, today);
  else if (actor.role === 'grid_inspector') items = await gridTodo(db, actor, today);
  else if (actor.scopeKind === 'none') items = [];
  else items = [...(await officerTodo(db, actor, today, hearing)), ...(await workplanTodo(db, actor, today, dueStateOf))];
  return items.sort((a, b) => dueOrder[a.dueState] - dueOrder[b.dueState] || (a.due ?? '~').localeCompare(b.due ?? '~'));
}
