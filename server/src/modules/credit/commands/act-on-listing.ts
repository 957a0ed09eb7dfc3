// One due-process step on a listing: loadForUpdate (scope + lock + version) → the machine decides (state, permission,
// required fields, the calendar guards on the step's day) → the step's dates from listing.rules.ts → the one writer →
// audit with before and after, in one transaction.
import type { ListingActBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findListing } from '../listing.queries';
import { auditListing, presentListingDetail } from '../listing.presenter';
import { defaultListingRules, earlyRemovalFromOf, earlyRemovalRefusals, objectionDueOf, periodEndOf } from '../listing.rules';
import { writeListing, type ListingRow } from '../listing.workflow';

export async function actOnListing(db: Db, actor: Actor, ip: string | null, id: string, input: ListingActBody, today = cstDate()) {
  return db.transaction((tx) => actOnListingIn(tx, actor, ip, id, input, today));
}

/** The same in the caller's transaction (the demo seed). */
export async function actOnListingIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: ListingActBody, today = cstDate()) {
  const before = await loadForUpdate({
    load: () => findListing(tx, actor, id, true),
    version: input.version,
    present: (row) => presentListingDetail(tx, actor, row, today),
  });
  const on = input.on ?? today;
  if (on > today) throw fieldError('on', '日期不能晚于今天', 'The date cannot be in the future');
  const rules = defaultListingRules;
  const period = (start: string) => ({ periodEnd: periodEndOf(start, rules), earlyRemovalFrom: earlyRemovalFromOf(start, rules) });
  let patch: Partial<ListingRow> = {};
  switch (input.action) {
    case 'notice':
      patch = { noticedOn: on, objectionDue: objectionDueOf(on, rules) };
      break;
    case 'receive_objection':
      patch = { objection: input.objection ?? null, objectionReceivedOn: on };
      break;
    case 'accept_objection':
    case 'reject_objection':
    case 'drop':
      patch = { reviewReason: input.reason ?? null };
      break;
    case 'decide':
      patch = { decidedOn: on, documentNumber: input.documentNumber ?? null, ...(rules.periodFrom === 'decided' ? period(on) : {}) };
      break;
    case 'publish':
      patch = { publishedOn: on, ...(rules.periodFrom === 'published' ? period(on) : {}) };
      break;
    case 'remove_on_expiry':
      patch = { removedOn: on, removalKind: 'expiry' };
      break;
    case 'remove_early': {
      if (before.status === 'published' && before.earlyRemovalFrom && input.appliedOn) {
        const refusals = earlyRemovalRefusals(before.earlyRemovalFrom, {
          appliedOn: input.appliedOn,
          penaltyExecuted: input.penaltyExecuted === true,
          harmRemoved: input.harmRemoved === true,
          noNewConduct: input.noNewConduct === true,
        });
        if (refusals.length > 0) throw new AppError('VALIDATION', refusals);
      }
      patch = { removedOn: on, removalKind: 'early', removalReason: input.reason ?? null };
      break;
    }
    case 'revoke_removal':
      patch = { removedOn: null, removalKind: null, removalReason: input.reason ?? null };
      break;
  }
  const evidence = { objection: input.objection, reason: input.reason, documentNumber: input.documentNumber, appliedOn: input.appliedOn };
  const after = await writeListing(tx, actor, before, input.action, { on, patch, input: evidence });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: `credit_listing.${input.action}`,
      entityType: 'credit_listing',
      entityId: id,
      before: auditListing(before),
      after: auditListing(after),
    },
  );
  return presentListingDetail(tx, actor, after, today);
}
