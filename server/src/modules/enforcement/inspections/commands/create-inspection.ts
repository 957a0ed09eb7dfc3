// Plans an inspection task (planned / complaint / joint; drawn ones come from a draw) for an enterprise in scope.
import type { z } from 'zod';
import { inArray } from 'drizzle-orm';
import type { createInspectionBody } from '@anjian/contracts';
import { users } from '../../../../db/schema';
import type { Actor } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { fieldError } from '../../../../platform/errors';
import { findInspection } from '../inspections.queries';
import { writeInspection } from '../inspections.workflow';
import { findEnterpriseInScope } from '../../../enterprises/enterprises.queries';

export async function createInspection(db: Db, actor: Actor, ip: string | null, input: z.infer<typeof createInspectionBody>) {
  if (input.kind === 'drawn') throw fieldError('kind', '双随机任务由抽取生成', 'Drawn tasks come from a draw');
  if (input.kind === 'joint' && input.departments.length < 2) {
    throw fieldError(
      'departments',
      '联合检查须列明全部参加部门（至少两个）',
      'A joint inspection lists every participating department (two or more)',
    );
  }
  return db.transaction(async (tx) => {
    const e = await findEnterpriseInScope(tx, actor, input.enterpriseId);
    if (!e) throw fieldError('enterpriseId', '企业不存在或不在您的管辖范围内', 'Unknown enterprise or outside your jurisdiction');
    const ids = input.inspectorIds.length ? input.inspectorIds : [actor.id];
    const people = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
    if (people.length !== ids.length) throw fieldError('inspectorIds', '执法人员不存在', 'Unknown inspector');
    const row = await writeInspection(tx, actor, null, 'plan', {
      create: {
        orgId: actor.orgId,
        orgName: actor.orgName,
        enterpriseId: e.id,
        areaCode: e.areaCode,
        sector: e.sector,
        parkId: e.parkId,
        kind: input.kind,
        unannounced: input.unannounced,
        principalDuty: input.principalDuty,
        departments: input.departments,
        inspectorIds: people.map((p) => p.id),
        inspectorNames: people.map((p) => p.name),
        plannedOn: input.plannedOn,
        createdBy: actor.id,
      },
    });
    await recordAudit(tx, { actor, ip }, { action: 'inspection.create', entityType: 'inspection', entityId: row.id, after: { ...input } });
    return (await findInspection(tx, actor, row.id))!;
  });
}
