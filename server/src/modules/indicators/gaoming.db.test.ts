// Gaoming (明府办〔2016〕122号) through the API: the derived statements and discrepancies of the
// reference, and — after the seed loads Tables 1 and 4 for 佛山市高明区 — the same figures recomputed
// from the database: 2011–2015 total 2,230, Table 4's rates, and the 2020 targets 0.0656 / 0.855 / 4.356
// derived from the stored 2015 rates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildOrg, buildUser } from '../../seed/factories';
import { seedGaoming } from '../../seed/gaoming';
import { TABLE_4 } from '../../reference/indicators/gaoming-data';

let t: TestApp;
let gaoming: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedGaoming(db);
  await seedGaoming(db); // idempotent
  const area = (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, '440608') }))!;
  const u = await buildUser(db, { role: 'district_officer', org: await buildOrg(db, { area }) });
  gaoming = await loginAs(t.app, u.username, u.password);
});
afterAll(() => t.close());

const byId = (rates: { indicator: string }[], id: string) => rates.find((r) => r.indicator === id) as Record<string, unknown>;

describe('GET /api/indicators/gaoming', () => {
  it('reproduces the derived statements and lists the six discrepancies', async () => {
    const r = (await gaoming.get('/api/indicators/gaoming')).json();
    expect(r.derived.accidents2011to2015).toBe(2230);
    expect(r.derived.averageGdpRate2011to2015).toBe(0.1054);
    expect(r.derived.targets2020).toEqual({
      deaths_per_100m_gdp: 0.0656,
      deaths_per_100k_workers: 0.855,
      road_deaths_per_10k_vehicles: 4.356,
    });
    expect(r.discrepancies.map((d: { id: string }) => d.id)).toEqual([
      'accidents_2010',
      'accident_drop_2010_2015',
      'road_share_95',
      'counts_fall_every_year',
      'vehicle_fleet_rose',
      'worker_rate_2011',
    ]);
    expect(r.table1).toHaveLength(6);
  });
});

describe('the seeded Gaoming data', () => {
  it('adds up to 2,230 accidents in 2011–2015 in the analysis', async () => {
    const r = (await gaoming.get('/api/accidents/analysis?groupBy=year&from=2011-01-01&to=2015-12-31&areaCode=440608')).json();
    expect(r.total.accidents).toBe(2230);
    expect(r.items.map((i: { key: string; accidents: number }) => [i.key, i.accidents])).toEqual([
      ['2011', 424],
      ['2012', 455],
      ['2013', 477],
      ['2014', 468],
      ['2015', 406],
    ]);
    // 2011 against 2010 (455): −6.8 %.
    expect(r.items[0].accidentsChangePercent).toBe(-6.8);
  });

  it('recomputes every Table 4 rate from the stored deaths and base data, within the 市指标', async () => {
    for (const row of TABLE_4) {
      const r = (await gaoming.get(`/api/indicators?areaCode=440608&year=${row.year}`)).json();
      expect(byId(r.rates, 'deaths_per_100m_gdp'), `${row.year}`).toMatchObject({
        actual: row.deathsPer100mGdp.actual,
        target: row.deathsPer100mGdp.cityTarget,
        status: 'met',
      });
      expect(byId(r.rates, 'road_deaths_per_10k_vehicles')).toMatchObject({ actual: row.roadDeathsPer10kVehicles.actual, status: 'met' });
      expect(byId(r.rates, 'deaths_per_100k_workers')).toMatchObject({ actual: row.deathsPer100kWorkers.actual, status: 'met' });
    }
  });

  it('derives the 2020 targets from the stored 2015 rates (表8)', async () => {
    const r = (await gaoming.get('/api/indicators?areaCode=440608&year=2020')).json();
    expect(r.rates.map((x: { indicator: string; target: number }) => [x.indicator, x.target])).toEqual([
      ['deaths_per_100m_gdp', 0.0656],
      ['road_deaths_per_10k_vehicles', 4.356],
      ['deaths_per_100k_workers', 0.855],
    ]);
  });
});
