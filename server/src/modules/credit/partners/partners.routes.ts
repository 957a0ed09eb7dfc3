// 联合惩戒 and 公示: the partner agencies' measures (configuration), the signed JSON feed and the .xlsx of the
// caller's list in force and its changes since a day (both audited: who handed the list to partners, when), and the
// public page of enterprises with accidents, penalties or major hidden dangers (no login; withdrawn entries gone).
import {
  partnerExportQuery,
  partnerFeedView,
  partnerMeasuresView,
  publicDisclosurePage,
  publicDisclosureQuery,
  type DisclosureKind,
  type ListingCriterion,
  type PartnerFeedPayload,
} from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import type { Actor } from '../../../platform/actor';
import type { Db } from '../../../platform/db';
import { actorOf, clientIp } from '../../../platform/http';
import { recordAudit } from '../../../platform/audit';
import { cstDate } from '../../../platform/time';
import { maskFreeText } from '../../../platform/masking';
import { defaultListingRules } from '../listing.rules';
import { defaultJointPunishment, measureKindsOf, measuresOf } from './measures';
import { shownUntil } from './disclosure.rules';
import { signPayload } from './feed-signature';
import { findDisclosures, findListingChanges, findListingsInForce } from './partners.queries';
import { partnerWorkbook } from './partners.export';
import { attachment, XLSX_TYPE } from '../../../platform/xlsx-stream';

/** The list in force and the changes since `since` in the caller's scope, as partners receive it. */
export async function buildPartnerPayload(db: Db, actor: Actor, since: string | undefined, today = cstDate()): Promise<PartnerFeedPayload> {
  const kinds = measureKindsOf();
  const [listings, changes] = await Promise.all([
    findListingsInForce(db, actor, today),
    findListingChanges(db, actor, since ?? '1900-01-01', today),
  ]);
  return {
    issuer: actor.orgName ?? '',
    asOf: today,
    since: since ?? null,
    generatedAt: new Date().toISOString(),
    measuresVersion: defaultJointPunishment.version,
    listings: listings.map((l) => ({
      listingId: l.id,
      partyName: l.partyName,
      creditCode: l.creditCode,
      principalName: l.principalName,
      criteria: l.criteria as ListingCriterion[],
      documentNumber: l.documentNumber,
      decidedOn: l.decidedOn,
      publishedOn: l.publishedOn!,
      periodStart: (defaultListingRules.periodFrom === 'decided' ? l.decidedOn : l.publishedOn) ?? l.publishedOn!,
      periodEnd: l.periodEnd!,
      measures: kinds,
    })),
    changes,
  };
}

async function auditExport(db: Db, actor: Actor, ip: string | null, format: 'xlsx' | 'feed', p: PartnerFeedPayload) {
  await db.transaction((tx) =>
    recordAudit(
      tx,
      { actor, ip },
      {
        action: 'credit.partner_export',
        entityType: 'credit_listing',
        entityId: null,
        after: { format, since: p.since, asOf: p.asOf, listings: p.listings.length, changes: p.changes.length },
      },
    ),
  );
}

export function creditPartnerRoutes(app: ZodApp) {
  const tags = ['credit'];
  app.get(
    '/api/credit/partner-measures',
    { config: { access: 'credit.lookup' }, schema: { tags, response: { 200: partnerMeasuresView } } },
    async () => ({
      version: defaultJointPunishment.version,
      basis: defaultJointPunishment.basis,
      partners: defaultJointPunishment.partners.map((p) => ({
        id: p.id,
        name: p.name,
        measures: measuresOf({ ...defaultJointPunishment, partners: [p] }),
      })),
    }),
  );
  app.get(
    '/api/credit/partner-feed',
    { config: { access: 'creditPartner.export' }, schema: { tags, querystring: partnerExportQuery, response: { 200: partnerFeedView } } },
    async (req) => {
      const actor = actorOf(req);
      const payload = await buildPartnerPayload(app.db, actor, req.query.since);
      await auditExport(app.db, actor, clientIp(req), 'feed', payload);
      return { payload, signature: signPayload(payload, app.config.partnerFeed.key, app.config.partnerFeed.keyId) };
    },
  );
  app.get(
    '/api/credit/partner-export',
    { config: { access: 'creditPartner.export' }, schema: { tags, querystring: partnerExportQuery, produces: [XLSX_TYPE] } },
    async (req, reply) => {
      const actor = actorOf(req);
      const payload = await buildPartnerPayload(app.db, actor, req.query.since);
      await auditExport(app.db, actor, clientIp(req), 'xlsx', payload);
      const name = `严重失信主体名单-${payload.asOf}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`credit-list-${payload.asOf}.xlsx`, name))
        .send(await partnerWorkbook(payload, measureKindsOf()));
    },
  );
  app.get(
    '/api/public/credit-disclosures',
    { config: { access: 'public' }, schema: { tags, querystring: publicDisclosureQuery, response: { 200: publicDisclosurePage } } },
    async (req) => {
      const { items, total } = await findDisclosures(app.db, req.query, cstDate());
      return {
        items: items.map((r) => ({
          id: r.id,
          enterpriseName: r.enterpriseName,
          creditCode: r.creditCode,
          kind: r.kind as DisclosureKind,
          // Masked as the penalty notices are: any identity or mobile number written into the facts.
          title: maskFreeText(r.title),
          occurredOn: r.occurredOn,
          shownUntil: shownUntil(r.occurredOn),
        })),
        total,
      };
    },
  );
}
