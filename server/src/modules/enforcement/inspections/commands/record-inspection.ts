// Records a planned inspection on site: checklist, findings with photos and GPS, signatures. Every finding becomes
// a hidden danger through the hazards module (reportHazard, source 监管执法检查 or 联合执法) and is put under the
// regulator's 限期整改 deadline (start_rectification), the 现场检查记录 and, with findings, the 责令限期整改指令书
// are numbered and stored, and the re-inspection is scheduled on the deadline — all in one transaction.
import { eq } from 'drizzle-orm';
import type { RecordInspectionBody } from '@anjian/contracts';
import { inspectionFindings } from '../../../../db/schema';
import type { Actor } from '../../../../platform/actor';
import { loadForUpdate } from '../../../../platform/load-for-update';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { fieldError } from '../../../../platform/errors';
import { cstDate } from '../../../../platform/time';
import { reportHazard } from '../../../hazards/commands/report-hazard';
import { actOnHazard } from '../../../hazards/commands/act-on-hazard';
import { issueDocument } from '../../documents/documents';
import { enterpriseParty } from '../../documents/documents.party';
import { findInspection } from '../inspections.queries';
import { presentInspectionDetail } from '../inspections.detail';
import { inspectionMachine, writeInspection } from '../inspections.workflow';
import { assertAllowed } from '../../../../platform/state-machine';
import { findEnterpriseInScope } from '../../../enterprises/enterprises.queries';

export async function recordInspection(db: Db, actor: Actor, ip: string | null, id: string, input: RecordInspectionBody) {
  const today = cstDate();
  if (input.findings.length > 0 && !input.rectificationDeadline) {
    throw fieldError('rectificationDeadline', '发现问题时须确定整改期限', 'Findings need a rectification deadline');
  }
  if (input.rectificationDeadline && input.rectificationDeadline < today) {
    throw fieldError('rectificationDeadline', '整改期限不能早于今天', 'The deadline cannot be before today');
  }
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findInspection(tx, actor, id, true),
      version: input.version,
      present: (row) => presentInspectionDetail(tx, actor, row),
    });
    assertAllowed(inspectionMachine, before, actor, 'record');
    const enterprise = (await findEnterpriseInScope(tx, actor, before.enterpriseId))!;
    const source = before.kind === 'joint' ? 'joint_enforcement' : 'government_inspection';
    const responsible = enterprise.principalName ?? enterprise.legalRepresentative ?? enterprise.name;

    const findings = [];
    for (const f of input.findings) {
      const [finding] = await tx
        .insert(inspectionFindings)
        .values({
          inspectionId: id,
          description: f.description,
          location: f.location ?? null,
          grade: f.grade,
          category: f.category,
          basisId: f.basisId ?? null,
          photoIds: f.photoIds,
          longitude: f.longitude ?? null,
          latitude: f.latitude ?? null,
          deadline: input.rectificationDeadline!,
        })
        .returning();
      const hazard = await reportHazard(tx, actor, ip, {
        enterpriseId: enterprise.id,
        source,
        description: f.description,
        location: f.location ?? null,
        category: f.category,
        grade: f.grade,
        foundOn: today,
        attachments: f.photoIds,
        origin: { type: 'inspection_finding', id: finding!.id },
      });
      const started = await actOnHazard(tx, actor, ip, hazard.id, 'start_rectification', {
        version: hazard.version,
        evidence: { deadline: input.rectificationDeadline!, responsiblePerson: responsible },
        attachments: [],
      });
      await tx.update(inspectionFindings).set({ hazardId: started.id }).where(eq(inspectionFindings.id, finding!.id));
      findings.push({ description: f.description, location: f.location ?? null, grade: f.grade, deadline: input.rectificationDeadline! });
    }

    await writeInspection(tx, actor, before, 'record', {
      evidence: { findings: findings.length },
      patch: {
        inspectedOn: today,
        checklist: input.checklist,
        summary: input.summary ?? null,
        principalSignature: input.principalSignature ?? null,
        inspectorSignatures: input.inspectorSignatures,
        longitude: input.longitude ?? null,
        latitude: input.latitude ?? null,
        rectificationDeadline: input.rectificationDeadline ?? null,
        // The re-inspection falls due on the deadline (复查 within 10 days after it, 令13号 practice; see report).
        reinspectionDue: findings.length > 0 ? input.rectificationDeadline! : null,
      },
    });

    const common = {
      party: enterpriseParty(enterprise),
      enterpriseName: enterprise.name,
      enterpriseAddress: enterprise.address,
      principalName: enterprise.principalName,
      inspectors: before.inspectorNames,
      departments: before.departments,
      inspectedOn: today,
      summary: input.summary ?? null,
      findings,
      rectificationDeadline: input.rectificationDeadline ?? null,
      principalSignature: input.principalSignature ?? null,
      inspectorSignatures: input.inspectorSignatures,
    };
    const base = { enterpriseId: enterprise.id, areaCode: enterprise.areaCode, inspectionId: id, officerIds: before.inspectorIds };
    await issueDocument(tx, actor, { ...base, kind: 'site_record', fields: common });
    if (findings.length > 0) await issueDocument(tx, actor, { ...base, kind: 'rectification_order', fields: common });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'inspection.record',
        entityType: 'inspection',
        entityId: id,
        after: { findings: findings.length, checklist: input.checklist.length, rectificationDeadline: input.rectificationDeadline ?? null },
      },
    );
    return (await findInspection(tx, actor, id))!;
  });
}
