// The 严重失信主体 listing's machine (部令第11号; rules.md §9): proposed (by the authority that decided the penalty,
// with grounds and source records) → noticed (prior notice; objection period on working days) → objection received →
// reviewed (rejected) or dropped (upheld) → decided (document number) → published (3-year period) → removed on expiry
// or early (信用修复 after 12 months with its conditions) → a removal obtained by fraud revoked (re-listed). Date rules
// are guards on the step's day (`on`), so `abilities` offers only what the calendar allows today. `writeListing` is the
// only writer of credit_listings.status: it asks the machine, writes the row, appends the history row and the domain
// event in the caller's transaction.
import { eq } from 'drizzle-orm';
import { listingActionLabels, listingStatuses, type ListingAction, type ListingStatus } from '@anjian/contracts';
import { creditListings } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type Refusal, type StateMachine } from '../../platform/state-machine';

export type ListingRow = typeof creditListings.$inferSelect;
/** What the machine looks at: the row's state and dates, and the day the step takes place. */
export type ListingFacts = Pick<ListingRow, 'status' | 'objectionDue' | 'periodEnd' | 'earlyRemovalFrom' | 'removalKind'> & { on: string };

const refuse = (zh: string, en: string): Refusal => ({ reason: 'not_yet', code: 'VALIDATION', details: [{ field: 'on', zh, en }] });

export const listingMachine: StateMachine<ListingStatus, 'propose' | ListingAction, ListingFacts> = {
  record: 'credit_listing',
  table: 'credit_listings',
  column: 'status',
  states: listingStatuses,
  actions: {
    propose: { label: { zh: '拟列入', en: 'Propose' }, from: [null], to: 'proposed', permission: 'creditListing.manage' },
    notice: { label: listingActionLabels.notice, from: ['proposed'], to: 'noticed', permission: 'creditListing.manage' },
    receive_objection: {
      label: listingActionLabels.receive_objection,
      from: ['noticed'],
      to: 'objection_received',
      permission: 'creditListing.manage',
      requires: ['objection'],
    },
    accept_objection: {
      label: listingActionLabels.accept_objection,
      from: ['objection_received'],
      to: 'dropped',
      permission: 'creditListing.manage',
      requires: ['reason'],
    },
    reject_objection: {
      label: listingActionLabels.reject_objection,
      from: ['objection_received'],
      to: 'reviewed',
      permission: 'creditListing.manage',
      requires: ['reason'],
    },
    decide: {
      label: listingActionLabels.decide,
      from: ['noticed', 'reviewed'],
      to: 'decided',
      permission: 'creditListing.manage',
      requires: ['documentNumber'],
    },
    publish: { label: listingActionLabels.publish, from: ['decided'], to: 'published', permission: 'creditListing.manage' },
    remove_on_expiry: {
      label: listingActionLabels.remove_on_expiry,
      from: ['published'],
      to: 'removed',
      permission: 'creditListing.manage',
    },
    remove_early: {
      label: listingActionLabels.remove_early,
      from: ['published'],
      to: 'removed',
      permission: 'creditListing.manage',
      requires: ['appliedOn', 'reason'],
    },
    revoke_removal: {
      label: listingActionLabels.revoke_removal,
      from: ['removed'],
      to: 'published',
      permission: 'creditListing.manage',
      requires: ['reason'],
    },
    drop: {
      label: listingActionLabels.drop,
      from: ['proposed', 'noticed'],
      to: 'dropped',
      permission: 'creditListing.manage',
      requires: ['reason'],
    },
  },
  stateOf: (r) => (r ? (r.status as ListingStatus) : null),
  fieldLabels: {
    objection: { zh: '异议内容', en: 'objection' },
    reason: { zh: '理由', en: 'reason' },
    documentNumber: { zh: '决定书文号', en: 'decision document number' },
    appliedOn: { zh: '申请日期', en: 'application date' },
  },
  guard(r, _actor, action) {
    if (!r) return null;
    if (action === 'receive_objection' && r.objectionDue && r.on > r.objectionDue)
      return refuse(`异议期已于${r.objectionDue}届满`, `The objection period ended on ${r.objectionDue}`);
    if (action === 'decide' && r.status === 'noticed' && r.objectionDue && r.on <= r.objectionDue)
      return refuse(`异议期届满（${r.objectionDue}）后方可作出决定`, `Decide after the objection period ends (${r.objectionDue})`);
    if (action === 'remove_on_expiry' && r.periodEnd && r.on < r.periodEnd)
      return refuse(`管理期至${r.periodEnd}届满`, `The period runs until ${r.periodEnd}`);
    if (action === 'remove_early' && r.earlyRemovalFrom && r.on < r.earlyRemovalFrom)
      return refuse(`列入满12个月（${r.earlyRemovalFrom}）后方可提前移出`, `Early removal is possible from ${r.earlyRemovalFrom}`);
    if (action === 'revoke_removal' && r.removalKind !== 'early')
      return refuse('只有提前移出可以撤销', 'Only an early removal can be revoked');
    return null;
  },
};

export function availableListingActions(actor: MachineActor, row: ListingRow, on: string): ListingAction[] {
  return abilities(listingMachine, { ...row, on }, actor).filter((a): a is ListingAction => a !== 'propose');
}

export interface ListingChange {
  create?: Omit<typeof creditListings.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof creditListings.$inferInsert>;
  input?: Record<string, unknown>;
  on: string;
}

/** The only writer of credit_listings.status, in the caller's transaction. */
export async function writeListing(
  tx: DbOrTx,
  actor: Actor,
  before: ListingRow | null,
  action: 'propose' | ListingAction,
  change: ListingChange,
): Promise<ListingRow> {
  const { from, to } = decide(listingMachine, before ? { ...before, on: change.on } : null, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(creditListings)
        .set({ ...change.patch, status: to, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(creditListings.id, before.id))
        .returning()
    : await tx
        .insert(creditListings)
        .values({ ...change.create!, status: to })
        .returning();
  const evidence = { on: change.on, ...(change.input ?? {}) };
  await appendTransition(tx, listingMachine, actor, { recordId: row!.id, action, from, to, evidence });
  await appendEvent(tx, `credit_listing.${action}`, 'credit_listing', row!, actor, { from, to, ...evidence });
  return row!;
}
