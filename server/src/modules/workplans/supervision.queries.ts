// SQL of 约谈 and 通报. The issuer side (its area, the one scope predicate on the rows' own area_code) sees every
// interview and bulletin it made; a unit sees the interviews held with it (org_id) and the published bulletins
// addressed to it (recipient_org_ids, GIN-indexed). Completion data for a bulletin is read through the task scope.
import { and, asc, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { BulletinListQuery, InterviewListQuery } from '@anjian/contracts';
import { organisations, workBulletins, workInterviews, workPlans, workTaskReports, workTasks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import type { BulletinRowRecord } from './bulletins.workflow';

export type InterviewRow = typeof workInterviews.$inferSelect;

const interviewScope = (actor: Actor): SQL =>
  or(scopeWhere(actor, { areaCode: workInterviews.areaCode }), actor.orgId ? eq(workInterviews.orgId, actor.orgId) : sql`false`)!;
export const issuedBulletins = (actor: Actor) => scopeWhere(actor, { areaCode: workBulletins.areaCode });
const bulletinScope = (actor: Actor): SQL =>
  or(
    issuedBulletins(actor),
    actor.orgId
      ? and(eq(workBulletins.status, 'published'), sql`${workBulletins.recipientOrgIds} @> array[${actor.orgId}]::uuid[]`)
      : sql`false`,
  )!;

export async function findInterview(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<InterviewRow | null> {
  const q = db
    .select()
    .from(workInterviews)
    .where(and(eq(workInterviews.id, id), interviewScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** For edits: the issuer side only (an interviewed unit reads its record, it does not write it). */
export async function findIssuedInterview(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<InterviewRow | null> {
  const q = db
    .select()
    .from(workInterviews)
    .where(and(eq(workInterviews.id, id), scopeWhere(actor, { areaCode: workInterviews.areaCode })));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findInterviews(db: DbOrTx, actor: Actor, q: InterviewListQuery) {
  const where = and(interviewScope(actor), q.orgId ? eq(workInterviews.orgId, q.orgId) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(workInterviews)
      .where(where)
      .orderBy(desc(workInterviews.heldOn), asc(workInterviews.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(workInterviews).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findBulletin(db: DbOrTx, actor: Actor, id: string): Promise<BulletinRowRecord | null> {
  const [row] = await db
    .select()
    .from(workBulletins)
    .where(and(eq(workBulletins.id, id), bulletinScope(actor)));
  return row ?? null;
}

export async function findIssuedBulletin(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<BulletinRowRecord | null> {
  const q = db
    .select()
    .from(workBulletins)
    .where(and(eq(workBulletins.id, id), issuedBulletins(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findBulletins(db: DbOrTx, actor: Actor, q: BulletinListQuery) {
  const where = bulletinScope(actor);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(workBulletins)
      .where(where)
      .orderBy(desc(workBulletins.createdAt), asc(workBulletins.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(workBulletins).where(where),
  ]);
  return { items, total: total!.n };
}

/** The tasks in the issuer's scope (optionally one plan's) with their plan's report day, for a bulletin's tally. */
export async function tasksForTally(db: DbOrTx, actor: Actor, planId?: string) {
  return db
    .select({
      id: workTasks.id,
      leadOrgId: workTasks.leadOrgId,
      assignedOn: workTasks.assignedOn,
      status: workTasks.status,
      reportDay: workPlans.reportDay,
    })
    .from(workTasks)
    .innerJoin(workPlans, eq(workPlans.id, workTasks.planId))
    .where(and(scopeWhere(actor, { areaCode: workTasks.areaCode }), planId ? eq(workTasks.planId, planId) : undefined))
    .limit(20000);
}

export async function reportsInMonths(db: DbOrTx, taskIds: string[], fromMonth: string, toMonth: string) {
  if (taskIds.length === 0) return [];
  return db
    .select({ taskId: workTaskReports.taskId, month: workTaskReports.month, submittedOn: workTaskReports.submittedOn })
    .from(workTaskReports)
    .where(and(inArray(workTaskReports.taskId, taskIds), gte(workTaskReports.month, fromMonth), lte(workTaskReports.month, toMonth)));
}

/** The ids among `ids` of organisations within the area (bulletin recipients). */
export async function orgsInArea(db: DbOrTx, ids: string[], prefix: string) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: organisations.id, areaCode: organisations.areaCode })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Set(rows.filter((r) => r.areaCode.startsWith(prefix)).map((r) => r.id));
}
