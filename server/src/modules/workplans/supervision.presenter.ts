// Row → response for 约谈 and 通报: names of units and tasks, and `abilities` (edit an interview: the issuer side
// with 督办 permission; a bulletin's steps from its machine).
import { can, type BulletinView, type InterviewView } from '@anjian/contracts';
import { inArray } from 'drizzle-orm';
import { workTasks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { inScope } from '../../platform/scope';
import { orgNames } from './workplans.queries';
import type { InterviewRow } from './supervision.queries';
import { bulletinAbilities, type BulletinRowRecord } from './bulletins.workflow';

export async function presentInterviews(db: DbOrTx, actor: Actor, rows: InterviewRow[]): Promise<InterviewView[]> {
  const taskIds = [...new Set(rows.flatMap((r) => (r.taskId ? [r.taskId] : [])))];
  const [names, tasks] = await Promise.all([
    orgNames(
      db,
      rows.map((r) => r.orgId),
    ),
    taskIds.length
      ? db.select({ id: workTasks.id, item: workTasks.item }).from(workTasks).where(inArray(workTasks.id, taskIds))
      : Promise.resolve([]),
  ]);
  const items = new Map(tasks.map((t) => [t.id, t.item]));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    personName: r.personName,
    personTitle: r.personTitle,
    heldOn: r.heldOn,
    heldBy: r.heldBy,
    reason: r.reason,
    taskId: r.taskId,
    taskItem: r.taskId ? (items.get(r.taskId) ?? null) : null,
    minutes: r.minutes,
    followUps: r.followUps,
    version: r.version,
    abilities: can(actor.role, 'workplan.supervise') && inScope(actor, r) ? ['edit'] : [],
  }));
}

export async function presentBulletins(db: DbOrTx, actor: Actor, rows: BulletinRowRecord[]): Promise<BulletinView[]> {
  const names = await orgNames(
    db,
    rows.flatMap((r) => r.recipientOrgIds),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as BulletinView['kind'],
    title: r.title,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    planId: r.planId,
    minItems: r.minItems,
    rule: r.rule,
    body: r.body,
    rows: r.rows,
    recipients: r.recipientOrgIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    status: r.status as BulletinView['status'],
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    version: r.version,
    abilities: inScope(actor, r) ? bulletinAbilities(actor, r) : [],
  }));
}

export const auditInterview = (r: InterviewRow) => ({
  orgId: r.orgId,
  personName: r.personName,
  heldOn: r.heldOn,
  heldBy: r.heldBy,
  reason: r.reason,
  taskId: r.taskId,
  minutes: r.minutes,
  followUps: r.followUps,
  version: r.version,
});
export const auditBulletin = (r: BulletinRowRecord) => ({
  kind: r.kind,
  title: r.title,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  body: r.body,
  recipientOrgIds: r.recipientOrgIds,
  status: r.status,
  version: r.version,
});
