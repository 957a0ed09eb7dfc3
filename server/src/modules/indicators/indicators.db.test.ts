// The three rates through the API against figures worked by hand (docs/rules.md §12): numerators from the
// registry plus imported statistics, deaths including the missing; targets absolute or as a reduction;
// the pacing forecast with prior-year seasonality (reference/indicators/forecast.ts) and its alarm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cstDate } from '../../platform/time';
import { accidentBody, buildWorld, type World } from '../accidents/test-world';

let w: World;
const thisYear = Number(cstDate(new Date()).slice(0, 4));
const thisMonth = Number(cstDate(new Date()).slice(5, 7));
const last = thisYear - 1;

beforeAll(async () => {
  w = await buildWorld();
  const d = w.district.code;
  // Last year in the registry: two 工矿商贸 accidents, 1 death and 2 deaths + 1 missing → 4 (含失踪).
  for (const o of [
    { occurredAt: `${last}-03-10T10:00:00+08:00`, deaths: 1 },
    { occurredAt: `${last}-08-02T15:00:00+08:00`, deaths: 2, missing: 1 },
  ]) {
    const res = await w.officer.post('/api/accidents', accidentBody(w.streetA.code, { ...o, typeScheme: 'GB6441-1986', typeCode: '03' }));
    expect(res.statusCode, res.body).toBe(201);
  }
  const stat = (year: number, month: number, category: string, accidents: number, deaths: number) => ({
    areaCode: d,
    year,
    month,
    category,
    accidents,
    deaths,
    source: '区交警大队',
  });
  const imported = await w.officer.post('/api/accident-statistics/import', {
    rows: [
      stat(last, 1, 'road_traffic', 10, 3),
      stat(last, 6, 'road_traffic', 12, 5),
      stat(last, 12, 'road_traffic', 8, 2),
      stat(last, 2, 'fire', 4, 1),
      stat(thisYear, 1, 'road_traffic', 6, 2),
    ],
  });
  expect(imported.json()).toEqual({ inserted: 5, updated: 0 });
  for (const [year, body] of [
    [last, { gdpYi: 500, motorVehicles: 200_000, imcWorkers: 100_000, source: '区统计局' }],
    [thisYear, { gdpYi: 520, motorVehicles: 250_000, imcWorkers: 100_000 }],
  ] as const) {
    expect((await w.officer.request({ method: 'PUT', url: `/api/indicators/base/${d}/${year}`, payload: body })).statusCode).toBe(200);
  }
  const target = (year: number, indicator: string, body: Record<string, unknown>) =>
    w.officer.request({ method: 'PUT', url: `/api/indicators/targets/${d}/${year}/${indicator}`, payload: body });
  expect((await target(last, 'deaths_per_100m_gdp', { kind: 'absolute', value: 0.03 })).statusCode).toBe(200);
  expect(
    (await target(last, 'road_deaths_per_10k_vehicles', { kind: 'reduction', baseYear: last - 1, baseValue: 0.5, reductionPercent: 10 }))
      .statusCode,
  ).toBe(200);
  expect((await target(last, 'deaths_per_100k_workers', { kind: 'absolute', value: 3 })).statusCode).toBe(200);
  expect((await target(thisYear, 'road_deaths_per_10k_vehicles', { kind: 'absolute', value: 0.09 })).statusCode).toBe(200);
});
afterAll(() => w.t.close());

const rate = (report: { rates: { indicator: string }[] }, id: string) =>
  report.rates.find((r) => r.indicator === id) as Record<string, unknown>;

describe('rates of a finished year', () => {
  it('match the hand-computed figures: 15 ÷ 500 亿元, 10 ÷ 200,000 vehicles, 4 ÷ 100,000 workers', async () => {
    const res = await w.leader.get(`/api/indicators?areaCode=${w.district.code}&year=${last}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.monthsElapsed).toBe(12);
    // All deaths: registry 1 + 3 (含失踪), road 3 + 5 + 2, fire 1 = 15 → 15 ÷ 500 = 0.03, at the ceiling: met.
    expect(rate(r, 'deaths_per_100m_gdp')).toMatchObject({ deaths: 15, actual: 0.03, target: 0.03, status: 'met', alarm: false });
    // Road: 10 ÷ 200,000 × 10⁴ = 0.5 against 0.5 × (1 − 10 %) = 0.45.
    expect(rate(r, 'road_deaths_per_10k_vehicles')).toMatchObject({ deaths: 10, actual: 0.5, target: 0.45, status: 'missed', alarm: true });
    // 工矿商贸: 4 ÷ 100,000 × 10⁵ = 4 against 3.
    expect(rate(r, 'deaths_per_100k_workers')).toMatchObject({ deaths: 4, actual: 4, target: 3, status: 'missed' });
    expect(r.monthlyDeaths[0]).toBe(3);
    expect(r.monthlyDeaths[7]).toBe(3);
  });
});

describe('pacing forecast of the current year', () => {
  it('divides the year to date by the share last year had reached by this month, and alarms', async () => {
    const r = (await w.officer.get(`/api/indicators?areaCode=${w.district.code}&year=${thisYear}`)).json();
    // Last year's road deaths: 3 in January, 5 in June, 2 in December (10 in all).
    const share = thisMonth < 6 ? 0.3 : thisMonth < 12 ? 0.8 : 1;
    const road = rate(r, 'road_deaths_per_10k_vehicles') as {
      deaths: number;
      forecast: Record<string, number>;
      alarm: boolean;
      status: null;
    };
    expect(road.deaths).toBe(2);
    expect(road.status).toBeNull();
    expect(road.forecast).toMatchObject({ method: 'seasonal', monthsElapsed: thisMonth, shareReached: share });
    expect(road.forecast.forecastDeaths).toBeCloseTo(2 / share, 2);
    expect(road.forecast.forecastRate).toBeCloseTo((2 / share / 250_000) * 10_000, 4);
    expect(road.alarm).toBe(road.forecast.forecastRate! > 0.09);
    expect(rate(r, 'deaths_per_100m_gdp').notes).toEqual([{ zh: '未设定控制目标', en: 'No target set' }]);
  });
});

describe('imports and access', () => {
  it('refuses 工矿商贸 statistics for a period the registry covers, and unknown areas', async () => {
    const row = {
      areaCode: w.district.code,
      year: last,
      month: 3,
      category: 'industry_mining_commerce',
      accidents: 1,
      deaths: 1,
      source: '某部门',
    };
    const res = await w.officer.post('/api/accident-statistics/import', {
      rows: [row, { ...row, month: 4 }, { ...row, areaCode: '990000999', category: 'fire' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['rows.0.category', 'rows.2.areaCode']);
  });
  it('imports base data in bulk and reports inserts and updates', async () => {
    const rows = [
      { areaCode: w.district.code, year: last, gdpYi: 510 },
      { areaCode: w.district.code, year: last - 1, gdpYi: 480 },
    ];
    expect((await w.officer.post('/api/indicators/base/import', { rows })).json()).toEqual({ inserted: 1, updated: 1 });
  });
  it('keeps indicators of other areas out of reach', async () => {
    expect((await w.streetOfficerA.get(`/api/indicators?areaCode=${w.district.code}&year=${last}`)).statusCode).toBe(404);
    expect((await w.streetOfficerA.get(`/api/indicators?areaCode=${w.streetA.code}&year=${last}`)).statusCode).toBe(200);
    expect(
      (await w.leader.request({ method: 'PUT', url: `/api/indicators/base/${w.district.code}/${last}`, payload: { gdpYi: 1 } })).statusCode,
    ).toBe(403);
  });
});
