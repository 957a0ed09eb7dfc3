// Shared frame of the three 挂牌督办 steps (list, progress report, de-list): load in scope and locked, check
// the version and whether the step is open to this caller now, then run the step's own writes; the timeline
// row, version bump and audit entry are written here so no step can forget them.
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { DbOrTx, Tx } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import { hazardClock } from '../hazards.clock';
import { listingAbilities } from '../hazards.policy';
import { auditHazard } from '../hazards.presenter';
import { findHazard, type HazardRow } from '../hazards.queries';
import { lockHazard } from './lock-hazard';
import { recordStep } from '../hazards.workflow';

export type ListingStep = 'list' | 'report_progress' | 'delist';

const refusals: Record<ListingStep, { zh: string; en: string }> = {
  list: { zh: '只有尚未销号、未挂牌的重大事故隐患可以挂牌督办', en: 'Only an open, unlisted major hidden danger can be listed' },
  report_progress: {
    zh: '仅挂牌督办中、尚未验收的隐患可由企业报告治理进展',
    en: 'Progress is reported by the enterprise on a listed hazard before acceptance',
  },
  delist: { zh: '隐患验收通过（已销号）后方可解除挂牌督办', en: 'A listing is lifted only after the hazard has been accepted and closed' },
};

export interface StepInput {
  version: number;
  attachments?: readonly string[];
}

export async function runListingStep(
  db: DbOrTx,
  actor: Actor,
  ip: string | null,
  id: string,
  step: ListingStep,
  input: StepInput,
  apply: (tx: Tx, h: HazardRow, today: string) => Promise<Record<string, unknown>>,
): Promise<HazardRow> {
  const today = hazardClock.today();
  return db.transaction(async (tx) => {
    const before = await lockHazard(tx, actor, id, input.version, today);
    if (!listingAbilities(actor, before).includes(step)) throw new AppError('VALIDATION', [{ field: 'action', ...refusals[step] }]);
    const evidence = await apply(tx, before, today);
    const attachments = await claimFiles(tx, actor, input.attachments ?? [], { type: 'hazard', id });
    await recordStep(tx, actor, before, { action: step, evidence, attachments });
    const after = (await findHazard(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      { action: `hazard.${step}`, entityType: 'hazard', entityId: id, before: auditHazard(before), after: auditHazard(after) },
    );
    return after;
  });
}
