// 应急资源: the register (depots, teams, experts, shelters), the map layer, a depot's stock and ledger, movements,
// minimums and shortages, and "nearest" from a point or an enterprise.
import {
  depotStock,
  idParams,
  mapLayer,
  mapLayerQuery,
  minimumBody,
  movementBody,
  movementListQuery,
  movementPage,
  nearestQuery,
  nearestResult,
  resourceBody,
  resourceListQuery,
  resourcePage,
  resourceView,
  shortageListQuery,
  shortagePage,
  updateResourceBody,
  type MovementKind,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { fieldError, notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { findEnterprise } from '../enterprises/enterprises.queries';
import { findMapLayer, findMovements, findResource, findResources, findShortages } from './resources.queries';
import { presentResourceOne, presentResources, presentStock } from './resources.presenter';
import { createResource, updateResource } from './commands/save-resource';
import { recordMovement } from './commands/record-movement';
import { setMinimum } from './commands/set-minimum';
import { findNearest } from './nearest';

/** The most resources one map layer answer carries (a province's register is a few thousand). */
const MAP_CAP = 20_000;

export function emergencyResourceRoutes(app: ZodApp) {
  const tags = ['emergency'];
  app.get(
    '/api/emergency/resources',
    { config: { access: 'emergency.read' }, schema: { tags, querystring: resourceListQuery, response: { 200: resourcePage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findResources(app.db, actor, req.query);
      return { items: await presentResources(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/emergency/resources',
    { config: { access: 'emergency.manage' }, schema: { tags, body: resourceBody, response: { 200: resourceView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await createResource(app.db, actor, clientIp(req), req.body);
      return presentResourceOne(app.db, actor, row);
    },
  );
  app.get(
    '/api/emergency/resources/:id',
    { config: { access: 'emergency.read' }, schema: { tags, params: idParams, response: { 200: resourceView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findResource(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentResourceOne(app.db, actor, row);
    },
  );
  app.patch(
    '/api/emergency/resources/:id',
    {
      config: { access: 'emergency.manage' },
      schema: { tags, params: idParams, body: updateResourceBody, response: { 200: resourceView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await updateResource(app.db, actor, clientIp(req), req.params.id, req.body);
      return presentResourceOne(app.db, actor, row);
    },
  );
  app.get(
    '/api/emergency/map',
    { config: { access: 'emergency.read' }, schema: { tags, querystring: mapLayerQuery, response: { 200: mapLayer } } },
    async (req) => {
      const r = await findMapLayer(app.db, actorOf(req), req.query.kind, MAP_CAP);
      return { items: r.items.map((i) => ({ ...i, kind: i.kind as never, teamType: i.teamType as never })), truncated: r.truncated };
    },
  );
  app.get(
    '/api/emergency/depots/:id/stock',
    { config: { access: 'emergency.read' }, schema: { tags, params: idParams, response: { 200: depotStock } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findResource(app.db, actor, req.params.id);
      if (!row || row.kind !== 'depot') throw notFound();
      return presentStock(app.db, actor, row);
    },
  );
  app.get(
    '/api/emergency/depots/:id/movements',
    {
      config: { access: 'emergency.read' },
      schema: { tags, params: idParams, querystring: movementListQuery, response: { 200: movementPage } },
    },
    async (req) => {
      const row = await findResource(app.db, actorOf(req), req.params.id);
      if (!row || row.kind !== 'depot') throw notFound();
      const { items, total } = await findMovements(app.db, row.id, req.query);
      return {
        items: items.map((m) => ({
          id: m.id,
          kind: m.kind as MovementKind,
          itemCode: m.itemCode,
          batchNo: m.batchNo,
          delta: m.delta,
          balanceAfter: m.balanceAfter,
          counterpartId: m.counterpartId,
          reason: m.reason,
          recordedByName: m.recordedByName,
          at: m.at.toISOString(),
        })),
        total,
      };
    },
  );
  app.post(
    '/api/emergency/depots/:id/movements',
    { config: { access: 'emergency.manage' }, schema: { tags, params: idParams, body: movementBody, response: { 200: depotStock } } },
    async (req) => {
      const actor = actorOf(req);
      const { depot } = await recordMovement(app.db, actor, clientIp(req), req.params.id, req.body);
      return presentStock(app.db, actor, depot);
    },
  );
  app.post(
    '/api/emergency/depots/:id/minimums',
    { config: { access: 'emergency.manage' }, schema: { tags, params: idParams, body: minimumBody, response: { 200: depotStock } } },
    async (req) => {
      const actor = actorOf(req);
      const depot = await setMinimum(app.db, actor, clientIp(req), req.params.id, req.body);
      return presentStock(app.db, actor, depot);
    },
  );
  app.get(
    '/api/emergency/shortages',
    { config: { access: 'emergency.read' }, schema: { tags, querystring: shortageListQuery, response: { 200: shortagePage } } },
    async (req) => findShortages(app.db, actorOf(req), cstDate(), req.query.page, req.query.pageSize),
  );
  app.get(
    '/api/emergency/nearest',
    { config: { access: 'emergency.read' }, schema: { tags, querystring: nearestQuery, response: { 200: nearestResult } } },
    async (req) => {
      const actor = actorOf(req);
      const q = req.query;
      let origin: { lng: number; lat: number };
      if (q.enterpriseId) {
        const e = await findEnterprise(app.db, actor, q.enterpriseId);
        if (!e) throw fieldError('enterpriseId', '企业不存在或不在辖区内', 'Unknown enterprise');
        if (e.longitude == null || e.latitude == null)
          throw fieldError('enterpriseId', '该企业没有登记位置', 'The enterprise has no location');
        origin = { lng: e.longitude, lat: e.latitude };
      } else if (q.lng !== undefined && q.lat !== undefined) {
        origin = { lng: q.lng, lat: q.lat };
      } else {
        throw fieldError('lng', '请在地图上选择位置或选择企业', 'Give a point or an enterprise');
      }
      if (q.target === 'depot' && !q.itemCode && q.quantity) throw fieldError('itemCode', '请选择物资', 'Choose the item');
      return findNearest(
        app.db,
        actor,
        origin,
        { kind: q.target, itemCode: q.itemCode, quantity: q.quantity, teamType: q.teamType, capacity: q.capacity, today: cstDate() },
        q,
      );
    },
  );
}
