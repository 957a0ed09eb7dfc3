// Source: 《佛山市高明区安全生产“十三五”规划》 (明府办〔2016〕122号), seeds/002_d534ceef41df3be6.txt:
// 一(一)1–3 (text), 表1 (accidents and deaths by category 2010–2015), 表4 (three rates with 市指标),
// 表8 (2020 targets). Figures below are read off the seed and summed by hand.
import { describe, expect, it } from 'vitest';
import { TABLE_1, TABLE_1_PRINTED_TOTAL, TABLE_4 } from './gaoming-data';
import { averageRate, checkPlan, discrepancies, impliedDenominators, sumTable1, targets2020 } from './gaoming';

describe('表1 transcription', () => {
  it('holds the six years as printed', () => {
    expect(TABLE_1.map((r) => [r.year, r.total.accidents, r.total.deaths])).toEqual([
      [2010, 455, 66],
      [2011, 424, 64],
      [2012, 455, 63],
      [2013, 477, 58],
      [2014, 468, 62],
      [2015, 406, 58],
    ]);
    expect(TABLE_1[0]).toMatchObject({
      industryMiningCommerce: { accidents: 3, deaths: 3 },
      roadTraffic: { accidents: 443, deaths: 62 },
      fire: { accidents: 9, deaths: 1 },
    });
    expect(TABLE_1[5]).toMatchObject({
      industryMiningCommerce: { accidents: 2, deaths: 2 },
      roadTraffic: { accidents: 393, deaths: 55 },
      fire: { accidents: 11, deaths: 1 },
    });
  });
  it('adds up to its printed 合计 row (2685 / 371; 14 / 14; 2617 / 355; 54 / 2)', () => {
    expect(sumTable1()).toEqual(TABLE_1_PRINTED_TOTAL);
  });
});

describe('the plan’s derived statements', () => {
  it('"十二五"期间各类事故总起数2230宗: 424 + 455 + 477 + 468 + 406', () => {
    expect(sumTable1(2011, 2015).total.accidents).toBe(2230);
  });
  it('年均亿元GDP死亡率 0.105: (0.123 + 0.116 + 0.104 + 0.102 + 0.082) ÷ 5 = 0.1054', () => {
    expect(averageRate('deaths_per_100m_gdp', 2011, 2015)).toBe(0.1054);
  });
  it('表8 2020 targets: 20 % / 10 % / 10 % below 2015 → 0.0656 / 0.855 / 4.356', () => {
    expect(targets2020()).toEqual({ deaths_per_100m_gdp: 0.0656, deaths_per_100k_workers: 0.855, road_deaths_per_10k_vehicles: 4.356 });
  });
  it('表4: every actual within its 市指标, as the text says', () => {
    for (const r of TABLE_4) {
      expect(r.deathsPer100mGdp.actual).toBeLessThanOrEqual(r.deathsPer100mGdp.cityTarget);
      expect(r.roadDeathsPer10kVehicles.actual).toBeLessThanOrEqual(r.roadDeathsPer10kVehicles.cityTarget);
      expect(r.deathsPer100kWorkers.actual).toBeLessThanOrEqual(r.deathsPer100kWorkers.cityTarget);
    }
  });
  it('implies a GDP of 440 亿元 in 2010 (66 deaths ÷ 0.15) and about 144,000 工矿商贸 workers (3 ÷ 2.08 × 10⁵)', () => {
    expect(impliedDenominators(2010).deaths_per_100m_gdp).toBe(440);
    expect(impliedDenominators(2010).deaths_per_100k_workers).toBeCloseTo(144_230.77, 2); // 3 × 10⁵ ÷ 2.08
  });
});

describe('checkPlan and discrepancies()', () => {
  const byId = (id: string) => checkPlan().find((c) => c.id === id);

  it('finds exactly these disagreements and implausibilities', () => {
    expect(discrepancies().map((c) => [c.id, c.verdict])).toEqual([
      ['accidents_2010', 'disagrees'],
      ['accident_drop_2010_2015', 'disagrees'],
      ['road_share_95', 'partly'],
      ['counts_fall_every_year', 'disagrees'],
      ['vehicle_fleet_rose', 'implausible'],
      ['worker_rate_2011', 'implausible'],
    ]);
  });
  it('446 accidents in 2010 in the text, 455 in 表1', () => {
    expect(byId('accidents_2010')).toMatchObject({ stated: 446, computed: 455 });
  });
  it('"下降9%" follows the text’s 446 (40 ÷ 446 = 8.97 %), not 表1 (49 ÷ 455 = 10.77 %)', () => {
    expect(byId('accident_drop_2010_2015')).toMatchObject({ stated: 9, computed: 10.77 });
  });
  it('"逐年下降" fails: accidents rise in 2012 (455) and 2013 (477), deaths in 2014 (62)', () => {
    expect(byId('counts_fall_every_year')?.explanation.en).toBe('Table 1 accidents rise in 2012 and 2013, deaths rise in 2014');
  });
  it('road traffic ≥ 95 % of deaths holds over six years (355 ÷ 371 = 95.69 %) but not in 2010 (62 ÷ 66) or 2015 (55 ÷ 58)', () => {
    expect(byId('road_share_95')).toMatchObject({ stated: 95, computed: 93.94 });
    expect(byId('road_share_95')?.explanation.en).toContain('2010 (93.94 %) and 2015 (94.83 %)');
  });
  it('implied vehicles fall from 126,531 to 113,636 while the text says the fleet rose sharply', () => {
    expect(Math.round(impliedDenominators(2010).road_deaths_per_10k_vehicles)).toBe(126_531); // 62 × 10⁴ ÷ 4.9
    expect(Math.round(impliedDenominators(2015).road_deaths_per_10k_vehicles)).toBe(113_636); // 55 × 10⁴ ÷ 4.84
  });
  it('confirms the statements that do agree', () => {
    for (const id of [
      'accidents_2011_2015',
      'drop_vs_11th_plan',
      'avg_gdp_rate_2011_2015',
      'death_drop_2010_2015',
      'gdp_rate_drop',
      'worker_rate_drop',
      'road_rate_drop',
      'gdp_rate_falls_every_year',
      'within_city_targets',
    ]) {
      expect(byId(id)?.verdict, id).toBe('agrees');
    }
    expect(byId('avg_gdp_rate_drop')).toMatchObject({ verdict: 'agrees_within_rounding', computed: 62.36 });
    expect(byId('gdp_growth')).toMatchObject({ verdict: 'agrees_within_rounding', computed: 60.75 });
    expect(
      checkPlan()
        .filter((c) => c.id.startsWith('table1_') || c.id.startsWith('target_2020_'))
        .every((c) => c.verdict === 'agrees'),
    ).toBe(true);
  });
  it('explains every check in both languages', () => {
    for (const c of checkPlan()) expect(c.explanation.zh.length * c.explanation.en.length, c.id).toBeGreaterThan(0);
  });
});
