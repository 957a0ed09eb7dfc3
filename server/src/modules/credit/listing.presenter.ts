// Listing → response whitelist, with `abilities` from the machine on today's date; the public view masks the
// principal's name (as the penalty notices do for persons) and any phone or ID number written into the grounds.
import type { ListingCriterion, ListingDetail, ListingStatus, ListingView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { maskFreeText, maskPersonName } from '../../platform/masking';
import { findListingHistory } from './listing.queries';
import { availableListingActions, type ListingRow } from './listing.workflow';

export function presentListing(actor: Actor, row: ListingRow, today: string): ListingView {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    partyName: row.partyName,
    creditCode: row.creditCode,
    principalName: row.principalName,
    areaCode: row.areaCode,
    status: row.status as ListingStatus,
    criteria: row.criteria as ListingCriterion[],
    grounds: maskFreeText(row.grounds),
    sources: row.sources,
    proposedOn: row.proposedOn,
    noticedOn: row.noticedOn,
    objectionDue: row.objectionDue,
    objection: row.objection === null ? null : maskFreeText(row.objection),
    objectionReceivedOn: row.objectionReceivedOn,
    reviewReason: row.reviewReason,
    decidedOn: row.decidedOn,
    documentNumber: row.documentNumber,
    publishedOn: row.publishedOn,
    periodEnd: row.periodEnd,
    earlyRemovalFrom: row.earlyRemovalFrom,
    removedOn: row.removedOn,
    removalKind: row.removalKind as 'expiry' | 'early' | null,
    removalReason: row.removalReason,
    version: row.version,
    abilities: availableListingActions(actor, row, today),
  };
}

export async function presentListingDetail(db: DbOrTx, actor: Actor, row: ListingRow, today: string): Promise<ListingDetail> {
  const history = await findListingHistory(db, row.id);
  return { ...presentListing(actor, row, today), history: history.map((h) => ({ ...h, at: h.at.toISOString() })) };
}

export function presentPublicListing(row: ListingRow) {
  return {
    id: row.id,
    partyName: row.partyName,
    creditCode: row.creditCode,
    principalName: maskPersonName(row.principalName),
    grounds: maskFreeText(row.grounds),
    documentNumber: row.documentNumber,
    decidedOn: row.decidedOn,
    publishedOn: row.publishedOn!,
    periodEnd: row.periodEnd!,
  };
}

/** The audit entry's picture of a listing. */
export function auditListing(row: ListingRow) {
  return {
    status: row.status,
    enterpriseId: row.enterpriseId,
    criteria: row.criteria,
    objectionDue: row.objectionDue,
    decidedOn: row.decidedOn,
    documentNumber: row.documentNumber,
    publishedOn: row.publishedOn,
    periodEnd: row.periodEnd,
    removedOn: row.removedOn,
    removalKind: row.removalKind,
    version: row.version,
  };
}
