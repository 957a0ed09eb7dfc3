// The jurisdiction tree, organisations and industrial parks.
import { z } from 'zod';
import { area, areaChildrenQuery, areaCode, org, orgKinds, park, sectors } from '@anjian/contracts';
import { organisations, parks } from '../../db/schema';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { recordAudit } from '../../platform/audit';
import { fieldError } from '../../platform/errors';
import { inScope } from '../../platform/scope';
import { findArea, findAreaChildren, findOrganisation, findOrganisations, findPark, findParks } from './jurisdiction.queries';

const createOrgBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    shortName: z.string().trim().max(20).nullable().optional(),
    kind: z.enum(orgKinds),
    parentId: z.uuid().nullable().optional(),
    areaCode,
    parkId: z.uuid().nullable().optional(),
    sectors: z.array(z.enum(sectors)).max(20).default([]),
  })
  .strict();
const createParkBody = z.object({ name: z.string().trim().min(1).max(100), areaCode }).strict();

function presentOrg(r: typeof organisations.$inferSelect) {
  return {
    id: r.id,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind as (typeof orgKinds)[number],
    parentId: r.parentId,
    areaCode: r.areaCode,
    parkId: r.parkId,
    sectors: r.sectors,
  };
}

export function jurisdictionRoutes(app: ZodApp) {
  const tags = ['jurisdiction'];
  app.get(
    '/api/areas',
    { config: { access: 'area.read' }, schema: { tags, querystring: areaChildrenQuery, response: { 200: z.array(area) } } },
    async (req) => {
      const rows = await findAreaChildren(app.db, actorOf(req), req.query.parent);
      return rows.map((r) => ({ ...r, level: r.level as z.infer<typeof area>['level'] }));
    },
  );
  app.get('/api/organisations', { config: { access: 'org.read' }, schema: { tags, response: { 200: z.array(org) } } }, async (req) =>
    (await findOrganisations(app.db, actorOf(req))).map(presentOrg),
  );
  app.post(
    '/api/organisations',
    { config: { access: 'org.manage' }, schema: { tags, body: createOrgBody, response: { 201: org } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const a = await findArea(app.db, req.body.areaCode);
      if (!a || !inScope(actor, { areaCode: a.code }))
        throw fieldError('areaCode', '区划不存在或不在管辖范围内', 'Unknown area or outside your jurisdiction');
      // References are checked here, not left to the foreign keys: an unknown id is the caller's field error.
      const { parentId, parkId } = req.body;
      const parent = parentId ? await findOrganisation(app.db, parentId) : null;
      if (parentId && (!parent || !inScope(actor, { areaCode: parent.areaCode })))
        throw fieldError('parentId', '上级机构不存在或不在管辖范围内', 'Unknown parent organisation or outside your jurisdiction');
      const park = parkId ? await findPark(app.db, parkId) : null;
      if (parkId && (!park || !inScope(actor, { areaCode: park.areaCode })))
        throw fieldError('parkId', '园区不存在或不在管辖范围内', 'Unknown park or outside your jurisdiction');
      const row = await app.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(organisations)
          .values({ ...req.body, sectors: req.body.sectors })
          .returning();
        await recordAudit(
          tx,
          { actor, ip: clientIp(req) },
          { action: 'org.create', entityType: 'organisation', entityId: created!.id, after: created },
        );
        return created!;
      });
      return reply.status(201).send(presentOrg(row));
    },
  );
  app.get('/api/parks', { config: { access: 'area.read' }, schema: { tags, response: { 200: z.array(park) } } }, async (req) =>
    (await findParks(app.db, actorOf(req))).map((p) => ({ id: p.id, name: p.name, areaCode: p.areaCode })),
  );
  app.post(
    '/api/parks',
    { config: { access: 'area.manage' }, schema: { tags, body: createParkBody, response: { 201: park } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const a = await findArea(app.db, req.body.areaCode);
      if (!a || a.level !== 'street' || !inScope(actor, { areaCode: a.code })) {
        throw fieldError('areaCode', '园区必须属于管辖范围内的街道', 'A park belongs to a street inside your jurisdiction');
      }
      const row = await app.db.transaction(async (tx) => {
        const [created] = await tx.insert(parks).values(req.body).returning();
        await recordAudit(
          tx,
          { actor, ip: clientIp(req) },
          { action: 'park.create', entityType: 'park', entityId: created!.id, after: created },
        );
        return created!;
      });
      return reply.status(201).send({ id: row.id, name: row.name, areaCode: row.areaCode });
    },
  );
}
