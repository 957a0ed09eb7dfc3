// The per-dimension rollup (accident_dimension_rollup, kept by a trigger) against the registry: after random
// inserts, edits that move an accident's area, month, sector, category, type, cause, level and figures, and deletes,
// the stored rows equal what the rebuild function computes, and every grouping for every kind of caller (province,
// district, street, sector scopes; area, sector and category filters) answered from the rollup equals the plain
// aggregation of the registry. Months are China months, so accidents near midnight at a month's edge are generated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { accidentDimensionRollup, accidents } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type Database } from '../../platform/db';
import { buildCommunity, buildDistrict, buildStreet } from '../../seed/factories';
import { openTestDatabase } from '../../../test/db';
import { aggregateRegistry, registryQuery, rollupSlice, type AggFilter, type GroupKey } from './analysis.queries';

const GROUPS: GroupKey[] = ['year', 'month', 'area', 'sector', 'type', 'cause', 'category', 'level'];
const SECTORS = ['machinery', 'construction', 'commerce'] as const;
const CATEGORIES = ['industry_mining_commerce', 'road_traffic', 'fire'] as const;
const TYPES = [
  ['GB6441-1986', '01'],
  ['GB6441-2025', 'P03'],
] as const;

let d: Database;
let areaCodes: string[];
let callers: { name: string; actor: Actor | null; f: AggFilter }[];

const actorOf = (scopeKind: 'area' | 'sector', areaPrefix: string, sectors: string[] = []): Actor => ({
  id: '00000000-0000-4000-8000-000000000002',
  username: 'probe',
  displayName: 'probe',
  role: scopeKind === 'area' ? 'district_officer' : 'industry_officer',
  orgId: null,
  orgName: null,
  areaCode: areaPrefix,
  areaPrefix,
  sectors,
  parkId: null,
  enterpriseId: null,
  scopeKind,
  mustChangePassword: false,
});

beforeAll(async () => {
  d = await openTestDatabase();
  const district = await buildDistrict(d.db);
  const other = await buildDistrict(d.db);
  const streetA = await buildStreet(d.db, { district });
  const streetB = await buildStreet(d.db, { district });
  const streetC = await buildStreet(d.db, { district: other });
  const communityA = await buildCommunity(d.db, { street: streetA });
  const communityB = await buildCommunity(d.db, { street: streetB });
  areaCodes = [district.code, streetA.code, streetB.code, streetC.code, communityA.code, communityB.code];
  const province = district.prefix.slice(0, 2);
  callers = [
    { name: 'province', actor: actorOf('area', province), f: {} },
    { name: 'district', actor: actorOf('area', district.prefix), f: {} },
    { name: 'street', actor: actorOf('area', streetA.prefix), f: {} },
    { name: 'street, filter on its district', actor: actorOf('area', streetA.prefix), f: { areaPrefix: district.prefix } },
    { name: 'district sector scope', actor: actorOf('sector', district.prefix, ['construction', 'commerce']), f: {} },
    { name: 'province sector scope', actor: actorOf('sector', province, ['machinery']), f: { category: 'fire' } },
    { name: 'district, category', actor: actorOf('area', district.prefix), f: { category: 'road_traffic' } },
    { name: 'district, sector', actor: actorOf('area', district.prefix), f: { sector: 'machinery' } },
    { name: 'district, street filter', actor: actorOf('area', district.prefix), f: { areaPrefix: streetB.prefix } },
    { name: 'district, other district', actor: actorOf('area', district.prefix), f: { areaPrefix: other.prefix } },
    { name: 'sector scope, other sector', actor: actorOf('sector', district.prefix, ['construction']), f: { sector: 'commerce' } },
    { name: 'no actor, categories', actor: null, f: { areaPrefix: district.prefix, categories: ['fire', 'road_traffic'] } },
    { name: 'no actor, province', actor: null, f: { areaPrefix: province } },
  ];
});
afterAll(() => d.close());

/** A China-time instant in 2024–2026, often within the first or last hour of a month. */
const instantArb = fc
  .record({
    year: fc.integer({ min: 2024, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    edge: fc.constantFrom('first', 'last', 'middle'),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ year, month, edge, minute }) => {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const [day, hour] = edge === 'first' ? [1, 0] : edge === 'last' ? [lastDay, 23] : [15, 12];
    return new Date(Date.UTC(year, month - 1, day, hour - 8, minute)); // CST = UTC+8
  });

const fieldsArb = fc.record({
  areaIndex: fc.nat(),
  sector: fc.option(fc.constantFrom(...SECTORS)),
  category: fc.constantFrom(...CATEGORIES),
  type: fc.constantFrom(...TYPES),
  causeCategory: fc.constantFrom('unsafe_act', 'management'),
  level: fc.constantFrom('general', 'larger'),
  occurredAt: instantArb,
  deaths: fc.integer({ min: 0, max: 3 }),
  missing: fc.integer({ min: 0, max: 1 }),
  seriousInjuries: fc.integer({ min: 0, max: 2 }),
  lossTenThousandths: fc.integer({ min: 0, max: 2_000_000 }),
});
type Fields = typeof fieldsArb extends fc.Arbitrary<infer T> ? T : never;

const columnsOf = (x: Fields) => ({
  areaCode: areaCodes[x.areaIndex % areaCodes.length]!,
  sector: x.sector,
  category: x.category,
  typeScheme: x.type[0],
  typeCode: x.type[1],
  causeCategory: x.causeCategory,
  level: x.level,
  occurredAt: x.occurredAt,
  deaths: x.deaths,
  missing: x.missing,
  seriousInjuries: x.seriousInjuries,
  directLossWan: x.lossTenThousandths / 10_000,
});

const opArb = fc.record({
  target: fc.nat(),
  kind: fc.constantFrom('update', 'update', 'delete'),
  fields: fieldsArb,
  keep: fc.subarray(['area', 'sector', 'category', 'type', 'cause', 'level', 'month', 'figures'] as const),
});

const windowArb = fc.tuple(fc.integer({ min: 0, max: 38 }), fc.integer({ min: 0, max: 38 })).map(([a, b]) => {
  const ym = (i: number) => (2023 + Math.floor((i + 10) / 12)) * 100 + ((i + 10) % 12) + 1; // 2023-11 … 2026-12
  return { from: ym(Math.min(a, b)), to: ym(Math.max(a, b)) };
});

const keyOf = (r: typeof accidentDimensionRollup.$inferSelect) =>
  [r.areaLen, r.areaCode, r.dim, r.sectorKey, r.categoryKey, r.ym, r.value].join('|');
const stored = async () =>
  (await d.db.select().from(accidentDimensionRollup))
    .map((r) => ({ ...r, directLossWan: Number(r.directLossWan) }))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
const byKey = (rows: { key: string }[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

describe('per-dimension accident rollup', () => {
  it('equals the rebuild and the registry for every grouping and caller after random writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fieldsArb, { minLength: 1, maxLength: 14 }),
        fc.array(opArb, { maxLength: 8 }),
        windowArb,
        async (initial, ops, window) => {
          await d.db.delete(accidents);
          expect(await stored()).toEqual([]); // deletes take every contribution back out
          const ids = (
            await d.db
              .insert(accidents)
              .values(initial.map((x) => ({ ...columnsOf(x), address: '测试路1号' })))
              .returning({ id: accidents.id })
          ).map((r) => r.id);
          for (const op of ops) {
            const id = ids[op.target % ids.length];
            if (!id) continue;
            if (op.kind === 'delete') {
              await d.db.delete(accidents).where(eq(accidents.id, id));
              ids.splice(ids.indexOf(id), 1);
              continue;
            }
            const next = columnsOf(op.fields);
            const [cur] = await d.db.select().from(accidents).where(eq(accidents.id, id));
            const keep = new Set(op.keep);
            await d.db
              .update(accidents)
              .set({
                areaCode: keep.has('area') ? cur!.areaCode : next.areaCode,
                sector: keep.has('sector') ? cur!.sector : next.sector,
                category: keep.has('category') ? cur!.category : next.category,
                typeScheme: keep.has('type') ? cur!.typeScheme : next.typeScheme,
                typeCode: keep.has('type') ? cur!.typeCode : next.typeCode,
                causeCategory: keep.has('cause') ? cur!.causeCategory : next.causeCategory,
                level: keep.has('level') ? cur!.level : next.level,
                occurredAt: keep.has('month') ? cur!.occurredAt : next.occurredAt,
                ...(keep.has('figures')
                  ? {}
                  : {
                      deaths: next.deaths,
                      missing: next.missing,
                      seriousInjuries: next.seriousInjuries,
                      directLossWan: next.directLossWan,
                    }),
                description: 'edited', // a write that changes nothing counted leaves the rollup as it is
              })
              .where(eq(accidents.id, id));
          }
          const kept = await stored();
          expect(kept.every((r) => r.accidents > 0)).toBe(true);
          await d.db.execute(sql`select accident_dimension_rollup_rebuild()`);
          expect(kept).toEqual(await stored());

          for (const c of callers) {
            const rootLength = (c.f.areaPrefix ?? c.actor?.areaPrefix ?? '').length;
            for (const group of GROUPS) {
              // Only a street's breakdown by community is finer than the rollup: the registry answers it.
              const finer = group === 'area' && rootLength >= 9;
              expect(rollupSlice(c.actor, c.f, group, rootLength) === null, `${c.name} by ${group}`).toBe(finer);
              const viaRollup = await aggregateRegistry(d.db, c.actor, group, window, c.f, rootLength);
              const viaRegistry = await registryQuery(d.db, c.actor, group, window, c.f, rootLength);
              expect(byKey(viaRollup), `${c.name} by ${group}`).toEqual(byKey(viaRegistry));
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps a street caller to its street', async () => {
    const [street, otherStreet] = [areaCodes[1]!, areaCodes[2]!];
    await d.db.delete(accidents);
    await d.db.insert(accidents).values(
      [street, otherStreet, otherStreet].map((areaCode) => ({
        ...columnsOf({
          areaIndex: 0,
          sector: 'machinery',
          category: 'fire',
          type: TYPES[0],
          causeCategory: 'unsafe_act',
          level: 'general',
          occurredAt: new Date('2026-03-10T04:00:00Z'),
          deaths: 1,
          missing: 0,
          seriousInjuries: 0,
          lossTenThousandths: 0,
        }),
        areaCode,
        address: '测试路1号',
      })),
    );
    const actor = actorOf('area', street);
    const rows = await aggregateRegistry(d.db, actor, 'year', { from: 202601, to: 202612 }, {}, street.length);
    expect(rows).toEqual([{ key: '2026', accidents: 1, deaths: 1, seriousInjuries: 0, directLossWan: 0 }]);
    const [n] = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from accident_dimension_rollup`));
    expect(n!.n).toBeGreaterThan(0);
  });
});
