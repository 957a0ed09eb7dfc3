// 复查: records the re-inspection of a rectification order. Passed → each linked hidden danger the enterprise has
// submitted is accepted (closed) through the hazards workflow by the regulator; failed → each is rejected back to
// rectification, and with `fileCase` the penalty case (立案, 安全生产法 第一百零二条) for those still unrectified is filed
// in the same transaction (escalate-inspection.ts); without it the inspection offers 立案 until a case officer files
// one. The 整改复查意见书 is numbered and stored.
import type { Actor } from '../../../../platform/actor';
import { loadForUpdate } from '../../../../platform/load-for-update';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { fieldError } from '../../../../platform/errors';
import { cstDate } from '../../../../platform/time';
import { actOnHazard } from '../../../hazards/commands/act-on-hazard';
import { findHazard } from '../../../hazards/hazards.queries';
import { issueDocument } from '../../documents/documents';
import { enterpriseParty } from '../../documents/documents.party';
import { findFindings, findInspection } from '../inspections.queries';
import { presentInspectionDetail } from '../inspections.detail';
import { fileEscalationCase } from './escalate-inspection';
import { inspectionMachine, writeInspection } from '../inspections.workflow';
import { assertAllowed } from '../../../../platform/state-machine';
import { findEnterpriseInScope } from '../../../enterprises/enterprises.queries';

export interface ReinspectInput {
  version: number;
  passed: boolean;
  opinion: string;
  fileCase?: boolean;
}

export async function reinspect(db: Db, actor: Actor, ip: string | null, id: string, input: ReinspectInput) {
  const today = cstDate();
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findInspection(tx, actor, id, true),
      version: input.version,
      present: (row) => presentInspectionDetail(tx, actor, row),
    });
    if (input.passed && input.fileCase) throw fieldError('fileCase', '复查通过时不能立案', 'A passed re-inspection files no case');
    assertAllowed(inspectionMachine, before, actor, 'reinspect');
    const findings = await findFindings(tx, id);
    const stillRectifying: string[] = [];
    for (const f of findings) {
      if (!f.hazardId) continue;
      const h = await findHazard(tx, actor, f.hazardId);
      if (!h || h.state === 'closed') continue;
      if (h.state === 'awaiting_acceptance') {
        await actOnHazard(tx, actor, ip, h.id, input.passed ? 'accept' : 'reject', {
          version: h.version,
          evidence: input.passed ? { acceptanceOpinion: input.opinion } : { rejectionReason: input.opinion },
          attachments: [],
        });
      } else if (input.passed) stillRectifying.push(h.number);
    }
    if (stillRectifying.length > 0) {
      throw fieldError(
        'passed',
        `隐患${stillRectifying.join('、')}尚未由企业提交整改结果，不能复查通过`,
        `Hidden dangers ${stillRectifying.join(', ')} have no rectification submitted by the enterprise yet`,
      );
    }
    await writeInspection(tx, actor, before, 'reinspect', {
      patch: { reinspectedOn: today, reinspectionResult: input.passed ? 'passed' : 'failed', reinspectionOpinion: input.opinion },
      evidence: { passed: input.passed },
    });
    const enterprise = (await findEnterpriseInScope(tx, actor, before.enterpriseId))!;
    await issueDocument(tx, actor, {
      kind: 'reinspection_opinion',
      enterpriseId: enterprise.id,
      areaCode: enterprise.areaCode,
      inspectionId: id,
      officerIds: before.inspectorIds,
      fields: {
        party: enterpriseParty(enterprise),
        enterpriseName: enterprise.name,
        enterpriseAddress: enterprise.address,
        inspectors: before.inspectorNames,
        inspectedOn: before.inspectedOn,
        reinspectionOpinion: input.opinion,
        reinspectionPassed: input.passed,
      },
    });
    await recordAudit(tx, { actor, ip }, { action: 'inspection.reinspect', entityType: 'inspection', entityId: id, after: { ...input } });
    const after = (await findInspection(tx, actor, id))!;
    const escalated = !input.passed && input.fileCase ? await fileEscalationCase(tx, actor, ip, after, {}) : null;
    return { inspection: after, escalate: !input.passed, caseId: escalated?.id ?? null };
  });
}
