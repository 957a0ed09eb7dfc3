// Proposes an enterprise for the 严重失信主体名单 (部令第11号; rules.md §9): the enterprise through the caller's
// scope (404 outside it), at most one listing in process or on the list per enterprise, the cited sources must be on
// the enterprise's credit record; the one writer creates the record, the audit entry in the same transaction.
import type { ProposeListingBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { findCitedEntries, findOpenListing } from '../listing.queries';
import { auditListing, presentListingDetail } from '../listing.presenter';
import { writeListing } from '../listing.workflow';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';

export async function proposeListing(db: Db, actor: Actor, ip: string | null, input: ProposeListingBody, today = cstDate()) {
  return db.transaction((tx) => proposeListingIn(tx, actor, ip, input, today));
}

/** The same in the caller's transaction (the demo seed). */
export async function proposeListingIn(tx: Tx, actor: Actor, ip: string | null, input: ProposeListingBody, today = cstDate()) {
  const ent = await findEnterpriseInScope(tx, actor, input.enterpriseId, { includeDeleted: true });
  if (!ent) throw notFound();
  if (await findOpenListing(tx, ent.id))
    throw fieldError(
      'enterpriseId',
      '该企业已有进行中或管理期内的列入记录',
      'This enterprise already has a listing in process or in force',
      'CONFLICT',
    );
  const cited = await findCitedEntries(tx, ent.id, input.sources);
  const known = new Set(cited.flatMap((c) => [c.id, c.sourceId]));
  const missing = input.sources.findIndex((s) => !known.has(s.id));
  if (missing >= 0)
    throw fieldError(`sources.${missing}`, '所引记录不在该企业的信用记录中', "The cited record is not on this enterprise's credit record");
  const row = await writeListing(tx, actor, null, 'propose', {
    on: today,
    create: {
      enterpriseId: ent.id,
      areaCode: ent.areaCode,
      sector: ent.sector,
      parkId: ent.parkId,
      partyName: ent.name,
      creditCode: ent.creditCode,
      principalName: ent.principalName ?? ent.legalRepresentative,
      criteria: input.criteria,
      grounds: input.grounds,
      sources: input.sources,
      proposedOn: today,
      createdBy: actor.id,
    },
    input: { criteria: input.criteria },
  });
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'credit_listing.propose', entityType: 'credit_listing', entityId: row.id, after: auditListing(row) },
  );
  return presentListingDetail(tx, actor, row, today);
}
