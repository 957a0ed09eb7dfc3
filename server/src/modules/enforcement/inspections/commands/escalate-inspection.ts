// 复查不合格 → 立案: a re-inspection that finds the 责令限期整改指令书 not complied with opens a general-procedure penalty
// case against the enterprise, linked to the inspection and to the hidden dangers still not rectified, on 安全生产法
// 第一百零二条 (未采取措施消除事故隐患) unless the officer chooses another basis. At most one such case per inspection
// (a unique partial index backs this under concurrency). Runs inside the re-inspection's transaction or on its own.
import { and, eq, inArray } from 'drizzle-orm';
import type { EscalateInspectionBody } from '@anjian/contracts';
import { can } from '@anjian/contracts';
import { enforcementDocuments, hazards } from '../../../../db/schema';
import type { Actor } from '../../../../platform/actor';
import { loadForUpdate } from '../../../../platform/load-for-update';
import { recordAudit } from '../../../../platform/audit';
import type { Db, DbOrTx } from '../../../../platform/db';
import { AppError, fieldError, notFound } from '../../../../platform/errors';
import { cstDate } from '../../../../platform/time';
import { penaltyBasisById, type FineBand } from '../../../../reference/enforcement/penalty-basis';
import { findCase } from '../../cases/cases.queries';
import { openCase } from '../../cases/case.workflow';
import { nextCaseNumber } from '../../documents/documents';
import { findEscalation, findFindings, findInspection, type InspectionRow } from '../inspections.queries';
import { presentInspectionDetail } from '../inspections.detail';
import { registryPartyColumns } from '../../documents/documents.party';
import { findEnterpriseInScope } from '../../../enterprises/enterprises.queries';

/** 安全生产法 (2021) 第一百零二条: 未采取措施消除事故隐患 — the default basis of an escalated re-inspection. */
export const ESCALATION_BASIS_ID = 'AQSCF2021-102';

export type EscalationOptions = Omit<EscalateInspectionBody, 'version'>;

/** Files the case inside `tx`; the inspection must already carry a failed re-inspection. */
export async function fileEscalationCase(tx: DbOrTx, actor: Actor, ip: string | null, insp: InspectionRow, o: EscalationOptions) {
  if (!can(actor.role, 'case.manage')) throw new AppError('FORBIDDEN');
  if (insp.reinspectionResult !== 'failed') {
    throw fieldError('state', '只有复查未通过的检查才能据此立案', 'Only a failed re-inspection can be escalated to a case');
  }
  if (await findEscalation(tx, insp.id)) {
    throw fieldError('state', '该检查的复查不合格已立案', 'A case has already been filed for this failed re-inspection', 'CONFLICT');
  }
  const basisId = o.basisId ?? ESCALATION_BASIS_ID;
  const basis = penaltyBasisById.get(basisId);
  if (!basis) throw fieldError('basisId', '未知的处罚依据', 'Unknown legal basis');
  const fineBand: FineBand = o.fineBand ?? 'first';
  if (!basis[fineBand]) throw fieldError('fineBand', `${basis.article}没有该情形的罚款幅度`, `${basis.article} has no such fine range`);
  const e = await findEnterpriseInScope(tx, actor, insp.enterpriseId);
  if (!e) throw notFound();

  // The hidden dangers the order listed that are still open after the re-inspection.
  const linked = (await findFindings(tx, insp.id)).map((f) => f.hazardId).filter((x): x is string => !!x);
  const unrectified = (
    linked.length
      ? await tx
          .select({ id: hazards.id, number: hazards.number, description: hazards.description, state: hazards.state })
          .from(hazards)
          .where(inArray(hazards.id, linked))
          .orderBy(hazards.number)
      : []
  ).filter((h) => h.state !== 'closed');
  if (unrectified.length === 0) {
    throw fieldError('state', '该检查所列隐患均已销号，无需立案', 'Every hidden danger of this inspection is closed: nothing to escalate');
  }
  const [order] = await tx
    .select({ number: enforcementDocuments.number })
    .from(enforcementDocuments)
    .where(and(eq(enforcementDocuments.inspectionId, insp.id), eq(enforcementDocuments.kind, 'rectification_order')));
  const violation =
    `经${insp.reinspectedOn ?? cstDate()}复查，未按${order ? `《责令限期整改指令书》（${order.number}）` : '责令限期整改指令'}` +
    `要求于${insp.rectificationDeadline ?? ''}前消除事故隐患：` +
    unrectified.map((h, i) => `${i + 1}.${h.description}（${h.number}）`).join('；');

  const today = cstDate();
  const year = Number(today.slice(0, 4));
  const row = await openCase(
    tx,
    actor,
    {
      number: await nextCaseNumber(tx, actor, year),
      orgId: actor.orgId,
      orgName: actor.orgName,
      enterpriseId: e.id,
      areaCode: e.areaCode,
      sector: e.sector,
      parkId: e.parkId,
      inspectionId: insp.id,
      origin: 'reinspection',
      hazardIds: unrectified.map((h) => h.id),
      procedure: 'general',
      partyKind: 'organisation',
      ...registryPartyColumns(e),
      violation,
      basisId,
      fineBand,
      fine: null,
      filedOn: today,
      firstCheckMustPenalise: o.firstCheckMustPenalise ?? false,
      doubleInvestigation: o.doubleInvestigation ?? false,
      publish: o.publish ?? false,
      createdBy: actor.id,
    },
    false,
  );
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'case.file',
      entityType: 'penalty_case',
      entityId: row.id,
      after: { origin: 'reinspection', inspectionId: insp.id, hazardIds: row.hazardIds, basisId, fineBand },
    },
  );
  return (await findCase(tx, actor, row.id))!;
}

/** POST /api/inspections/:id/escalate: files the case later, e.g. by a case officer after a park officer's re-inspection. */
export async function escalateInspection(db: Db, actor: Actor, ip: string | null, id: string, body: EscalateInspectionBody) {
  return db.transaction(async (tx) => {
    const insp = await loadForUpdate({
      load: () => findInspection(tx, actor, id, true),
      version: body.version,
      present: (row) => presentInspectionDetail(tx, actor, row),
    });
    const { version: _v, ...options } = body;
    return fileEscalationCase(tx, actor, ip, insp, options);
  });
}
