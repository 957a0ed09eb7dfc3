// SQL of 工作方案与督办. Scope: the issuer side (the 安委办/bureau) sees every plan and task in its area through the
// one scope predicate on the rows' own area_code; a unit sees the tasks its organisation leads (lead_org_id = the
// caller's organisation) or co-operates on (co_org_ids, read only: the machine lets only the lead unit report), and
// the plans that hold them. Nothing else: out of scope is 404.
import { and, asc, count, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { WORK_TASK_TITLE_CONTENT_PREFIX, type WorkPlanListQuery } from '@anjian/contracts';
import { areas, organisations, stateTransitions, users, workPlans, workTaskReports, workTasks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf, scopeWhere } from '../../platform/scope';
import type { WorkTaskRow } from './workplans.workflow';

export type WorkPlanRow = typeof workPlans.$inferSelect;
export type WorkTaskReportRow = typeof workTaskReports.$inferSelect;

/** The start of a task's content, as much as workTaskTitle reads (the row's （n）): a title without the whole text. */
export const taskTitleContent = sql<string>`substr(${workTasks.content}, 1, ${sql.raw(String(WORK_TASK_TITLE_CONTENT_PREFIX))})`;

const leads = (actor: Actor): SQL => (actor.orgId ? eq(workTasks.leadOrgId, actor.orgId) : sql`false`);
/** Tasks the caller's organisation leads or co-operates on. */
const takesPart = (actor: Actor): SQL =>
  actor.orgId ? or(eq(workTasks.leadOrgId, actor.orgId), sql`${workTasks.coOrgIds} @> array[${actor.orgId}]::uuid[]`)! : sql`false`;

/** The tasks the caller may see: its area's (issuer side) or the ones its organisation leads or co-operates on. */
export const taskScope = (actor: Actor): SQL => or(scopeWhere(actor, { areaCode: workTasks.areaCode }), takesPart(actor))!;

/** The plans the caller may see: its area's, or those holding a task its organisation leads or co-operates on. */
export const planScope = (actor: Actor): SQL =>
  or(
    scopeWhere(actor, { areaCode: workPlans.areaCode }),
    exists(sql`(select 1 from ${workTasks} where ${workTasks.planId} = ${workPlans.id} and ${takesPart(actor)})`),
  )!;

/** Whether the caller sees the plan as its issuer side (all tasks) rather than as a lead unit (its own tasks). */
export const issuerScope = (actor: Actor) => scopeWhere(actor, { areaCode: workPlans.areaCode });

export async function findPlan(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<WorkPlanRow | null> {
  const q = db
    .select()
    .from(workPlans)
    .where(and(eq(workPlans.id, id), planScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The plan only if the caller is on its issuer side (adding tasks, the board, the export). */
export async function findIssuedPlan(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<WorkPlanRow | null> {
  const q = db
    .select()
    .from(workPlans)
    .where(and(eq(workPlans.id, id), issuerScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPlans(db: DbOrTx, actor: Actor, q: WorkPlanListQuery) {
  const where = and(planScope(actor), q.year ? eq(workPlans.year, q.year) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(workPlans)
      .where(where)
      .orderBy(desc(workPlans.year), desc(workPlans.createdAt), asc(workPlans.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(workPlans).where(where),
  ]);
  return { items, total: total!.n };
}

export async function countTasks(db: DbOrTx, actor: Actor, planIds: string[]) {
  if (planIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ planId: workTasks.planId, n: count() })
    .from(workTasks)
    .where(and(inArray(workTasks.planId, planIds), taskScope(actor)))
    .groupBy(workTasks.planId);
  return new Map(rows.map((r) => [r.planId, r.n]));
}

export async function findTask(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<WorkTaskRow | null> {
  const q = db
    .select()
    .from(workTasks)
    .where(and(eq(workTasks.id, id), taskScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPlanTasks(db: DbOrTx, actor: Actor, planId: string) {
  return db
    .select()
    .from(workTasks)
    .where(and(eq(workTasks.planId, planId), taskScope(actor)))
    .orderBy(asc(workTasks.seq), asc(workTasks.createdAt))
    .limit(2000);
}

/** The tasks the caller's organisation leads (my tasks), across plans. */
export async function findMyTasks(db: DbOrTx, actor: Actor) {
  return db.select().from(workTasks).where(leads(actor)).orderBy(asc(workTasks.planId), asc(workTasks.seq)).limit(2000);
}

export async function findReportsFor(db: DbOrTx, taskIds: string[], month?: string) {
  if (taskIds.length === 0) return [];
  return db
    .select()
    .from(workTaskReports)
    .where(and(inArray(workTaskReports.taskId, taskIds), month ? eq(workTaskReports.month, month) : undefined))
    .orderBy(desc(workTaskReports.month));
}

export async function findReport(db: DbOrTx, taskId: string, month: string) {
  const [row] = await db
    .select()
    .from(workTaskReports)
    .where(and(eq(workTaskReports.taskId, taskId), eq(workTaskReports.month, month)));
  return row ?? null;
}

export async function findTaskHistory(db: DbOrTx, id: string) {
  return db
    .select({
      action: stateTransitions.action,
      from: stateTransitions.fromState,
      to: stateTransitions.toState,
      actorName: stateTransitions.actorName,
      at: stateTransitions.at,
    })
    .from(stateTransitions)
    .where(and(eq(stateTransitions.recordType, 'work_task'), eq(stateTransitions.recordId, id)))
    .orderBy(asc(stateTransitions.at), asc(stateTransitions.id));
}

export async function orgNames(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, short: organisations.shortName })
    .from(organisations)
    .where(inArray(organisations.id, unique));
  return new Map(rows.map((r) => [r.id, r.short ?? r.name]));
}

export async function userNames(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findOrg(db: DbOrTx, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** Organisations that exist among `ids` (lead and co-operating units). */
export async function existingOrgIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
}

/** Titles of plans whose tasks the caller already reached through the task scope. */
export async function planTitles(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: workPlans.id, title: workPlans.title }).from(workPlans).where(inArray(workPlans.id, unique));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Report days of plans whose tasks the caller already reached through the task scope. */
export async function planReportDays(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, number>();
  const rows = await db.select({ id: workPlans.id, day: workPlans.reportDay }).from(workPlans).where(inArray(workPlans.id, unique));
  return new Map(rows.map((r) => [r.id, r.day]));
}

/** The organisations a plan's tasks may name: those within the plan's area (the district, its streets, parks). */
export async function orgsInPlanArea(db: DbOrTx, areaCode: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, kind: organisations.kind })
    .from(organisations)
    .where(sql`${organisations.areaCode} like ${areaPrefixOf(areaCode) + '%'}`)
    .orderBy(asc(organisations.name))
    .limit(5000);
}

/** The names of an area and the areas above it (440307 → 广东省, 深圳市, 龙岗区). */
export async function placeNames(db: DbOrTx, areaCode: string) {
  const codes = [...new Set([areaCode, `${areaCode.slice(0, 4)}00`, `${areaCode.slice(0, 2)}0000`])];
  const rows = await db.select({ name: areas.name }).from(areas).where(inArray(areas.code, codes));
  return rows.map((r) => r.name);
}

export async function nextTaskSeq(db: DbOrTx, planId: string) {
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${workTasks.seq}), 0)::int` })
    .from(workTasks)
    .where(eq(workTasks.planId, planId));
  return (row?.max ?? 0) + 1;
}
