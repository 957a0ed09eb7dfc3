// The only code that writes hazards.state. Opening a hazard puts it in the workflow's first state; every later
// change is decided by reference/hazards/workflow.ts `transition()` (state, grade, who, evidence) and applied
// here together with its hazard_events row, so the timeline and the state can never disagree.
import { eq } from 'drizzle-orm';
import { hazardEvents, hazards } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { appendEvent as appendDomainEvent } from '../../platform/outbox';
import type { HazardGrade, HazardSource } from '../../reference/hazards/classification';
import {
  actorKindOfRole,
  evidenceFieldLabels,
  transition,
  type ActorKind,
  type Evidence,
  type HazardAction,
  type HazardState,
} from '../../reference/hazards/workflow';
import type { HazardRecord } from './hazards.queries';

export const initialState: HazardState = 'reported';

export type NewHazard = Omit<typeof hazards.$inferInsert, 'state' | 'id' | 'version'>;

export interface EventInput {
  action: string;
  evidence?: Record<string, unknown>;
  attachments?: readonly string[];
}

/** The workflow side of the caller; accounts with no side (administrators, the public) may not act. */
export function workflowKind(actor: Actor): ActorKind {
  const kind = actorKindOfRole(actor.role);
  if (!kind) throw new AppError('FORBIDDEN');
  return kind;
}

async function appendEvent(tx: DbOrTx, actor: Actor, hazardId: string, from: HazardState | null, to: HazardState, e: EventInput) {
  await tx.insert(hazardEvents).values({
    hazardId,
    actorId: actor.id,
    actorName: actor.displayName,
    actorRole: actor.role,
    action: e.action,
    fromState: from,
    toState: to,
    evidence: e.evidence ?? {},
    attachments: [...(e.attachments ?? [])],
  });
}

export async function openHazard(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  values: NewHazard,
  event: Omit<EventInput, 'action'>,
): Promise<HazardRecord> {
  const [row] = await tx
    .insert(hazards)
    .values({ ...values, id, state: initialState })
    .returning();
  await appendEvent(tx, actor, id, null, initialState, { action: 'report', ...event });
  await appendDomainEvent(tx, 'hazard.report', 'hazard', row!, actor, { from: null, to: initialState, deadline: row!.deadline });
  return row!;
}

/** Asks the workflow whether `action` is allowed; throws the refusal as a bilingual API error. */
export function decide(
  hazard: Pick<HazardRecord, 'state' | 'grade' | 'source'>,
  action: HazardAction,
  actor: Actor,
  evidence: Evidence,
): HazardState {
  const snapshot = { state: hazard.state as HazardState, grade: hazard.grade as HazardGrade, source: hazard.source as HazardSource };
  const result = transition(snapshot, action, { kind: workflowKind(actor) }, evidence);
  if (result.ok) return result.state;
  const { code, message, missing } = result.refusal;
  if (code === 'missing_evidence' && missing) {
    throw new AppError(
      'VALIDATION',
      missing.map((f) => ({
        field: `evidence.${f}`,
        zh: `请填写${evidenceFieldLabels[f].zh}`,
        en: `Give the ${evidenceFieldLabels[f].en}`,
      })),
    );
  }
  const detail = [{ field: 'action', zh: message.zh, en: message.en }];
  throw new AppError(code === 'major_needs_regulator' || code === 'actor_not_allowed' ? 'FORBIDDEN' : 'VALIDATION', detail);
}

/** Writes the decided state with the command's other column changes, bumps the version and appends the event. */
export async function applyAction(
  tx: DbOrTx,
  actor: Actor,
  hazard: HazardRecord,
  to: HazardState,
  patch: Partial<NewHazard>,
  event: EventInput,
): Promise<HazardRecord> {
  const [row] = await tx
    .update(hazards)
    .set({ ...patch, state: to, version: hazard.version + 1, updatedAt: new Date() })
    .where(eq(hazards.id, hazard.id))
    .returning();
  await appendEvent(tx, actor, hazard.id, hazard.state as HazardState, to, event);
  await appendDomainEvent(tx, `hazard.${event.action}`, 'hazard', row!, actor, { from: hazard.state, to, deadline: row!.deadline });
  return row!;
}

/**
 * A step that leaves the state as it is (挂牌督办 listing, progress, de-listing, re-grading): timeline row and
 * version, plus the step's own column changes, never the state.
 */
export async function recordStep(
  tx: DbOrTx,
  actor: Actor,
  hazard: HazardRecord,
  event: EventInput,
  patch: Partial<Omit<NewHazard, 'state'>> = {},
): Promise<HazardRecord> {
  const [row] = await tx
    .update(hazards)
    .set({ ...patch, version: hazard.version + 1, updatedAt: new Date() })
    .where(eq(hazards.id, hazard.id))
    .returning();
  const state = hazard.state as HazardState;
  await appendEvent(tx, actor, hazard.id, state, state, event);
  await appendDomainEvent(tx, `hazard.${event.action}`, 'hazard', row!, actor, { from: state, to: state });
  return row!;
}
