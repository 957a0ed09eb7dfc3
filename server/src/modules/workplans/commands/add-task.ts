// Adding a task (工作项目/工作内容) to a plan the caller issued: the plan is loaded through the issuer scope and its
// version checked (409 on a stale one); the lead and co-operating units must be organisations within the plan's area.
// The task is created through the task machine's writer ('create' → assigned) and the plan's version moves on.
import { eq, inArray } from 'drizzle-orm';
import type { CreateWorkTaskBody } from '@anjian/contracts';
import { organisations, workPlans } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { areaPrefixOf } from '../../../platform/scope';
import { findIssuedPlan } from '../workplans.queries';
import { presentPlans, presentTaskDetail, auditTask } from '../workplans.presenter';
import { writeWorkTask } from '../workplans.workflow';

export async function addTask(db: Db, actor: Actor, ip: string | null, planId: string, input: CreateWorkTaskBody, today = cstDate()) {
  return db.transaction((tx) => addTaskIn(tx, actor, ip, planId, input, today));
}

export async function addTaskIn(tx: Tx, actor: Actor, ip: string | null, planId: string, input: CreateWorkTaskBody, today = cstDate()) {
  const plan = await loadForUpdate({
    load: () => findIssuedPlan(tx, actor, planId, true),
    version: input.version,
    present: async (row) => (await presentPlans(tx, actor, [row]))[0],
  });
  const ids = [input.leadOrgId, ...input.coOrgIds];
  const orgs = await tx
    .select({ id: organisations.id, areaCode: organisations.areaCode })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  const inArea = new Set(orgs.filter((o) => o.areaCode.startsWith(areaPrefixOf(plan.areaCode))).map((o) => o.id));
  if (!inArea.has(input.leadOrgId)) {
    throw fieldError('leadOrgId', '牵头单位须为本方案辖区内的单位', 'The lead unit must be an organisation within the plan’s area');
  }
  const badCo = input.coOrgIds.findIndex((id) => !inArea.has(id));
  if (badCo >= 0) {
    throw fieldError(
      `coOrgIds.${badCo}`,
      '配合单位须为本方案辖区内的单位',
      'Co-operating units must be organisations within the plan’s area',
    );
  }
  const row = await writeWorkTask(tx, actor, null, 'create', {
    create: {
      planId: plan.id,
      seq: input.seq,
      item: input.item,
      content: input.content,
      leadOrgId: input.leadOrgId,
      coOrgIds: [...new Set(input.coOrgIds.filter((id) => id !== input.leadOrgId))],
      responsibility: input.responsibility ?? null,
      deadline: input.deadline ?? null,
      targets: input.targets ?? null,
      areaCode: plan.areaCode,
      assignedOn: today,
    },
    input: { leadOrgId: input.leadOrgId },
  });
  await tx
    .update(workPlans)
    .set({ version: plan.version + 1, updatedAt: new Date() })
    .where(eq(workPlans.id, plan.id));
  await recordAudit(tx, { actor, ip }, { action: 'workplan.addTask', entityType: 'work_task', entityId: row.id, after: auditTask(row) });
  return presentTaskDetail(tx, actor, row, plan.title);
}
