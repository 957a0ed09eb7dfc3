// Shared frame of the three 挂牌督办 steps (list, progress report, de-list): load in scope and locked, check
// the version and whether the step is open to this caller now, then run the step's own writes; the timeline
// row, version bump and audit entry are written here so no step can forget them.
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { DbOrTx, Tx } from '../../../platform/db';
import { claimFiles } from '../../../platform/files';
import { hazardClock } from '../hazards.clock';
import type { ListingStep } from '../hazards.policy';
import { auditHazard } from '../hazards.presenter';
import { findHazard, type HazardRow } from '../hazards.queries';
import { lockHazard } from './lock-hazard';
import { assertHazardAction, writeHazard } from '../hazards.workflow';

export type { ListingStep } from '../hazards.policy';

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
    assertHazardAction(actor, before, step);
    const evidence = await apply(tx, before, today);
    const attachments = await claimFiles(tx, actor, input.attachments ?? [], { type: 'hazard', id });
    await writeHazard(tx, actor, before, step, { event: { evidence, attachments } });
    const after = (await findHazard(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      { action: `hazard.${step}`, entityType: 'hazard', entityId: id, before: auditHazard(before), after: auditHazard(after) },
    );
    return after;
  });
}
