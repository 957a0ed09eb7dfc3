// The 备案's machine: submitted → accepted (community acceptance) | rejected (with a reason). `writeFiling` is the only
// writer of rental_filings.status, with the history row and the domain event in the caller's transaction.
import { eq } from 'drizzle-orm';
import { rentalFilingStatuses, type RentalFilingAction, type RentalFilingStatus } from '@anjian/contracts';
import { rentalFilings } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../platform/state-machine';

export type RentalFilingRow = typeof rentalFilings.$inferSelect;
type Facts = { status: string };

export const rentalFilingMachine: StateMachine<RentalFilingStatus, 'file' | RentalFilingAction, Facts> = {
  record: 'rental_filing',
  table: 'rental_filings',
  column: 'status',
  states: rentalFilingStatuses,
  actions: {
    file: { label: { zh: '提交备案', en: 'File' }, from: [null], to: 'submitted', permission: 'rental.manage' },
    accept: { label: { zh: '受理备案', en: 'Accept' }, from: ['submitted'], to: 'accepted', permission: 'rental.accept' },
    reject: {
      label: { zh: '不予备案', en: 'Refuse' },
      from: ['submitted'],
      to: 'rejected',
      permission: 'rental.accept',
      requires: ['reason'],
    },
  },
  stateOf: (r) => (r ? (r.status as RentalFilingStatus) : null),
  fieldLabels: { reason: { zh: '理由', en: 'reason' } },
};

export function availableFilingActions(actor: MachineActor, row: Facts): RentalFilingAction[] {
  return abilities(rentalFilingMachine, row, actor).filter((a): a is RentalFilingAction => a !== 'file');
}

export async function writeFiling(
  tx: DbOrTx,
  actor: Actor,
  before: RentalFilingRow | null,
  action: 'file' | RentalFilingAction,
  change: {
    create?: Omit<typeof rentalFilings.$inferInsert, 'status' | 'id' | 'version'>;
    patch?: Partial<RentalFilingRow>;
    input?: Record<string, unknown>;
  },
): Promise<RentalFilingRow> {
  const { from, to } = decide(rentalFilingMachine, before, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(rentalFilings)
        .set({ ...change.patch, status: to!, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(rentalFilings.id, before.id))
        .returning()
    : await tx
        .insert(rentalFilings)
        .values({ ...change.create!, status: to! })
        .returning();
  const evidence = change.input ?? {};
  await appendTransition(tx, rentalFilingMachine, actor, { recordId: row!.id, action, from, to, evidence });
  await appendEvent(
    tx,
    `rental_filing.${action}`,
    'rental_filing',
    { id: row!.id, areaCode: row!.areaCode, enterpriseId: row!.tenantEnterpriseId },
    actor,
    {
      from,
      to,
      ...evidence,
    },
  );
  return row!;
}
