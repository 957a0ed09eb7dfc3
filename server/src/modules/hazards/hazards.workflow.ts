// The hidden-danger machine and its one writer. The loop's rules (state, grade, who accepts, evidence) are the
// reference workflow (reference/hazards/workflow.ts, 令16号); this file states them as a platform state machine
// (platform/state-machine.ts) together with the steps that keep the state (挂牌督办 listing, progress, de-listing,
// re-grading), and `writeHazard` is the only code that writes hazards.state: it asks the machine, writes the row
// and appends the hazard_events row in the same transaction, so the timeline and the state can never disagree.
import { eq } from 'drizzle-orm';
import { hazardEvents, hazards } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { eventInsert } from '../../platform/outbox';
import {
  abilities,
  assertAllowed,
  decide,
  type MachineAction,
  type MachineActor,
  type Refusal,
  type StateMachine,
} from '../../platform/state-machine';
import type { HazardGrade, HazardSource } from '../../reference/hazards/classification';
import {
  actorKindOfRole,
  evidenceFieldLabels,
  hazardActions,
  hazardStates,
  hazardWorkflow,
  requiredEvidence,
  ruleRefusal,
  type ActorKind,
  type Evidence,
  type HazardAction,
  type HazardState,
} from '../../reference/hazards/workflow';
import { hazardNumbering, listingAbilities, regradeRefusal, type ListingStep } from './hazards.policy';
import type { HazardRecord, HazardRow } from './hazards.queries';

export const initialState: HazardState = 'reported';

export type NewHazard = Omit<typeof hazards.$inferInsert, 'state' | 'id' | 'version'>;

/** What the machine reads of a hazard. */
export type HazardFacts = Pick<HazardRow, 'state' | 'grade' | 'source' | 'listing'>;

/** Every action on a hidden danger: reporting it, the loop's steps, and the steps that keep its state. */
export type HazardMachineAction = 'report' | HazardAction | ListingStep | 'regrade';

const open: HazardState[] = ['reported', 'rectifying', 'awaiting_acceptance'];

const listingRefusals: Record<ListingStep, { zh: string; en: string }> = {
  list: { zh: '只有尚未销号、未挂牌的重大事故隐患可以挂牌督办', en: 'Only an open, unlisted major hidden danger can be listed' },
  report_progress: {
    zh: '仅挂牌督办中、尚未验收的隐患可由企业报告治理进展',
    en: 'Progress is reported by the enterprise on a listed hazard before acceptance',
  },
  delist: { zh: '隐患验收通过（已销号）后方可解除挂牌督办', en: 'A listing is lifted only after the hazard has been accepted and closed' },
};

const snapshot = (h: HazardFacts) => ({ state: h.state as HazardState, grade: h.grade as HazardGrade, source: h.source as HazardSource });

function loopRefusal(h: HazardFacts, action: HazardAction, kind: ActorKind): Refusal | null {
  const refused = ruleRefusal(snapshot(h), action, { kind });
  if (!refused) return null;
  const { code, message } = refused.refusal;
  return {
    reason: code,
    code: code === 'major_needs_regulator' || code === 'actor_not_allowed' ? 'FORBIDDEN' : 'VALIDATION',
    details: [{ field: 'action', zh: message.zh, en: message.en }],
  };
}

function stepRefusal(action: ListingStep | 'regrade', h: HazardFacts | null): Refusal {
  const message =
    action === 'regrade' ? (h && regradeRefusal(h)) || { zh: '该隐患不能调整等级', en: 'It cannot be re-graded' } : listingRefusals[action];
  return { reason: 'invalid_transition', code: 'VALIDATION', details: [{ field: action === 'regrade' ? 'grade' : 'action', ...message }] };
}

const loopActions = Object.fromEntries(
  hazardActions.map((a): [HazardAction, MachineAction<HazardState, HazardFacts>] => [
    a,
    {
      label: hazardWorkflow[a].label,
      from: hazardWorkflow[a].from,
      to: hazardWorkflow[a].to,
      permission: 'hazard.act',
      requires: (h: HazardFacts | null) => (h ? requiredEvidence(snapshot(h), a) : []),
    },
  ]),
) as unknown as Record<HazardAction, MachineAction<HazardState, HazardFacts>>;

export const hazardMachine: StateMachine<HazardState, HazardMachineAction, HazardFacts> = {
  record: 'hazard',
  table: 'hazards',
  column: 'state',
  states: hazardStates,
  actions: {
    report: { label: { zh: '登记隐患', en: 'Report' }, from: [null], to: initialState, permission: 'hazard.report' },
    ...loopActions,
    list: { label: { zh: '挂牌督办', en: 'List for supervision' }, from: open, to: null, permission: 'hazard.list' },
    report_progress: { label: { zh: '报告治理进展', en: 'Report progress' }, from: open, to: null, permission: 'hazard.act' },
    delist: { label: { zh: '解除挂牌', en: 'Lift the listing' }, from: ['closed'], to: null, permission: 'hazard.list' },
    regrade: { label: { zh: '调整等级', en: 'Re-grade' }, from: open, to: null, permission: 'hazard.regrade' },
  },
  stateOf: (h) => (h ? (h.state as HazardState) : null),
  fieldLabels: evidenceFieldLabels,
  fieldPath: (f) => `evidence.${f}`,
  refuseState(_state, action, h) {
    if (action === 'report' || !h)
      return {
        reason: 'invalid_transition',
        code: 'VALIDATION',
        details: [{ field: 'action', zh: '隐患状态不允许该操作', en: 'Not possible in this state' }],
      };
    if (action === 'list' || action === 'report_progress' || action === 'delist' || action === 'regrade') return stepRefusal(action, h);
    return loopRefusal(h!, action, 'regulator') ?? loopRefusal(h!, action, 'enterprise')!;
  },
  guard(h, actor, action) {
    if (action === 'report' || !h) return null;
    if (action === 'list' || action === 'report_progress' || action === 'delist')
      return listingAbilities(actor, h).includes(action) ? null : stepRefusal(action, h);
    if (action === 'regrade') return regradeRefusal(h) ? stepRefusal(action, h) : null;
    const kind = actorKindOfRole(actor.role);
    if (!kind) return { reason: 'forbidden', code: 'FORBIDDEN', details: [] };
    return loopRefusal(h, action, kind);
  },
};

/** What the caller may do with the hidden danger now: the presenter's `abilities`. */
export function hazardAbilities(actor: MachineActor, h: HazardFacts): string[] {
  return abilities(hazardMachine, h, actor);
}

/** Refuses an action the hazard's state, grade or the caller does not allow, before any evidence is looked at. */
export function assertHazardAction(actor: MachineActor, h: HazardFacts, action: HazardMachineAction): void {
  assertAllowed(hazardMachine, h, actor, action);
}

/** The workflow side of the caller; accounts with no side (administrators, the public) may not act. */
export function workflowKind(actor: Actor): ActorKind {
  const kind = actorKindOfRole(actor.role);
  if (!kind) throw new AppError('FORBIDDEN');
  return kind;
}

export interface EventInput {
  evidence?: Record<string, unknown>;
  attachments?: readonly string[];
}

export interface HazardChange {
  /** The new hazard's id and columns (action 'report'); its number is drawn as it is inserted (`hazardNumbering`). */
  create?: Omit<NewHazard, 'number' | 'foundOn'> & { id: string; foundOn: string };
  /** The step's own column changes (never the state: the machine decides it). */
  patch?: Partial<NewHazard>;
  /** What the machine checks for required evidence. */
  evidence?: Evidence;
  /** What the timeline keeps of the step. */
  event?: EventInput;
}

/** A row as an update with `patch` leaves it: drizzle's set skips a key whose value is undefined, and so does this. */
function afterPatch(before: HazardRow, patch: Partial<NewHazard> = {}): HazardRow {
  const out: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) out[key] = value;
  return out as HazardRow;
}

/**
 * The only writer of hazards.state: asks the machine (state, grade, who, evidence), inserts or updates the row with
 * the step's columns and a bumped version, and appends the timeline row and the domain event — in the caller's
 * transaction, and in one statement: the two appends are data-modifying CTEs of the row's write (one round trip, not
 * three; for a report, the year's number counter is locked for that statement and the audit entry only).
 */
export async function writeHazard(
  tx: DbOrTx,
  actor: Actor,
  before: HazardRow | null,
  action: HazardMachineAction,
  change: HazardChange,
): Promise<HazardRecord> {
  const { from, to } = decide(hazardMachine, before, actor, action, change.evidence ?? {});
  if (!before && !change.create) throw new Error('writeHazard: a new hazard needs its columns');
  // What the row holds once written, as far as the appends read it (its id, scope and deadline); no trigger or
  // default of hazards sets those, so they are known before the statement runs.
  const next = before ? afterPatch(before, change.patch) : change.create!;
  const appends = [
    tx.$with('hazard_event', {}).as(
      tx
        .insert(hazardEvents)
        .values({
          hazardId: next.id,
          actorId: actor.id,
          actorName: actor.displayName,
          actorRole: actor.role,
          action,
          fromState: from,
          toState: to,
          evidence: change.event?.evidence ?? {},
          attachments: [...(change.event?.attachments ?? [])],
        })
        .getSQL(),
    ),
    tx
      .$with('domain_event', {})
      .as(eventInsert(tx, `hazard.${action}`, 'hazard', next, actor, { from, to, deadline: next.deadline ?? null }).getSQL()),
  ];
  let row: HazardRecord | undefined;
  if (!before) {
    const numbering = hazardNumbering(tx, change.create!.foundOn);
    [row] = await tx
      .with(numbering.cte, ...appends)
      .insert(hazards)
      .values({ ...change.create!, number: numbering.number, state: to })
      .returning();
  } else {
    [row] = await tx
      .with(...appends)
      .update(hazards)
      .set({ ...change.patch, state: to, version: before.version + 1, updatedAt: new Date() })
      .where(eq(hazards.id, before.id))
      .returning();
  }
  // Callers lock `before` first (lockHazard), so the update matches; were it ever not to, throwing rolls the appends
  // back with the transaction instead of leaving a timeline row for a write that did not happen.
  if (!row) throw new Error(`writeHazard: hidden danger ${next.id} was not written`);
  return row;
}
