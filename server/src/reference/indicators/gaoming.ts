// Reproduces the derived statements of Gaoming's 13th Five-Year work-safety plan from its own
// tables, and lists where the plan's text and tables disagree. A worked example of the indicator
// functions on real published figures, and a caution: local plans are not always self-consistent,
// so an import of such figures should be checked, not trusted.
import type { Label } from '../accidents/label';
import type { CategoryCount, Table1Row, Table4Row } from './gaoming-data';
import { STATED, STATED_CLAIMS, TABLE_1, TABLE_1_PRINTED_TOTAL, TABLE_4, TABLE_8 } from './gaoming-data';
import type { RateId } from './rates';
import { clean, impliedDenominator, roundTo } from './rates';
import { reducedValue, reductionPercent } from './targets';

type Group = Exclude<keyof Table1Row, 'year'>;
const GROUPS: readonly Group[] = ['total', 'industryMiningCommerce', 'roadTraffic', 'fire'];
const RATE_COLUMN: Record<RateId, Exclude<keyof Table4Row, 'year'>> = {
  deaths_per_100m_gdp: 'deathsPer100mGdp',
  road_deaths_per_10k_vehicles: 'roadDeathsPer10kVehicles',
  deaths_per_100k_workers: 'deathsPer100kWorkers',
};

function table1Row(year: number): Table1Row {
  const found = TABLE_1.find((r) => r.year === year);
  if (!found) throw new RangeError(`Table 1 has no year ${year}`);
  return found;
}

function table4Row(year: number): Table4Row {
  const found = TABLE_4.find((r) => r.year === year);
  if (!found) throw new RangeError(`Table 4 has no year ${year}`);
  return found;
}

/** Column sums of Table 1 over the inclusive year range. */
export function sumTable1(from = 2010, to = 2015): Record<Group, CategoryCount> {
  const rows = TABLE_1.filter((r) => r.year >= from && r.year <= to);
  const add = (g: Group, k: keyof CategoryCount) => rows.reduce((s, r) => s + r[g][k], 0);
  return Object.fromEntries(GROUPS.map((g) => [g, { accidents: add(g, 'accidents'), deaths: add(g, 'deaths') }])) as Record<
    Group,
    CategoryCount
  >;
}

/** "五年相加的平均数": the plain mean of the yearly rates, as the plan defines it. */
export function averageRate(rate: RateId, from: number, to: number): number {
  const rows = TABLE_4.filter((r) => r.year >= from && r.year <= to);
  return clean(rows.reduce((s, r) => s + r[RATE_COLUMN[rate]].actual, 0) / rows.length);
}

/** The 2020 targets of 表8 from Table 4's 2015 actuals and the stated reductions (20 %, 10 %, 10 %). */
export function targets2020(): Record<RateId, number> {
  const base = table4Row(2015);
  const result = {} as Record<RateId, number>;
  for (const t of TABLE_8) result[t.indicator] = reducedValue(base[RATE_COLUMN[t.indicator]].actual, t.reductionPercent);
  return result;
}

/**
 * Denominators implied by Table 1 deaths and Table 4 rates (GDP 亿元, vehicles, workers). The GDP
 * rate's numerator is taken as all deaths (the 各类事故 column), as its national definition counts
 * every 生产安全事故 death; the other two use their own category's deaths.
 */
export function impliedDenominators(year: number): Record<RateId, number> {
  const t1 = table1Row(year);
  const t4 = table4Row(year);
  return {
    deaths_per_100m_gdp: impliedDenominator('deaths_per_100m_gdp', t1.total.deaths, t4.deathsPer100mGdp.actual),
    road_deaths_per_10k_vehicles: impliedDenominator(
      'road_deaths_per_10k_vehicles',
      t1.roadTraffic.deaths,
      t4.roadDeathsPer10kVehicles.actual,
    ),
    deaths_per_100k_workers: impliedDenominator(
      'deaths_per_100k_workers',
      t1.industryMiningCommerce.deaths,
      t4.deathsPer100kWorkers.actual,
    ),
  };
}

/**
 * agrees: equal at the precision the plan prints; agrees_within_rounding: only once the rounding of
 * printed inputs is allowed for; partly: true in total but not in every year; disagrees: the plan
 * contradicts its own table; implausible: not a contradiction, but what the figures imply conflicts
 * with the text; unverifiable: the tables hold nothing to check it against.
 */
export type Verdict = 'agrees' | 'agrees_within_rounding' | 'partly' | 'disagrees' | 'implausible' | 'unverifiable';

export interface PlanCheck {
  id: string;
  quote: string;
  where: Label;
  stated: number | boolean;
  computed: number | boolean;
  verdict: Verdict;
  explanation: Label;
}

const decimalsOf = (x: number): number => (String(x).split('.')[1] ?? '').length;
const pct = (x: number) => roundTo(x, 2);
const table1Where: Label = { zh: '表1', en: 'Table 1' };
const table8Where: Label = { zh: '表8', en: 'Table 8' };

function figureCheck(id: string, src: { value: number; quote: string; where: Label }, computed: number, explanation: Label): PlanCheck {
  const agrees = roundTo(computed, decimalsOf(src.value)) === src.value;
  return { id, quote: src.quote, where: src.where, stated: src.value, computed, verdict: agrees ? 'agrees' : 'disagrees', explanation };
}

/** Years whose total (accidents or deaths) is above the year before: where "逐年下降" fails. */
function yearsRising(key: keyof CategoryCount): number[] {
  return TABLE_1.slice(1)
    .filter((r, i) => r.total[key] > (TABLE_1[i] as Table1Row).total[key])
    .map((r) => r.year);
}

/** Every figure and claim in 一(一)1–3 and 表8, checked against Tables 1 and 4. */
export function checkPlan(): PlanCheck[] {
  const checks: PlanCheck[] = [];
  const all = sumTable1();
  for (const g of GROUPS) {
    for (const k of ['accidents', 'deaths'] as const) {
      const stated = TABLE_1_PRINTED_TOTAL[g][k];
      checks.push({
        id: `table1_total_${g}_${k}`,
        quote: `合计 ${stated}`,
        where: table1Where,
        stated,
        computed: all[g][k],
        verdict: stated === all[g][k] ? 'agrees' : 'disagrees',
        explanation: { zh: '合计行与逐年之和比较', en: 'Printed total row against the sum of the years' },
      });
    }
  }
  for (const r of TABLE_1) {
    for (const k of ['accidents', 'deaths'] as const) {
      const parts = r.industryMiningCommerce[k] + r.roadTraffic[k] + r.fire[k];
      checks.push({
        id: `table1_${r.year}_${k}_categories`,
        quote: `${r.year} 各类事故 ${r.total[k]}`,
        where: table1Where,
        stated: r.total[k],
        computed: parts,
        verdict: parts === r.total[k] ? 'agrees' : 'disagrees',
        explanation: { zh: '工矿商贸、道路交通、火灾三类之和', en: 'Sum of the three categories' },
      });
    }
  }
  const t2010 = table1Row(2010).total;
  const t2015 = table1Row(2015).total;
  const d1115 = sumTable1(2011, 2015).total.accidents;
  checks.push(
    figureCheck('accidents_2011_2015', STATED.accidents2011to2015, d1115, { zh: '表1 2011–2015年起数之和', en: 'Table 1, 2011–2015 sum' }),
    figureCheck('drop_vs_11th_plan', STATED.accidentDropVs11thPlanPercent, pct(reductionPercent(STATED.accidents2006to2010.value, d1115)), {
      zh: '以3514宗（表外数据）为基数',
      en: 'Against the 3,514 accidents of 2006–2010 (not in the tables)',
    }),
    figureCheck('avg_gdp_rate_2011_2015', STATED.avgGdpRate2011to2015, averageRate('deaths_per_100m_gdp', 2011, 2015), {
      zh: '表4 2011–2015年实际数的平均（0.1054）',
      en: 'Mean of Table 4 actuals 2011–2015 (0.1054)',
    }),
  );
  // The plan rounds the average to 0.105 before taking the percentage; both readings are checked.
  const exactAvgDrop = pct(reductionPercent(STATED.avgGdpRate2006to2010.value, averageRate('deaths_per_100m_gdp', 2011, 2015)));
  const roundedAvgDrop = pct(reductionPercent(STATED.avgGdpRate2006to2010.value, STATED.avgGdpRate2011to2015.value));
  const avgDrop = figureCheck('avg_gdp_rate_drop', STATED.avgGdpRateDropPercent, exactAvgDrop, {
    zh: `用未取整的平均数得${exactAvgDrop}%；用取整后的0.105得${roundedAvgDrop}%`,
    en: `The unrounded mean gives ${exactAvgDrop} %; the rounded 0.105 gives ${roundedAvgDrop} %`,
  });
  if (avgDrop.verdict === 'disagrees' && roundedAvgDrop === STATED.avgGdpRateDropPercent.value) avgDrop.verdict = 'agrees_within_rounding';
  checks.push(avgDrop);
  checks.push(
    figureCheck('accidents_2010', STATED.accidents2010, t2010.accidents, {
      zh: '正文称2010年446起，表1为455起',
      en: 'The text says 446 accidents in 2010; Table 1 says 455',
    }),
    figureCheck('accidents_2015', STATED.accidents2015, t2015.accidents, { zh: '表1 2015年', en: 'Table 1, 2015' }),
    figureCheck('accident_drop_2010_2015', STATED.accidentDrop2010to2015Percent, pct(reductionPercent(t2010.accidents, t2015.accidents)), {
      zh: '按表1（455→406）下降10.77%；9%只与正文的446相符（8.97%）',
      en: 'Table 1 (455→406) gives 10.77 %; the 9 % only fits the text’s 446 (8.97 %)',
    }),
    figureCheck('death_drop_2010_2015', STATED.deathDrop2010to2015Percent, pct(reductionPercent(t2010.deaths, t2015.deaths)), {
      zh: '表1 66→58',
      en: 'Table 1, 66→58',
    }),
  );
  const shares = TABLE_1.map((r) => ({ year: r.year, share: pct((r.roadTraffic.deaths / r.total.deaths) * 100) }));
  const below = shares.filter((s) => s.share < 95);
  const aggregateShare = pct((all.roadTraffic.deaths / all.total.deaths) * 100);
  const aggregateAccidentShare = pct((all.roadTraffic.accidents / all.total.accidents) * 100);
  checks.push({
    id: 'road_share_95',
    quote: STATED.roadSharePercentAtLeast.quote,
    where: STATED.roadSharePercentAtLeast.where,
    stated: 95,
    computed: Math.min(...shares.map((s) => s.share)),
    verdict: below.length === 0 ? 'agrees' : aggregateShare >= 95 && aggregateAccidentShare >= 95 ? 'partly' : 'disagrees',
    explanation: {
      zh: `六年合计道路交通占起数${aggregateAccidentShare}%、死亡${aggregateShare}%；但死亡占比${below.map((s) => `${s.year}年${s.share}%`).join('、')}低于95%；受伤人数表中无数据`,
      en: `Over six years road traffic is ${aggregateAccidentShare} % of accidents and ${aggregateShare} % of deaths, but its share of deaths is below 95 % in ${below.map((s) => `${s.year} (${s.share} %)`).join(' and ')}; injuries are not tabulated`,
    },
  });
  checks.push(...rateChecks());
  return checks;
}

function rateChecks(): PlanCheck[] {
  const r10 = table4Row(2010);
  const r15 = table4Row(2015);
  const drop = (c: Exclude<keyof Table4Row, 'year'>) => pct(reductionPercent(r10[c].actual, r15[c].actual));
  const d10 = impliedDenominators(2010);
  const d15 = impliedDenominators(2015);
  // Interval of GDP growth allowed by the printed precision of the two GDP rates (0.15 ± 0.005, 0.082 ± 0.0005).
  const gdpGrowth = (rate10: number, rate15: number) =>
    pct((table1Row(2015).total.deaths / rate15 / (table1Row(2010).total.deaths / rate10) - 1) * 100);
  const growthLow = gdpGrowth(0.145, 0.0825);
  const growthHigh = gdpGrowth(0.155, 0.0815);
  const growthMid = pct((d15.deaths_per_100m_gdp / d10.deaths_per_100m_gdp - 1) * 100);
  const stated = STATED.gdpGrowth2010to2015Percent.value;
  const risingGdpRate = TABLE_4.slice(1).filter((r, i) => r.deathsPer100mGdp.actual >= (TABLE_4[i] as Table4Row).deathsPer100mGdp.actual);
  const overTarget = TABLE_4.flatMap((r) => Object.values(RATE_COLUMN).filter((c) => r[c].actual > r[c].cityTarget));
  const accidentRises = yearsRising('accidents');
  const deathRises = yearsRising('deaths');
  const threeExhaust = TABLE_1.every((r) =>
    (['accidents', 'deaths'] as const).every((k) => r.industryMiningCommerce[k] + r.roadTraffic[k] + r.fire[k] === r.total[k]),
  );
  const fallEveryYear = accidentRises.length + deathRises.length === 0;
  const fleetRose = d15.road_deaths_per_10k_vehicles > d10.road_deaths_per_10k_vehicles;
  const w = (year: number) => impliedDenominators(year).deaths_per_100k_workers;
  // A one-year dip of more than a fifth below both neighbours is not how a workforce behaves.
  const workerDip2011 = w(2011) < 0.8 * Math.min(w(2010), w(2012));
  const vehicles = (d: Record<RateId, number>) => Math.round(d.road_deaths_per_10k_vehicles);
  const gdp = (d: Record<RateId, number>) => Math.round(d.deaths_per_100m_gdp);
  const workers = TABLE_4.map((r) => `${r.year}: ${Math.round(impliedDenominators(r.year).deaths_per_100k_workers)}`).join(', ');
  const claim = (id: string, c: { quote: string; where: Label }, computed: boolean, verdict: Verdict, explanation: Label): PlanCheck => ({
    id,
    quote: c.quote,
    where: c.where,
    stated: true,
    computed,
    verdict,
    explanation,
  });
  return [
    figureCheck('gdp_rate_drop', STATED.gdpRateDropPercent, drop('deathsPer100mGdp'), { zh: '表4 0.15→0.082', en: 'Table 4, 0.15→0.082' }),
    figureCheck('worker_rate_drop', STATED.workerRateDropPercent, drop('deathsPer100kWorkers'), {
      zh: '表4 2.08→0.95',
      en: 'Table 4, 2.08→0.95',
    }),
    figureCheck('road_rate_drop', STATED.roadRateDropPercent, drop('roadDeathsPer10kVehicles'), {
      zh: '表4 4.9→4.84',
      en: 'Table 4, 4.9→4.84',
    }),
    {
      ...figureCheck('gdp_growth', STATED.gdpGrowth2010to2015Percent, growthMid, {
        zh: `由死亡人数÷亿元GDP死亡率推得GDP ${gdp(d10)}→${gdp(d15)}亿元，增长${growthMid}%；考虑比率取整，区间${growthLow}%–${growthHigh}%，含65.8%`,
        en: `Deaths ÷ GDP rate imply GDP ${gdp(d10)}→${gdp(d15)} (100 million yuan), +${growthMid} %; allowing for the rates' rounding, ${growthLow}–${growthHigh} %, which contains 65.8 %`,
      }),
      verdict: stated >= growthLow && stated <= growthHigh ? 'agrees_within_rounding' : 'disagrees',
    },
    claim('counts_fall_every_year', STATED_CLAIMS.countsFallEveryYear, fallEveryYear, fallEveryYear ? 'agrees' : 'disagrees', {
      zh: `表1起数在${accidentRises.join('、')}年上升，死亡人数在${deathRises.join('、')}年上升`,
      en: `Table 1 accidents rise in ${accidentRises.join(' and ')}, deaths rise in ${deathRises.join(' and ')}`,
    }),
    claim(
      'gdp_rate_falls_every_year',
      STATED_CLAIMS.gdpRateFallsEveryYear,
      risingGdpRate.length === 0,
      risingGdpRate.length === 0 ? 'agrees' : 'disagrees',
      {
        zh: '表4 0.15、0.123、0.116、0.104、0.102、0.082',
        en: 'Table 4: 0.15, 0.123, 0.116, 0.104, 0.102, 0.082',
      },
    ),
    claim(
      'within_city_targets',
      STATED_CLAIMS.withinCityTargetsEveryYear,
      overTarget.length === 0,
      overTarget.length === 0 ? 'agrees' : 'disagrees',
      {
        zh: '表4全部18个实际数均不高于市指标',
        en: 'All 18 actuals in Table 4 are at or below the city targets',
      },
    ),
    claim('vehicle_fleet_rose', STATED_CLAIMS.vehicleFleetRoseSharply, fleetRose, fleetRose ? 'agrees' : 'implausible', {
      zh: `道路死亡人数÷万车死亡率推得机动车约${vehicles(d10)}辆（2010）→${vehicles(d15)}辆（2015），下降约10%，与“保有量大幅上升”相反；可能万车死亡率另用公安口径死亡数，或“汽车”不等于机动车`,
      en: `Road deaths ÷ rate imply about ${vehicles(d10)} (2010) → ${vehicles(d15)} (2015) vehicles, a fall of about 10 %, the opposite of "rose sharply"; the rate may use police death counts, or "cars" are not all motor vehicles`,
    }),
    claim(
      'worker_rate_2011',
      { quote: '2011 工矿商贸企业十万人生产事故死亡率 3.08', where: { zh: '表4', en: 'Table 4' } },
      !workerDip2011,
      workerDip2011 ? 'implausible' : 'agrees',
      {
        zh: `两年都是3人死亡，比率却由2.08升至3.08，推得从业人员：${workers}；2011年骤降三分之一又回升，疑为笔误`,
        en: `Both years have 3 deaths yet the rate goes 2.08 → 3.08; implied workers: ${workers}; a one-year fall of a third and recovery suggests a typo`,
      },
    ),
    // `computed` here: whether the three tabulated categories exhaust the totals (they do, every year).
    claim('categories_note', STATED_CLAIMS.categoriesIncludeWaterFisheryFarm, threeExhaust, 'unverifiable', {
      zh: '表1只有三类且恰好等于总数：水上交通、渔业、农业事故或为零，或未计入总数',
      en: 'Table 1 has three categories that add up exactly to the total: water, fishery and farm accidents were either zero or left out',
    }),
    ...TABLE_8.map((t) => {
      const computed = targets2020()[t.indicator];
      const baseMatches = t.base2015 === r15[RATE_COLUMN[t.indicator]].actual;
      return {
        id: `target_2020_${t.indicator}`,
        quote: `${t.base2015} → ${t.target2020}（下降${t.reductionPercent}%）`,
        where: table8Where,
        stated: t.target2020,
        computed,
        verdict: computed === t.target2020 && baseMatches ? 'agrees' : 'disagrees',
        explanation: { zh: '表4 2015年实际数×(1−降幅)', en: 'Table 4 2015 actual × (1 − reduction)' },
      } satisfies PlanCheck;
    }),
  ];
}

/** Where the plan's figures disagree with each other, or imply something its text denies. */
export function discrepancies(): PlanCheck[] {
  return checkPlan().filter((c) => c.verdict === 'disagrees' || c.verdict === 'partly' || c.verdict === 'implausible');
}
