// 信用: an enterprise's credit record with its grade and calculation, the officers' list of enterprises by grade, the
// 严重失信主体名单 (部令第11号) workspace with its due process and candidates, the lookup by credit code, and the public
// page of published listings.
import {
  creditGradeListQuery,
  creditGradePage,
  creditLookupQuery,
  creditLookupWithMeasures,
  enterpriseCreditView,
  idParams,
  listingActBody,
  listingCandidates,
  listingDetail,
  listingListQuery,
  listingPage,
  proposeListingBody,
  publicListingPage,
  publicListingsQuery,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { addMonths, cstDate } from '../../platform/time';
import {
  findCandidateEntries,
  findListing,
  findListingByCreditCode,
  findListings,
  findPublishedListings,
  openListingEnterprises,
} from './listing.queries';
import { presentListing, presentListingDetail, presentPublicListing } from './listing.presenter';
import { defaultListingRules, evaluateCriteria } from './listing.rules';
import { proposeListing } from './commands/propose-listing';
import { actOnListing } from './commands/act-on-listing';
import { findCreditGrades } from './credit.queries';
import { presentEnterpriseCredit, presentGradeRow } from './credit.presenter';
import { entriesOf, isListed } from './credit.service';
import { findEnterpriseInScope } from '../enterprises/enterprises.queries';
import { measuresFor } from './partners/measures';

export function creditRoutes(app: ZodApp) {
  const tags = ['credit'];
  app.get(
    '/api/enterprises/:id/credit',
    { config: { access: 'credit.read' }, schema: { tags, params: idParams, response: { 200: enterpriseCreditView } } },
    async (req) => {
      const actor = actorOf(req);
      const ent = await findEnterpriseInScope(app.db, actor, req.params.id, { includeDeleted: true });
      if (!ent) throw notFound();
      const today = cstDate();
      const [entries, listed] = await Promise.all([entriesOf(app.db, ent.id), isListed(app.db, ent.id, today)]);
      return presentEnterpriseCredit(ent, entries, listed, today);
    },
  );
  app.get(
    '/api/credit/enterprises',
    { config: { access: 'credit.list' }, schema: { tags, querystring: creditGradeListQuery, response: { 200: creditGradePage } } },
    async (req) => {
      const { items, total } = await findCreditGrades(app.db, actorOf(req), req.query);
      return { items: items.map(presentGradeRow), total };
    },
  );

  app.get(
    '/api/credit/listings',
    { config: { access: 'creditListing.read' }, schema: { tags, querystring: listingListQuery, response: { 200: listingPage } } },
    async (req) => {
      const actor = actorOf(req);
      const today = cstDate();
      const { items, total } = await findListings(app.db, actor, req.query);
      return { items: items.map((r) => presentListing(actor, r, today)), total };
    },
  );
  app.post(
    '/api/credit/listings',
    { config: { access: 'creditListing.manage' }, schema: { tags, body: proposeListingBody, response: { 200: listingDetail } } },
    async (req) => proposeListing(app.db, actorOf(req), clientIp(req), req.body),
  );
  app.get(
    '/api/credit/listing-candidates',
    { config: { access: 'creditListing.read' }, schema: { tags, response: { 200: listingCandidates } } },
    async (req) => listingCandidatesOf(app.db, actorOf(req), cstDate()),
  );
  app.get(
    '/api/credit/listings/:id',
    { config: { access: 'creditListing.read' }, schema: { tags, params: idParams, response: { 200: listingDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findListing(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentListingDetail(app.db, actor, row, cstDate());
    },
  );
  app.post(
    '/api/credit/listings/:id/act',
    {
      config: { access: 'creditListing.manage' },
      schema: { tags, params: idParams, body: listingActBody, response: { 200: listingDetail } },
    },
    async (req) => actOnListing(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  // Partner agencies' question "is this unit listed?", asked by an officer: published listings are public, so the
  // answer does not depend on the caller's area; it names the period and the measures that apply.
  app.get(
    '/api/credit/lookup',
    { config: { access: 'credit.lookup' }, schema: { tags, querystring: creditLookupQuery, response: { 200: creditLookupWithMeasures } } },
    async (req) => {
      const row = await findListingByCreditCode(app.db, req.query.creditCode, cstDate());
      return {
        creditCode: req.query.creditCode.toUpperCase(),
        listed: !!row,
        partyName: row?.partyName ?? null,
        decidedOn: row?.decidedOn ?? null,
        documentNumber: row?.documentNumber ?? null,
        publishedOn: row?.publishedOn ?? null,
        periodEnd: row?.periodEnd ?? null,
        periodStart: row ? ((defaultListingRules.periodFrom === 'decided' ? row.decidedOn : row.publishedOn) ?? row.publishedOn) : null,
        // 联合惩戒: what each partner agency restricts while the listing is in force (partners/measures.ts).
        measures: measuresFor(!!row),
      };
    },
  );
  app.get(
    '/api/public/credit-listings',
    { config: { access: 'public' }, schema: { tags, querystring: publicListingsQuery, response: { 200: publicListingPage } } },
    async (req) => {
      const { items, total } = await findPublishedListings(app.db, req.query, cstDate());
      return { items: items.map(presentPublicListing), total };
    },
  );
}

/** Enterprises in the caller's scope whose records meet a criterion of 部令第11号 and have no listing in process. */
async function listingCandidatesOf(db: DbOrTx, actor: Actor, today: string) {
  const rows = await findCandidateEntries(db, actor, addMonths(today, -defaultListingRules.periodMonths));
  const byEnterprise = new Map<string, typeof rows>();
  for (const r of rows) byEnterprise.set(r.enterpriseId, [...(byEnterprise.get(r.enterpriseId) ?? []), r]);
  const open = await openListingEnterprises(db, [...byEnterprise.keys()]);
  const items = [];
  for (const [enterpriseId, entries] of byEnterprise) {
    if (open.has(enterpriseId)) continue;
    const criteria = evaluateCriteria(entries, today);
    if (criteria.length > 0)
      items.push({ enterpriseId, enterpriseName: entries[0]!.enterpriseName, creditCode: entries[0]!.creditCode, criteria });
  }
  return { items };
}
