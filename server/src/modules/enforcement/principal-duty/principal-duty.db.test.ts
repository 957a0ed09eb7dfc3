// Frequency compliance of 企业主要负责人履责专项执法检查 on a real database: inspections count for the level of the
// organisation that did them (street office → monthly, district bureau → quarterly), only when flagged and done, only
// in the caller's jurisdiction; uncovered enterprises are listed per period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../platform/db';
import { cstDate } from '../../../platform/time';
import { periodOf } from '../../../reference/enforcement/principal-duty';
import { buildEnforcementWorld, type EnforcementWorld } from '../enforcement.fixtures';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());

async function inspect(who: typeof w.officer, enterpriseId: string, principalDuty: boolean, record = true) {
  const insp = await who.post('/api/inspections', { enterpriseId, kind: 'planned', plannedOn: cstDate(), principalDuty });
  expect(insp.statusCode, insp.body).toBe(201);
  expect(insp.json().principalDuty).toBe(principalDuty);
  if (record) {
    const rec = await who.post(`/api/inspections/${insp.json().id}/record`, { version: 1, summary: '主要负责人履职情况检查' });
    expect(rec.statusCode, rec.body).toBe(200);
  }
}

describe('principal-duty inspection frequency', () => {
  it('counts per level and period over the jurisdiction and lists the enterprises not yet inspected', async () => {
    const [a0, a1] = w.enterprisesA;
    await inspect(w.officer, a0!.id, true); // district bureau: this quarter
    await inspect(w.streetOfficerA, a0!.id, true); // street office: this month
    await inspect(w.streetOfficerA, a1!.id, false); // an ordinary inspection does not count
    await inspect(w.streetOfficerA, a1!.id, true, false); // planned, not done: does not count
    const year = Number(cstDate().slice(0, 4));
    const get = async (who: typeof w.officer, qs: string) => {
      const res = await who.get(`/api/enforcement/principal-duty?year=${year}${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    const district = await get(w.officer, '');
    const quarter = periodOf('district', cstDate());
    expect(district).toMatchObject({ level: 'district', ownLevel: 'district', enterprises: 4, periodsBegun: quarter });
    expect(district.periods).toHaveLength(4);
    expect(district.periods[quarter - 1]).toMatchObject({ covered: 1, rate: 0.25, begun: true });
    expect(district.uncovered).toMatchObject({ period: quarter, total: 3 });
    expect(district.uncovered.items.map((e: { id: string }) => e.id)).not.toContain(a0!.id);
    expect(district.uncovered.items).toHaveLength(3);

    const streetsSeenByDistrict = await get(w.officer, '&level=street');
    const month = periodOf('street', cstDate());
    expect(streetsSeenByDistrict.periods).toHaveLength(12);
    expect(streetsSeenByDistrict.periods[month - 1].covered).toBe(1);

    const streetA = await get(w.streetOfficerA, '');
    expect(streetA).toMatchObject({ level: 'street', ownLevel: 'street', enterprises: 2, uncovered: { period: month, total: 1 } });
    expect(streetA.uncovered.items).toEqual([expect.objectContaining({ id: a1!.id, lastInspectedOn: null })]);
    // The area is named for people to read, beside its code.
    const [area] = rowsOf<{ name: string }>(await w.t.database.db.execute(sql`select name from areas where code = ${a1!.areaCode}`));
    expect(streetA.uncovered.items[0]).toMatchObject({ areaCode: a1!.areaCode, areaName: area!.name });
    const paged = await get(w.officer, '&pageSize=2&page=2');
    expect(paged.uncovered.items).toHaveLength(1);

    const streetB = await get(w.streetOfficerB, '');
    expect(streetB).toMatchObject({ enterprises: 2, uncovered: { total: 2 } });
    expect(streetB.periods.every((p: { covered: number }) => p.covered === 0)).toBe(true);

    expect((await w.officer.get(`/api/enforcement/principal-duty?year=${year}&level=city&period=3`)).statusCode).toBe(400);
    expect((await w.entA.get(`/api/enforcement/principal-duty?year=${year}`)).statusCode).toBe(403);
  }, 30_000);
});
