// One workflow step on a hidden danger (下达整改, 延期, 提交验收, 验收通过/不通过, 立查立改): load it in scope and
// locked, check the version, let the workflow decide, apply the step with its evidence and attachments, keep
// the statistics and the 挂牌督办 review dates in step, and audit — all in one transaction.
import type { HazardActionBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { DbOrTx } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import { resumptionReviewDue } from '../../../reference/hazards/deadlines';
import type { Evidence, HazardAction } from '../../../reference/hazards/workflow';
import { hazardClock } from '../hazards.clock';
import { auditHazard } from '../hazards.presenter';
import { findHazard, type HazardRow } from '../hazards.queries';
import { lockHazard } from './lock-hazard';
import { assertHazardAction, writeHazard, type NewHazard } from '../hazards.workflow';
import { updateListing } from '../hazards.listing';
import { computeDeadline, majorSubmissionGaps } from './evidence';

interface Step {
  evidence: Evidence;
  patch: Partial<NewHazard>;
  /** What the timeline keeps of this step. */
  record: Record<string, unknown>;
}

function buildStep(h: HazardRow, action: HazardAction, body: HazardActionBody, today: string): Step {
  const ev = body.evidence;
  const files = body.attachments.length > 0 ? body.attachments : undefined;
  switch (action) {
    case 'start_rectification': {
      const deadline = computeDeadline('deadline', ev.deadline, ev.deadlineDays, ev.deadlineUnit ?? 'calendar', today);
      if (deadline && deadline < today)
        throw fieldError('evidence.deadline', '整改期限不能早于今天', 'The deadline cannot be before today');
      const responsiblePerson = ev.responsiblePerson ?? h.responsiblePerson ?? undefined;
      const unit = ev.deadlineDays ? (ev.deadlineUnit ?? 'calendar') : null;
      return {
        evidence: { deadline, responsiblePerson },
        patch: {
          deadline,
          deadlineDays: ev.deadlineDays ?? null,
          deadlineUnit: unit,
          responsiblePerson,
          ...(ev.measures !== undefined ? { measures: ev.measures } : {}),
          ...(ev.funds !== undefined ? { funds: ev.funds.toFixed(2) } : {}),
        },
        record: { deadline, deadlineDays: ev.deadlineDays, deadlineUnit: unit, responsiblePerson, measures: ev.measures, funds: ev.funds },
      };
    }
    case 'extend_deadline': {
      const base = h.deadline ?? today;
      const unit = ev.deadlineUnit ?? (h.deadlineUnit as 'calendar' | 'workday' | null) ?? 'calendar';
      const newDeadline = computeDeadline('newDeadline', ev.newDeadline, ev.newDeadlineDays, unit, base);
      if (newDeadline && h.deadline && newDeadline <= h.deadline) {
        throw fieldError('evidence.newDeadline', '延期后的期限须晚于原期限', 'The new deadline must come after the current one');
      }
      return {
        evidence: { newDeadline, extensionReason: ev.extensionReason },
        patch: { deadline: newDeadline },
        record: { previousDeadline: h.deadline, newDeadline, extensionReason: ev.extensionReason },
      };
    }
    case 'submit_for_acceptance': {
      const plan = { ...(h.treatmentPlan as object), ...ev.treatmentPlan };
      const implementations = { ...(h.implementations as object), ...ev.implementations };
      return {
        evidence: { rectificationRecord: ev.rectificationRecord ?? files, treatmentPlan: h.grade === 'major' ? plan : undefined },
        patch: { submittedOn: today, treatmentPlan: plan, implementations },
        record: { rectificationRecord: ev.rectificationRecord, assessmentReport: ev.assessmentReport },
      };
    }
    case 'accept':
      return {
        evidence: { acceptanceOpinion: ev.acceptanceOpinion },
        patch: { closedOn: today },
        record: { acceptanceOpinion: ev.acceptanceOpinion },
      };
    case 'reject':
      return {
        evidence: { rejectionReason: ev.rejectionReason },
        patch: { submittedOn: null },
        record: { rejectionReason: ev.rejectionReason },
      };
    case 'fix_on_the_spot':
      return {
        evidence: { onTheSpotRecord: ev.onTheSpotRecord ?? files },
        patch: { closedOn: today, submittedOn: today },
        record: { onTheSpotRecord: ev.onTheSpotRecord },
      };
  }
}

export async function actOnHazard(
  db: DbOrTx,
  actor: Actor,
  ip: string | null,
  id: string,
  action: HazardAction,
  body: HazardActionBody,
): Promise<HazardRow> {
  const today = hazardClock.today();
  return db.transaction(async (tx) => {
    const before = await lockHazard(tx, actor, id, body.version, today);
    // State, grade and who-may-act are refused before any evidence detail, so the caller hears the real reason.
    assertHazardAction(actor, before, action);
    const step = buildStep(before, action, body, today);
    if (action === 'submit_for_acceptance') {
      const gaps = majorSubmissionGaps(before, step.patch, body.evidence.assessmentReport);
      if (gaps.length > 0) throw new AppError('VALIDATION', gaps);
    }
    const attachments = await claimFiles(tx, actor, body.attachments, { type: 'hazard', id });
    await writeHazard(tx, actor, before, action, {
      patch: step.patch,
      evidence: step.evidence,
      event: { evidence: step.record, attachments },
    });
    if (before.listing && !before.listing.delistedOn) {
      if (action === 'submit_for_acceptance') {
        await updateListing(tx, id, { reviewAppliedOn: today, reviewDue: resumptionReviewDue(today), reviewedOn: null });
      }
      if ((action === 'accept' || action === 'reject') && before.listing.reviewAppliedOn)
        await updateListing(tx, id, { reviewedOn: today });
    }
    const after = (await findHazard(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      { action: `hazard.${action}`, entityType: 'hazard', entityId: id, before: auditHazard(before), after: auditHazard(after) },
    );
    return after;
  });
}
