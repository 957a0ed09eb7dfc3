// Every record's state machine, walked: random sequences of (role, action, input) against each definition. Whatever
// is tried, an allowed action moves only along a transition the definition lists and lands in one of its states; an
// action missing a required field is refused; and `abilities` is exactly the set of actions `check` allows with the
// required input given. The status columns' CHECK constraints (migration 0025) list exactly the machines' states.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planTypes, roles } from '@anjian/contracts';
import { hazardGrades, hazardSources } from '../reference/hazards/classification';
import { caseMachine } from '../modules/enforcement/cases/case.workflow';
import { hazardMachine } from '../modules/hazards/hazards.workflow';
import { riskEventMachine } from '../modules/risks/risks.workflow';
import { inspectionMachine } from '../modules/enforcement/inspections/inspections.workflow';
import { checkTaskMachine } from '../modules/checks/checks.workflow';
import { investigationMachine } from '../modules/accidents/investigation.workflow';
import { listingMachine } from '../modules/credit/listing.workflow';
import { rewardMachine } from '../modules/reports/rewards/rewards.workflow';
import { planMachine } from '../modules/emergency/plans.workflow';
import { attemptMachine, sessionMachine } from '../modules/training/training.workflow';
import { certificateMachine } from '../modules/people/certificates.workflow';
import { schemeMachine, sheetMachine } from '../modules/assessment/assessment.workflow';
import { bulletinMachine } from '../modules/workplans/bulletins.workflow';
import { letterMachine } from '../modules/responsibility/letters.workflow';
import { dutyRecordMachine } from '../modules/commitments/duties.workflow';
import { ruleVersionMachine, warningMachine } from '../modules/warnings/warnings.workflow';
import { abilities, actionsOf, check, checkConstraintName, requiredFields, transitionsOf, type StateMachine } from './state-machine';

type AnyMachine = StateMachine<string, string, unknown>;

interface Walk {
  machine: AnyMachine;
  /** The record's facts other than its state, drawn afresh at each step (grade, listing, dates …). */
  facts: fc.Arbitrary<Record<string, unknown>>;
  /** The record with a new state (the state column's name differs per table). */
  withState(facts: Record<string, unknown>, state: string): unknown;
}

const day = fc.constantFrom('2026-01-05', '2026-03-01', '2026-06-30');
const listing = fc.option(fc.record({ delistedOn: fc.option(day, { nil: null }) }), { nil: null });

const walks: Walk[] = [
  {
    machine: hazardMachine as unknown as AnyMachine,
    facts: fc.record({ grade: fc.constantFrom(...hazardGrades), source: fc.constantFrom(...hazardSources), listing }),
    withState: (f, state) => ({ ...f, state }),
  },
  { machine: caseMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  { machine: riskEventMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  {
    machine: inspectionMachine as unknown as AnyMachine,
    facts: fc.record({ reinspectionDue: fc.option(day, { nil: null }), reinspectedOn: fc.option(day, { nil: null }) }),
    withState: (f, state) => ({ ...f, state }),
  },
  {
    machine: checkTaskMachine as unknown as AnyMachine,
    facts: fc.record({ periodStart: day, dueDate: day, today: day }),
    withState: (f, state) => ({ ...f, state }),
  },
  {
    machine: investigationMachine as unknown as AnyMachine,
    facts: fc.record({ extensionDays: fc.constantFrom(0, 30), reportSubmittedOn: fc.option(day, { nil: null }) }),
    withState: (f, status) => ({ ...f, status }),
  },
  {
    machine: listingMachine as unknown as AnyMachine,
    facts: fc.record({
      on: day,
      objectionDue: fc.option(day, { nil: null }),
      periodEnd: fc.option(day, { nil: null }),
      earlyRemovalFrom: fc.option(day, { nil: null }),
      removalKind: fc.constantFrom(null, 'expiry', 'early'),
    }),
    withState: (f, status) => ({ ...f, status }),
  },
  {
    machine: rewardMachine as unknown as AnyMachine,
    facts: fc.record({ proposedBy: fc.constant(null) }),
    withState: (f, status) => ({ ...f, status }),
  },
  {
    machine: planMachine as unknown as AnyMachine,
    facts: fc.record({ planType: fc.constantFrom(...planTypes) }),
    withState: (f, status) => ({ ...f, status }),
  },
  { machine: sessionMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  { machine: attemptMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  { machine: certificateMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, standing) => ({ standing }) },
  { machine: schemeMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  {
    machine: sheetMachine as unknown as AnyMachine,
    facts: fc.record({ orgId: fc.constantFrom('00000000-0000-4000-8000-000000000001') }),
    withState: (f, status) => ({ ...f, status }),
  },
  { machine: bulletinMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  { machine: letterMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  { machine: dutyRecordMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  { machine: ruleVersionMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
  { machine: warningMachine as unknown as AnyMachine, facts: fc.constant({}), withState: (_f, status) => ({ status }) },
];

const actorOf = (role: (typeof roles)[number]) => ({ role });

function fullInput(machine: AnyMachine, record: unknown, action: string) {
  return Object.fromEntries(requiredFields(machine, record, action).map((f) => [f, 'given']));
}

describe.each(walks.map((w) => [w.machine.record, w] as const))('the %s machine', (_name, w) => {
  const { machine } = w;
  const allowed = new Set(transitionsOf(machine).map(([f, a, t]) => `${f}|${a}|${t}`));

  it('walks random attempts only along its transitions, refuses missing input, and offers exactly what it allows', () => {
    const step = fc.record({
      role: fc.constantFrom(...roles),
      action: fc.constantFrom(...actionsOf(machine)),
      complete: fc.boolean(),
      facts: w.facts,
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state: string | null = machine.bulkInitial ?? null;
        for (const s of steps) {
          const record = state === null ? null : w.withState(s.facts, state);
          const actor = actorOf(s.role);
          const offered = abilities(machine, record, actor);
          const allows = actionsOf(machine).filter((a) => check(machine, record, actor, a, fullInput(machine, record, a)).ok);
          expect(offered).toEqual(allows);

          const input = s.complete ? fullInput(machine, record, s.action) : {};
          const result = check(machine, record, actor, s.action, input);
          if (!result.ok) continue;
          if (!s.complete) expect(requiredFields(machine, record, s.action)).toEqual([]);
          const from = machine.stateOf(record);
          expect(allowed.has(`${from}|${s.action}|${result.to}`), `${from} --${s.action}--> ${result.to}`).toBe(true);
          expect(machine.states).toContain(result.to);
          state = result.to;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists only its own states in its transitions, and every state is reachable', () => {
    for (const [from, , to] of transitionsOf(machine)) {
      if (from !== null) expect(machine.states).toContain(from);
      expect(machine.states).toContain(to);
    }
    const reached = new Set<string | null>([null, machine.stateOf(null), machine.bulkInitial ?? null]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [from, , to] of transitionsOf(machine)) {
        if (reached.has(from) && !reached.has(to)) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect(machine.states.filter((s) => !reached.has(s))).toEqual([]);
  });

  it('is the CHECK constraint the migrations put on its status column (0025, or the migration creating the table)', () => {
    const dir = path.join(__dirname, '../db/migrations');
    const sqlText = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const name = checkConstraintName(machine);
    const m = new RegExp(
      `(?:ALTER TABLE "${machine.table}" ADD )?CONSTRAINT "${name}" CHECK \\("${machine.table}"\\."${machine.column}" in \\(([^)]*)\\)\\)`,
    ).exec(sqlText);
    expect(m, name).not.toBeNull();
    expect(m![1]!.split(',').map((s) => s.trim().replace(/^'|'$/g, ''))).toEqual([...machine.states]);
  });
});
