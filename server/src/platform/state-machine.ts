// One shape for every stateful record: a machine is data — its states, and per action the states it starts from,
// the state it leads to, the permission it needs and the fields it requires — read by three pure functions:
// `check` (may this actor take this action on this record, with this input?), `decide` (the same, throwing the
// refusal as the bilingual API error) and `abilities` (the actions the presenter offers as buttons). Each record
// type has ONE writer function (its module's *.workflow.ts) that calls `decide`, writes the status column and the
// record's history row in one transaction. The status columns are CHECK-constrained from the same state lists
// (db/schema stateCheck, migration 0025; a test compares them), so the database refuses a state the definition lacks.
import { can, type Bilingual, type ErrorCode, type Permission, type Role } from '@anjian/contracts';
import { AppError, type BilingualDetail } from './errors';
import { isSystemActor } from './system-actor';

/** What a machine knows about the caller: the role (permissions table) is all the generic part needs. */
export interface MachineActor {
  role: Role;
}

export interface MachineAction<S extends string, R> {
  label: Bilingual;
  /** The states the action starts from; `null` stands for "no record yet" (the action creates it). */
  from: readonly (S | null)[];
  /** The state after the action; null: the state stays (an extension, an edit, a change of a decision). */
  to: S | null;
  /** The permission (packages/contracts permissions table) the caller's role needs. */
  permission: Permission;
  /** Fields the action's input must carry (evidence); a function when they depend on the record (a major hazard). */
  requires?: readonly string[] | ((record: R | null) => readonly string[]);
  /**
   * The platform itself (platform/system-actor.ts: a daily job, an event consumer) may take this step. Only the
   * system actor is let through by this flag; a login role still needs `permission`.
   */
  system?: boolean;
}

export interface Refusal {
  /** invalid_transition | forbidden | missing_fields, or a machine's own reason (grade_not_allowed …). */
  reason: string;
  /** The API error it becomes. */
  code: ErrorCode;
  details: BilingualDetail[];
  extra?: Record<string, unknown>;
}

export interface StateMachine<S extends string, A extends string, R> {
  /** The record type ('hazard', 'penalty_case' …), also the history rows' record_type where a shared table keeps them. */
  record: string;
  /** Where the state is stored; the CHECK constraint is generated from `states`. */
  table: string;
  column: string;
  states: readonly S[];
  /** The state records created in bulk start in (a job's INSERT … SELECT, the column's default), when no action creates them. */
  bulkInitial?: S;
  actions: Record<A, MachineAction<S, R>>;
  /** The record's state; `null` record = not created yet (a machine may give it a state of its own, e.g. not_started). */
  stateOf(record: R | null): S | null;
  /** Labels of required fields, for "please fill in …" details. */
  fieldLabels?: Record<string, Bilingual>;
  /** The detail's field for a missing required field (hazards put evidence under `evidence.`). */
  fieldPath?(field: string): string;
  /** The refusal for an action the record's state does not allow (default: a generic bilingual one on `action`). */
  refuseState?(state: S | null, action: A, record: R | null): Refusal;
  /** Rules beyond state and permission (who accepts a hazard, its grade …): a refusal, or null to allow. */
  guard?(record: R | null, actor: MachineActor, action: A): Refusal | null;
}

export type CheckResult<S extends string> = { ok: true; from: S | null; to: S | null } | { ok: false; refusal: Refusal };

/** A machine's action names, in definition order. */
export function actionsOf<S extends string, A extends string, R>(machine: StateMachine<S, A, R>): A[] {
  return Object.keys(machine.actions) as A[];
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function requiredFields<S extends string, A extends string, R>(machine: StateMachine<S, A, R>, record: R | null, action: A) {
  const req = machine.actions[action].requires ?? [];
  return typeof req === 'function' ? req(record) : req;
}

/** The required fields `input` lacks (empty strings and lists count as missing). */
export function missingFields<S extends string, A extends string, R>(
  machine: StateMachine<S, A, R>,
  record: R | null,
  action: A,
  input: Record<string, unknown>,
): string[] {
  return requiredFields(machine, record, action).filter((f) => !isPresent(input[f]));
}

function stateRefusal<S extends string, A extends string, R>(machine: StateMachine<S, A, R>, state: S | null, action: A, record: R | null) {
  if (machine.refuseState) return machine.refuseState(state, action, record);
  const label = machine.actions[action].label;
  return {
    reason: 'invalid_transition',
    code: 'VALIDATION' as const,
    details: [{ field: 'action', zh: `当前状态不能执行“${label.zh}”`, en: `"${label.en}" is not possible in the current state` }],
  };
}

/**
 * Whether `actor` may take `action` on `record` now, ignoring the input: the state allows it, the role has the
 * permission, the machine's own rules agree. Checked in that order except that a missing permission is reported
 * first, as the route would.
 */
function ruleCheck<S extends string, A extends string, R>(
  machine: StateMachine<S, A, R>,
  record: R | null,
  actor: MachineActor,
  action: A,
): Refusal | null {
  const def = machine.actions[action];
  const permitted = isSystemActor(actor) ? def.system === true : can(actor.role, def.permission);
  if (!permitted) return { reason: 'forbidden', code: 'FORBIDDEN', details: [] };
  const state = machine.stateOf(record);
  if (!def.from.includes(state)) return stateRefusal(machine, state, action, record);
  return machine.guard?.(record, actor, action) ?? null;
}

/** Pure: may `actor` take `action` on `record` with `input`? Returns the states before and after, or the refusal. */
export function check<S extends string, A extends string, R>(
  machine: StateMachine<S, A, R>,
  record: R | null,
  actor: MachineActor,
  action: A,
  input: Record<string, unknown> = {},
): CheckResult<S> {
  const refusal = ruleCheck(machine, record, actor, action);
  if (refusal) return { ok: false, refusal };
  const missing = missingFields(machine, record, action, input);
  if (missing.length > 0) {
    const path = machine.fieldPath ?? ((f: string) => f);
    return {
      ok: false,
      refusal: {
        reason: 'missing_fields',
        code: 'VALIDATION',
        details: missing.map((f) => {
          const label = machine.fieldLabels?.[f] ?? { zh: f, en: f };
          return { field: path(f), zh: `请填写${label.zh}`, en: `Give the ${label.en}` };
        }),
      },
    };
  }
  const from = machine.stateOf(record);
  return { ok: true, from, to: machine.actions[action].to ?? from };
}

export function refusalError(refusal: Refusal): AppError {
  return new AppError(refusal.code, refusal.details, refusal.extra);
}

/** Refuses (throws) an action the state, the permission or the machine's rules do not allow, input aside. */
export function assertAllowed<S extends string, A extends string, R>(
  machine: StateMachine<S, A, R>,
  record: R | null,
  actor: MachineActor,
  action: A,
): void {
  const refusal = ruleCheck(machine, record, actor, action);
  if (refusal) throw refusalError(refusal);
}

/** `check`, throwing the refusal as the API error; returns the state to write. */
export function decide<S extends string, A extends string, R>(
  machine: StateMachine<S, A, R>,
  record: R | null,
  actor: MachineActor,
  action: A,
  input: Record<string, unknown> = {},
): { from: S | null; to: S } {
  const result = check(machine, record, actor, action, input);
  if (!result.ok) throw refusalError(result.refusal);
  if (result.to === null) throw new Error(`${machine.record}: action ${action} leaves no state`);
  return { from: result.from, to: result.to };
}

/** The actions `actor` may take on `record` now (input aside): what a presenter returns as `abilities`. */
export function abilities<S extends string, A extends string, R>(
  machine: StateMachine<S, A, R>,
  record: R | null,
  actor: MachineActor,
): A[] {
  return actionsOf(machine).filter((a) => ruleCheck(machine, record, actor, a) === null);
}

/** The transitions the definition allows: [from, action, to] for every action and from-state. */
export function transitionsOf<S extends string, A extends string, R>(machine: StateMachine<S, A, R>) {
  return actionsOf(machine).flatMap((a) => machine.actions[a].from.map((f) => [f, a, machine.actions[a].to ?? f] as const));
}

/** The CHECK constraint a machine's status column carries (db/schema/columns.ts stateCheck, migration 0025). */
export function checkConstraintName(machine: { table: string; column: string }): string {
  return `${machine.table}_${machine.column}_check`;
}
