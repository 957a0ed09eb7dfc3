// Records or edits the investigation (team, causes, management gaps, responsibility findings, report
// submission and 批复 dates). The first save creates it; later saves carry the version they read.
import type { z } from 'zod';
import type { saveInvestigationBody } from '@anjian/contracts';
import type { Db } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError, fieldError, notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { findAccident, findInvestigation } from '../accidents.queries';
import { presentInvestigation } from '../investigation.presenter';
import { actionForDates, writeInvestigation } from '../investigation.workflow';
import type { InvestigationStatus } from '@anjian/contracts';

export async function saveInvestigation(
  db: Db,
  actor: Actor,
  ip: string | null,
  accidentId: string,
  input: z.infer<typeof saveInvestigationBody>,
  now = new Date(),
) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const accident = await findAccident(tx, actor, accidentId, true);
    if (!accident) throw notFound();
    const before = await findInvestigation(tx, accidentId, true);
    if ((before?.version ?? undefined) !== version) {
      throw new AppError('CONFLICT', [], { current: presentInvestigation(actor, accident, before, now) });
    }
    const merged = {
      team: fields.team ?? (before?.team as unknown[] | undefined) ?? [],
      directCauses: fields.directCauses === undefined ? (before?.directCauses ?? null) : fields.directCauses,
      indirectCauses: fields.indirectCauses === undefined ? (before?.indirectCauses ?? null) : fields.indirectCauses,
      managementGaps: fields.managementGaps === undefined ? (before?.managementGaps ?? null) : fields.managementGaps,
      responsibilityFindings:
        fields.responsibilityFindings === undefined ? (before?.responsibilityFindings ?? null) : fields.responsibilityFindings,
      reportSubmittedOn: fields.reportSubmittedOn === undefined ? (before?.reportSubmittedOn ?? null) : fields.reportSubmittedOn,
      approvedOn: fields.approvedOn === undefined ? (before?.approvedOn ?? null) : fields.approvedOn,
    };
    const today = cstDate(now);
    const accidentDay = cstDate(accident.occurredAt);
    for (const f of ['reportSubmittedOn', 'approvedOn'] as const) {
      const d = merged[f];
      if (d && (d < accidentDay || d > today))
        throw fieldError(f, '日期应在事故发生之日至今天之间', 'The day must lie between the accident day and today');
    }
    if (merged.approvedOn && merged.reportSubmittedOn && merged.approvedOn < merged.reportSubmittedOn) {
      throw fieldError('approvedOn', '批复日期不能早于报告提交日期', 'Approval cannot precede the report');
    }
    const action = actionForDates((before?.status as InvestigationStatus | undefined) ?? 'not_started', merged);
    const after = await writeInvestigation(tx, actor, accidentId, before, action, {
      values: merged,
      now,
      evidence: { reportSubmittedOn: merged.reportSubmittedOn, approvedOn: merged.approvedOn },
    });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'accident.investigation.save', entityType: 'accident', entityId: accidentId, before, after },
    );
    return presentInvestigation(actor, accident, after, now);
  });
}
