// Figures from 《佛山市高明区安全生产"十三五"规划》 (明府办〔2016〕122号, 2016-09-20), transcribed
// from /work/shared/seeds/002_d534ceef41df3be6.txt. Kept exactly as printed, including the places
// where the plan disagrees with itself: gaoming.ts finds those, this file only records.
import type { Label } from '../accidents/label';

export const GAOMING_PLAN = {
  title: { zh: '佛山市高明区安全生产“十三五”规划', en: 'Gaoming District (Foshan) 13th Five-Year Work-Safety Plan' },
  document: '明府办〔2016〕122号',
  issued: '2016-09-20',
} as const;

export interface CategoryCount {
  accidents: number;
  deaths: number;
}

export interface Table1Row {
  year: number;
  /** 各类事故总起数 (and its 死亡 column). */
  total: CategoryCount;
  industryMiningCommerce: CategoryCount;
  roadTraffic: CategoryCount;
  fire: CategoryCount;
}

/*
 * 表1：2010-2015年各类事故分布情况表. The seed flattens the table into one cell per line:
 *   header  "年份 | 各类事故总起数 | 工矿商贸事故 | 道路交通事故 | 火灾事故"
 *   subhead "起数 死亡" under each of the four groups (8 cells)
 *   rows    "2010 | 455 66 | 3 3 | 443 62 | 9 1" … "合计 | 2685 371 | 14 14 | 2617 355 | 54 2"
 * Reading: each year is followed by 8 numbers, (起数, 死亡) for total, 工矿商贸, 道路交通, 火灾 in
 * header order. The reading is confirmed by the arithmetic: for every year the three categories add
 * up to the total, in both columns, and the 合计 row is the column sum (tests check all of it).
 * The header says "各类事故总起数" over both sub-columns; its second column is the total deaths.
 */
const row = (year: number, ...n: [number, number, number, number, number, number, number, number]): Table1Row => ({
  year,
  total: { accidents: n[0], deaths: n[1] },
  industryMiningCommerce: { accidents: n[2], deaths: n[3] },
  roadTraffic: { accidents: n[4], deaths: n[5] },
  fire: { accidents: n[6], deaths: n[7] },
});

export const TABLE_1: readonly Table1Row[] = [
  row(2010, 455, 66, 3, 3, 443, 62, 9, 1),
  row(2011, 424, 64, 3, 3, 417, 61, 4, 0),
  row(2012, 455, 63, 3, 3, 449, 60, 3, 0),
  row(2013, 477, 58, 2, 2, 461, 56, 14, 0),
  row(2014, 468, 62, 1, 1, 454, 61, 13, 0),
  row(2015, 406, 58, 2, 2, 393, 55, 11, 1),
];

/** The printed 合计 row, kept separately so it can be checked against the rows. */
export const TABLE_1_PRINTED_TOTAL: Omit<Table1Row, 'year'> = {
  total: { accidents: 2685, deaths: 371 },
  industryMiningCommerce: { accidents: 14, deaths: 14 },
  roadTraffic: { accidents: 2617, deaths: 355 },
  fire: { accidents: 54, deaths: 2 },
};

export interface RateWithTarget {
  /** 实际数 */
  actual: number;
  /** 市指标: the ceiling set by Foshan city for the year. */
  cityTarget: number;
}

export interface Table4Row {
  year: number;
  deathsPer100mGdp: RateWithTarget;
  roadDeathsPer10kVehicles: RateWithTarget;
  deathsPer100kWorkers: RateWithTarget;
}

/*
 * 表4：2010-2015年各类事故相对指标分布情况表. Header "年份 | 亿元GDP死亡率 | 道路交通万车死亡率 |
 * 工矿商贸企业十万人生产事故死亡率", subhead "实际数 市指标" under each, then 6 numbers per year in
 * that order. Unambiguous: every 实际数 is below its 市指标, as the text says it should be.
 */
const rates = (year: number, ...n: [number, number, number, number, number, number]): Table4Row => ({
  year,
  deathsPer100mGdp: { actual: n[0], cityTarget: n[1] },
  roadDeathsPer10kVehicles: { actual: n[2], cityTarget: n[3] },
  deathsPer100kWorkers: { actual: n[4], cityTarget: n[5] },
});

export const TABLE_4: readonly Table4Row[] = [
  rates(2010, 0.15, 0.17, 4.9, 6, 2.08, 3.49),
  rates(2011, 0.123, 0.137, 4.38, 5.86, 3.08, 3.45),
  rates(2012, 0.116, 0.117, 5.35, 5.38, 2.43, 3.03),
  rates(2013, 0.104, 0.12, 5.21, 5.6, 1.03, 2.08),
  rates(2014, 0.102, 0.11, 5.44, 5.79, 0.48, 1.9),
  rates(2015, 0.082, 0.105, 4.84, 5.81, 0.95, 1.82),
];

/** 表8："十三五"安全生产相对指标的控制目标 (2015 value, 2020 target, reduction). */
export const TABLE_8 = [
  { indicator: 'deaths_per_100m_gdp', base2015: 0.082, target2020: 0.0656, reductionPercent: 20 },
  { indicator: 'deaths_per_100k_workers', base2015: 0.95, target2020: 0.855, reductionPercent: 10 },
  { indicator: 'road_deaths_per_10k_vehicles', base2015: 4.84, target2020: 4.356, reductionPercent: 10 },
] as const;

/** A figure the plan's text states, with the sentence it comes from. */
export interface StatedFigure {
  value: number;
  quote: string;
  where: Label;
}

const part1 = { zh: '一(一)1', en: 'Part 1 (1) item 1' };
const part2 = { zh: '一(一)2', en: 'Part 1 (1) item 2' };
const part3 = { zh: '一(一)3', en: 'Part 1 (1) item 3' };

export const STATED = {
  accidents2011to2015: { value: 2230, quote: '“十二五”期间我区各类事故总起数2230宗', where: part1 },
  accidents2006to2010: { value: 3514, quote: '比“十一五”期间（3514宗）下降36.5%', where: part1 },
  accidentDropVs11thPlanPercent: { value: 36.5, quote: '比“十一五”期间（3514宗）下降36.5%', where: part1 },
  avgGdpRate2011to2015: { value: 0.105, quote: '年均亿元GDP死亡率（五年相加的平均数）为0.105', where: part1 },
  avgGdpRate2006to2010: { value: 0.28, quote: '比“十一五”期间（0.28）下降62.5%', where: part1 },
  avgGdpRateDropPercent: { value: 62.5, quote: '比“十一五”期间（0.28）下降62.5%', where: part1 },
  accidents2010: { value: 446, quote: '2010年我区各类事故起数446起', where: part2 },
  accidents2015: { value: 406, quote: '至2015年事故起数下降至406起', where: part2 },
  accidentDrop2010to2015Percent: { value: 9, quote: '2015年和2010年相比，事故总量下降9%', where: part2 },
  deathDrop2010to2015Percent: { value: 12.1, quote: '各类事故死亡人数下降12.1％', where: part2 },
  roadSharePercentAtLeast: { value: 95, quote: '事故宗数、死亡人数和受伤人数均占到全区各类事故总量的95%以上', where: part2 },
  gdpGrowth2010to2015Percent: { value: 65.8, quote: '2015年比2010年上升65.8%', where: part3 },
  gdpRateDropPercent: { value: 45.3, quote: '单位国内生产总值（GDP）死亡率下降45.3%', where: part3 },
  workerRateDropPercent: { value: 54.3, quote: '工矿商贸企业十万人生产事故死亡率下降54.3%', where: part3 },
  roadRateDropPercent: { value: 1.2, quote: '道路交通万车死亡率略微下降1.2%', where: part3 },
} as const satisfies Record<string, StatedFigure>;

/** Qualitative claims of the text that the tables can confirm or refute. */
export const STATED_CLAIMS = {
  countsFallEveryYear: { quote: '2.事故起数和事故死亡总人数逐年下降', where: part2 },
  gdpRateFallsEveryYear: { quote: '事故亿元GDP死亡率逐年下降', where: part3 },
  withinCityTargetsEveryYear: { quote: '各项相对指标每年都能控制在市政府下达考核控制指标内', where: part3 },
  vehicleFleetRoseSharply: { quote: '受全区汽车保有量大幅上升容易造成交通事故影响', where: part3 },
  categoriesIncludeWaterFisheryFarm: { quote: '备注：各类事故包括工矿商贸、道路交通、火灾、水上交通、渔业、农业等事故', where: part2 },
} as const;
