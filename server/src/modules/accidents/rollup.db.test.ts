// The monthly rollup equals a plain GROUP BY over the registry after any series of writes: creation,
// casualty changes with regrades, and moves of area, month, category, type, cause and enterprise.
// Refused writes leave it untouched, and analysis answered from it matches analysis from the registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentMonthlyRollup } from '../../db/schema';
import { buildCommunity } from '../../seed/factories';
import type { Actor } from '../../platform/actor';
import { aggregateRegistry, registryQuery, rollupSlice } from './analysis.queries';
import { rebuildRollup, rollupFromRegistry, type RollupKey } from './rollup';
import { accidentBody, buildWorld, daysAgo, type World } from './test-world';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const sortKey = (r: RollupKey) => [r.areaCode, r.sector, r.category, r.typeKey, r.causeCategory, r.level, r.year, r.month].join('|');

async function expectRollupMatchesRegistry() {
  const db = w.t.database.db;
  const stored = (await db.select().from(accidentMonthlyRollup)).map((r) => ({ ...r, directLossWan: Number(r.directLossWan) }));
  const fresh = await rollupFromRegistry(db);
  expect(stored.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(fresh.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
  return stored;
}

describe('monthly rollup', () => {
  it('equals the GROUP BY after creates, edits, regrades and moves', async () => {
    const community = await buildCommunity(w.t.database.db, { street: w.streetA as never });
    const created: { id: string; version: number }[] = [];
    const bodies = [
      accidentBody(w.streetA.code, { deaths: 2, directLossWan: 12.5 }),
      accidentBody(community.code, { deaths: 0, seriousInjuries: 3, directLossWan: 0.3333 }),
      accidentBody(w.streetB.code, { category: 'fire', typeCode: 'P09', deaths: 1, occurredAt: daysAgo(3) }),
      accidentBody(w.streetB.code, { enterpriseId: w.enterpriseA.id, sector: null, deaths: 0, minorInjuries: 2 }),
      accidentBody(w.district.code, { category: 'road_traffic', typeCode: 'P03', sector: null, missing: 1 }),
      accidentBody(w.streetA.code, { occurredAt: daysAgo(60), deaths: 1 }),
    ];
    for (const b of bodies) {
      const res = await w.officer.post('/api/accidents', b);
      expect(res.statusCode, res.body).toBe(201);
      created.push(res.json());
    }
    await expectRollupMatchesRegistry();

    const patch = async (i: number, body: Record<string, unknown>, status = 200) => {
      const res = await w.officer.patch(`/api/accidents/${created[i]!.id}`, { version: created[i]!.version, ...body });
      expect(res.statusCode, res.body).toBe(status);
      if (status === 200) created[i] = res.json();
    };
    await patch(0, { deaths: 3, casualtiesChangedAt: daysAgo(0, 1) }); // regrade 一般 → 较大
    await patch(1, { areaCode: w.streetB.code, causeCategory: 'unsafe_act' });
    await patch(2, { category: 'industry_mining_commerce', typeCode: 'P21', occurredAt: daysAgo(40) });
    await patch(3, { enterpriseId: null, sector: 'commerce', directLossWan: 7 });
    await patch(4, { missing: 0, deaths: 1, seriousInjuries: 11 });
    await patch(5, { deaths: 4 }, 400); // after the 补报 window: refused, rollup unchanged
    await patch(0, { occurredAt: daysAgo(35) });
    const stored = await expectRollupMatchesRegistry();
    expect(stored.every((r) => r.accidents > 0)).toBe(true);
  });

  it('answers every grouping exactly as the registry would', async () => {
    const me = (await w.officer.get('/api/me')).json().user;
    const actor = { scopeKind: 'area', areaPrefix: me.areaCode, sectors: [] } as unknown as Actor;
    const window = { from: 202001, to: 210012 };
    const byKey = (rows: { key: string }[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
    for (const group of ['year', 'month', 'area', 'sector', 'type', 'cause', 'category', 'level'] as const) {
      expect(rollupSlice(actor, {}, group, me.areaCode.length), group).not.toBeNull();
      const viaRollup = await aggregateRegistry(w.t.database.db, actor, group, window, {}, me.areaCode.length);
      const viaRegistry = await registryQuery(w.t.database.db, actor, group, window, {}, me.areaCode.length);
      expect(byKey(viaRollup), group).toEqual(byKey(viaRegistry));
    }
  });

  it('can be rebuilt from the registry', async () => {
    const n = await rebuildRollup(w.t.database.db);
    expect(n).toBeGreaterThan(0);
    await expectRollupMatchesRegistry();
  });
});
