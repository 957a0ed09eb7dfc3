import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { sectors } from '@anjian/contracts';
import { enterprises } from '../db/schema';
import type { Database } from '../platform/db';
import { checkCreditCode } from '../reference/credit-code';
import { openTestDatabase } from '../../test/db';
import { buildCommunity, buildPark, buildStreet } from './factories';
import { seedEnterprises } from './enterprises';

const dbs: Database[] = [];
async function seeded(count: number, seed: number) {
  const d = await openTestDatabase();
  dbs.push(d);
  // The same area codes in every database, so the same seed must give the same rows.
  const street = await buildStreet(d.db);
  await buildCommunity(d.db, { street });
  await buildCommunity(d.db, { street });
  await buildPark(d.db, { street, name: '生成测试园区' });
  await seedEnterprises(d.db, { count, seed, batchSize: 120 });
  return d.db.select().from(enterprises).orderBy(asc(enterprises.creditCode));
}

let rows: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => {
  rows = await seeded(500, 7);
});
afterAll(async () => {
  for (const d of dbs) await d.close();
});

describe('scale seed', () => {
  it('inserts the requested number of units with valid, unique GB 32100 credit codes', () => {
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((r) => r.creditCode)).size).toBe(500);
    expect(rows.every((r) => checkCreditCode(r.creditCode).ok)).toBe(true);
    expect(rows.filter((r) => r.unitType === 'individual').every((r) => r.creditCode.startsWith('92'))).toBe(true);
  });

  it('produces plausible values: known sectors, coordinates in 龙岗区, about 5% key units', () => {
    expect(rows.every((r) => (sectors as readonly string[]).includes(r.sector))).toBe(true);
    expect(rows.every((r) => r.longitude! >= 114.05 && r.longitude! <= 114.4 && r.latitude! >= 22.55 && r.latitude! <= 22.8)).toBe(true);
    expect(rows.every((r) => /(有限公司|店|厅|商行|厂|中心)$/.test(r.name))).toBe(true);
    const key = rows.filter((r) => r.isKey).length / rows.length;
    expect(key).toBeGreaterThan(0.02);
    expect(key).toBeLessThan(0.1);
    expect(rows.some((r) => r.parkId)).toBe(true);
  });

  it('is deterministic: the same seed over the same areas gives the same rows', async () => {
    const again = await seeded(500, 7);
    const pick = (r: (typeof rows)[number]) => [r.id, r.name, r.creditCode, r.areaCode, r.longitude, r.hazardTags, r.employees];
    // Area codes of a fresh test district differ run to run only in its random district digits.
    expect(again.map((r) => pick(r).slice(0, 3))).toEqual(rows.map((r) => pick(r).slice(0, 3)));
  });
});
