// 约谈: recording an interview held with a unit (the unit must be an organisation in the issuer's area; a linked task
// must be one the issuer side sees) and later completing its minutes and follow-up actions (version → 409 with
// `current`). Audited in the same transaction.
import { eq } from 'drizzle-orm';
import type { CreateInterviewBody, UpdateInterviewBody } from '@anjian/contracts';
import { workInterviews } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { areaPrefixOf } from '../../../platform/scope';
import { findOrg, findTask } from '../workplans.queries';
import { findIssuedInterview } from '../supervision.queries';
import { auditInterview, presentInterviews } from '../supervision.presenter';

export async function recordInterview(db: Db, actor: Actor, ip: string | null, input: CreateInterviewBody) {
  return db.transaction((tx) => recordInterviewIn(tx, actor, ip, input));
}

export async function recordInterviewIn(tx: Tx, actor: Actor, ip: string | null, input: CreateInterviewBody) {
  if (!actor.orgId || !actor.areaCode)
    throw fieldError('orgId', '您的账号未归属单位，不能记录约谈', 'Your account has no organisation to record an interview');
  const org = await findOrg(tx, input.orgId);
  if (!org || !org.areaCode.startsWith(areaPrefixOf(actor.areaCode)))
    throw fieldError('orgId', '被约谈单位须为本辖区内的单位', 'The interviewed unit must be an organisation within your area');
  if (input.taskId) {
    const task = await findTask(tx, actor, input.taskId);
    if (!task) throw fieldError('taskId', '关联任务不存在或不在您的辖区', 'No such task in your area');
  }
  const [row] = await tx
    .insert(workInterviews)
    .values({
      areaCode: actor.areaCode,
      issuerOrgId: actor.orgId,
      orgId: input.orgId,
      personName: input.personName,
      personTitle: input.personTitle ?? null,
      heldOn: input.heldOn,
      heldBy: input.heldBy,
      reason: input.reason,
      taskId: input.taskId ?? null,
      minutes: input.minutes ?? null,
      followUps: input.followUps,
      createdBy: actor.id,
    })
    .returning();
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'workplan.interview', entityType: 'work_interview', entityId: row!.id, after: auditInterview(row!) },
  );
  return row!;
}

export async function updateInterview(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateInterviewBody) {
  return db.transaction((tx) => updateInterviewIn(tx, actor, ip, id, input));
}

export async function updateInterviewIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: UpdateInterviewBody) {
  const before = await loadForUpdate({
    load: () => findIssuedInterview(tx, actor, id, true),
    version: input.version,
    present: async (row) => (await presentInterviews(tx, actor, [row]))[0],
  });
  const [after] = await tx
    .update(workInterviews)
    .set({ minutes: input.minutes ?? before.minutes, followUps: input.followUps, updatedAt: new Date(), version: before.version + 1 })
    .where(eq(workInterviews.id, id))
    .returning();
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'workplan.interviewUpdate',
      entityType: 'work_interview',
      entityId: id,
      before: auditInterview(before),
      after: auditInterview(after!),
    },
  );
  return after!;
}
