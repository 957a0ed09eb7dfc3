// The machines in the database: each status column's CHECK constraint lists exactly its machine's states and refuses
// any other value; and random attempts through a writer (the inspection's) leave only transitions the definition
// lists in the history, with the row's state the history's last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { roles, type Role } from '@anjian/contracts';
import { openTestDatabase } from '../../test/db';
import { buildEnterprise } from '../seed/factories';
import { inspections } from '../db/schema';
import { caseMachine } from '../modules/enforcement/cases/case.workflow';
import { hazardMachine } from '../modules/hazards/hazards.workflow';
import { riskEventMachine } from '../modules/risks/risks.workflow';
import { inspectionMachine, writeInspection } from '../modules/enforcement/inspections/inspections.workflow';
import { checkTaskMachine } from '../modules/checks/checks.workflow';
import { investigationMachine } from '../modules/accidents/investigation.workflow';
import { reportMachine } from '../modules/reports/reports.workflow';
import { workTaskMachine } from '../modules/workplans/workplans.workflow';
import { schemeMachine, sheetMachine } from '../modules/assessment/assessment.workflow';
import { bulletinMachine } from '../modules/workplans/bulletins.workflow';
import { letterMachine } from '../modules/responsibility/letters.workflow';
import { dutyRecordMachine } from '../modules/commitments/duties.workflow';
import { ruleVersionMachine, warningMachine } from '../modules/warnings/warnings.workflow';
import type { Actor } from './actor';
import { rowsOf, type Database } from './db';
import { AppError } from './errors';
import { checkConstraintName, transitionsOf } from './state-machine';

const machines = [
  hazardMachine,
  caseMachine,
  riskEventMachine,
  inspectionMachine,
  checkTaskMachine,
  investigationMachine,
  reportMachine,
  workTaskMachine,
  schemeMachine,
  sheetMachine,
  bulletinMachine,
  letterMachine,
  dutyRecordMachine,
  ruleVersionMachine,
  warningMachine,
];

const actorOf = (role: Role): Actor => ({
  id: '00000000-0000-4000-8000-0000000000a1',
  username: role,
  displayName: role,
  role,
  orgId: null,
  orgName: null,
  areaCode: null,
  areaPrefix: null,
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'area',
  mustChangePassword: false,
});

describe('state machines in the database', () => {
  let d: Database;
  beforeAll(async () => {
    d = await openTestDatabase();
  }, 120_000);
  afterAll(async () => d?.close());

  it('constrains every status column to its machine’s states', async () => {
    for (const m of machines) {
      const [row] = rowsOf<{ def: string }>(
        await d.db.execute(sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${checkConstraintName(m)}`),
      );
      expect(row, m.table).toBeDefined();
      expect(
        [...row!.def.matchAll(/'([^']+)'/g)].map((x) => x[1]),
        m.table,
      ).toEqual([...m.states]);
    }
  });

  it('refuses a state the machine does not list', async () => {
    const e = await buildEnterprise(d.db);
    const insert = d.db.insert(inspections).values({
      enterpriseId: e.id,
      areaCode: e.areaCode,
      sector: e.sector,
      kind: 'planned',
      plannedOn: '2026-12-01',
      state: 'cancelled',
    });
    const err = await insert.then(
      () => null,
      (e: unknown) => e as { cause?: { message?: string } },
    );
    expect(err?.cause?.message).toMatch(/inspections_state_check/);
  });

  it('writes only listed transitions through the inspection writer, whatever is attempted', async () => {
    const e = await buildEnterprise(d.db);
    const listed = new Set(transitionsOf(inspectionMachine).map(([f, a, t]) => `${f}|${a}|${t}`));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...roles), fc.constantFrom('record', 'reinspect', 'plan' as const), fc.boolean()), {
          maxLength: 8,
        }),
        async (tries) => {
          const row = await writeInspection(d.db, actorOf('district_officer'), null, 'plan', {
            create: { enterpriseId: e.id, areaCode: e.areaCode, sector: e.sector, kind: 'planned', plannedOn: '2026-12-01' },
          });
          let current = row;
          for (const [role, action, due] of tries) {
            if (due && current.state === 'done' && !current.reinspectionDue)
              current = (
                await d.db
                  .update(inspections)
                  .set({ reinspectionDue: '2026-12-20' })
                  .where(sql`${inspections.id} = ${current.id}`)
                  .returning()
              )[0]!;
            try {
              current = await writeInspection(d.db, actorOf(role), action === 'plan' ? null : current!, action, {
                create: { enterpriseId: e.id, areaCode: e.areaCode, sector: e.sector, kind: 'planned', plannedOn: '2026-12-01' },
                patch: action === 'reinspect' ? { reinspectedOn: '2026-12-21', reinspectionResult: 'passed' } : {},
              });
              if (action === 'plan') break; // a new inspection: this walk follows the first one
            } catch (err) {
              if (!(err instanceof AppError)) throw err;
            }
          }
          const history = rowsOf<{ from: string | null; action: string; to: string }>(
            await d.db.execute(sql`select from_state as "from", action, to_state as "to" from state_transitions
                                    where record_type = 'inspection' and record_id = ${row.id} order by id`),
          );
          for (const h of history) expect(listed.has(`${h.from}|${h.action}|${h.to}`), `${h.from}|${h.action}|${h.to}`).toBe(true);
          const [stored] = rowsOf<{ state: string }>(await d.db.execute(sql`select state from inspections where id = ${row.id}`));
          expect(stored!.state).toBe(history.at(-1)!.to);
        },
      ),
      { numRuns: 25 },
    );
  });
});
