// Reports (登记) a hidden danger: the one entry point for every capability that finds one — the board's report
// form, the enterprise's phone, and the scheduled self-inspection's failed check items (origin = the check item).
// Stable signature: reportHazard(db, actor, ip, input). Pass a transaction as `db` to report inside your own
// unit of work; the hazard, its first timeline event, the statistics rollup and the audit entry commit together.
import { randomUUID } from 'node:crypto';
import type { ReportHazardBody, Sector } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { DbOrTx } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import type { HazardSource } from '../../../reference/hazards/classification';
import { hazardClock } from '../hazards.clock';
import { checkMajorItem, sourceRefusal } from '../hazards.policy';
import { auditHazard } from '../hazards.presenter';
import { findHazard, type HazardRow } from '../hazards.queries';
import { workflowKind, writeHazard } from '../hazards.workflow';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';

export type ReportHazardInput = ReportHazardBody;

export async function reportHazard(db: DbOrTx, actor: Actor, ip: string | null, input: ReportHazardInput): Promise<HazardRow> {
  workflowKind(actor); // administrators and the public have no side in the workflow
  const refusal = sourceRefusal(actor, input.source as HazardSource);
  if (refusal) throw new AppError('VALIDATION', [refusal]);
  const today = hazardClock.today();
  const foundOn = input.foundOn ?? today;
  if (foundOn > today) throw fieldError('foundOn', '发现日期不能晚于今天', 'The day found cannot be in the future');
  const major = input.grade === 'major';
  if (!major && (input.treatmentPlan || input.implementations)) {
    throw fieldError(
      'treatmentPlan',
      '治理方案和“五落实”仅适用于重大事故隐患',
      'Treatment plans and the five implementations apply to major hidden danger only',
    );
  }

  const id = await db.transaction(async (tx) => {
    const enterprise = await findEnterpriseInScope(tx, actor, input.enterpriseId);
    if (!enterprise) throw fieldError('enterpriseId', '企业不存在或不在您的管辖范围内', 'Unknown enterprise or outside your jurisdiction');
    if (input.majorItemId) checkMajorItem(input.majorItemId, input.grade, enterprise.sector as Sector);
    const id = randomUUID();
    const attachments = await claimFiles(tx, actor, input.attachments ?? [], { type: 'hazard', id });
    const plan = input.rectification ?? {};
    // The number is drawn in this write and its counter stays locked until commit: only the audit entry follows.
    const record = await writeHazard(tx, actor, null, 'report', {
      create: {
        id,
        enterpriseId: enterprise.id,
        areaCode: enterprise.areaCode,
        sector: enterprise.sector,
        parkId: enterprise.parkId,
        source: input.source,
        description: input.description,
        location: input.location ?? null,
        category: input.category,
        accidentType: input.accidentType ?? null,
        grade: input.grade,
        majorItemId: input.majorItemId ?? null,
        foundOn,
        responsiblePerson: plan.responsiblePerson ?? null,
        measures: plan.measures ?? null,
        funds: plan.funds == null ? null : plan.funds.toFixed(2),
        implementations: input.implementations ?? {},
        treatmentPlan: input.treatmentPlan ?? {},
        originType: input.origin?.type ?? null,
        originId: input.origin?.id ?? null,
        reportedBy: actor.id,
        reportedByName: actor.displayName,
      },
      event: { evidence: { grade: input.grade, source: input.source }, attachments },
    });
    // A new hidden danger has no listing yet; the rest of the audit image is the row as written.
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'hazard.report', entityType: 'hazard', entityId: id, after: auditHazard({ ...record, listing: null }) },
    );
    return id;
  });
  return (await findHazard(db, actor, id))!;
}
