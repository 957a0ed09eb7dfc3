// Safety indicators (安全生产控制指标): base data, targets, imported statistics of other departments,
// the three rates with pacing forecast and alarm; accident analysis and enforcement hotspots.
import { z } from 'zod';
import { safeString } from '../input';
import { sectors } from '../sectors';
import { accidentCategories } from './accidents';
import { areaCode, isoDate } from './common';

export const rateIds = ['deaths_per_100m_gdp', 'road_deaths_per_10k_vehicles', 'deaths_per_100k_workers'] as const;
export type RateIdKey = (typeof rateIds)[number];

const year = z.coerce.number().int().min(1949).max(2100);
const positive = z.number().positive().max(1e12);

export const indicatorBaseParams = z.object({ areaCode, year }).strict();

export const indicatorBaseBody = z
  .object({
    /** 地区生产总值, 亿元 at current prices. */
    gdpYi: positive.nullable().optional(),
    /** 工矿商贸就业人员 (persons). */
    imcWorkers: positive.nullable().optional(),
    /** 机动车保有量 (vehicles). */
    motorVehicles: positive.nullable().optional(),
    source: safeString().trim().max(200).nullable().optional(),
  })
  .strict();

export const indicatorBase = z.object({
  areaCode: safeString(),
  year: z.number().int(),
  gdpYi: z.number().nullable(),
  imcWorkers: z.number().nullable(),
  motorVehicles: z.number().nullable(),
  source: safeString().nullable(),
  updatedAt: safeString(),
});

export const indicatorBaseImportBody = z
  .object({
    rows: z
      .array(indicatorBaseBody.extend({ areaCode, year: z.number().int().min(1949).max(2100) }))
      .min(1)
      .max(2000),
  })
  .strict();

export const indicatorTargetParams = z.object({ areaCode, year, indicator: z.enum(rateIds) }).strict();

/** "控制在 0.105 以内" (absolute) or "比2015年下降20%" (reduction; base value taken from the base year when absent). */
export const indicatorTargetBody = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('absolute'), value: z.number().min(0).max(1e6), setBy: safeString().trim().max(100).nullable().optional() })
    .strict(),
  z
    .object({
      kind: z.literal('reduction'),
      baseYear: z.number().int().min(1949).max(2100),
      reductionPercent: z.number().min(0).max(100),
      baseValue: z.number().min(0).max(1e6).nullable().optional(),
      setBy: safeString().trim().max(100).nullable().optional(),
    })
    .strict(),
]);

export const indicatorTarget = z.object({
  areaCode: safeString(),
  year: z.number().int(),
  indicator: z.enum(rateIds),
  kind: z.enum(['absolute', 'reduction']),
  value: z.number().nullable(),
  baseYear: z.number().int().nullable(),
  baseValue: z.number().nullable(),
  reductionPercent: z.number().nullable(),
  setBy: safeString().nullable(),
});

export const indicatorsQuery = z.object({ areaCode, year }).strict();

const forecastShape = z.object({
  method: z.enum(['seasonal', 'linear']),
  monthsElapsed: z.number().int(),
  shareReached: z.number(),
  forecastDeaths: z.number(),
  forecastRate: z.number(),
  deathsAllowed: z.number().nullable(),
  deathsRemaining: z.number().nullable(),
});

export const rateRow = z.object({
  indicator: z.enum(rateIds),
  label: z.object({ zh: safeString(), en: safeString() }),
  unit: z.object({ zh: safeString(), en: safeString() }),
  /** Deaths (含失踪) counted in the numerator, year to date: registry plus imported statistics. */
  deaths: z.number(),
  denominator: z.number().nullable(),
  /** Rate of the deaths so far; for a finished year, the year's rate. Four decimals, as plans print. */
  actual: z.number().nullable(),
  target: z.number().nullable(),
  targetSpec: indicatorTarget.nullable(),
  status: z.enum(['met', 'missed']).nullable(),
  forecast: forecastShape.nullable(),
  /** True when the forecast rate exceeds the target; null when there is no target or no denominator. */
  alarm: z.boolean().nullable(),
  /** Why a figure is missing (no base data, no target …). */
  notes: z.array(z.object({ zh: safeString(), en: safeString() })),
});

export const indicatorsReport = z.object({
  areaCode: safeString(),
  areaName: safeString(),
  year: z.number().int(),
  monthsElapsed: z.number().int(),
  monthlyDeaths: z.array(z.number()),
  base: indicatorBase.nullable(),
  rates: z.array(rateRow),
});
export type IndicatorsReport = z.infer<typeof indicatorsReport>;

/** Month 0 means a whole-year figure that the source does not split by month. */
export const statisticsRow = z
  .object({
    areaCode,
    year: z.number().int().min(1949).max(2100),
    month: z.number().int().min(0).max(12),
    category: z.enum(accidentCategories),
    accidents: z.number().int().min(0).max(1e6),
    deaths: z.number().int().min(0).max(1e6),
    injuries: z.number().int().min(0).max(1e6).nullable().optional(),
    /** The department that reported the figures (公安交警, 消防救援, 海事, 渔业, 农机 …). */
    source: safeString().trim().min(1).max(100),
  })
  .strict();
export const statisticsImportBody = z.object({ rows: z.array(statisticsRow).min(1).max(5000) }).strict();
export const importResult = z.object({ inserted: z.number().int(), updated: z.number().int() });

export const analysisGroupBys = ['year', 'month', 'area', 'sector', 'type', 'cause', 'category', 'level'] as const;
export const analysisQuery = z
  .object({
    groupBy: z.enum(analysisGroupBys),
    from: isoDate.optional(),
    to: isoDate.optional(),
    areaCode: areaCode.optional(),
    category: z.enum(accidentCategories).optional(),
    sector: z.enum(sectors).optional(),
  })
  .strict();

const figures = { accidents: z.number(), deaths: z.number(), seriousInjuries: z.number(), directLossWan: z.number() };
export const analysisItem = z.object({
  key: safeString(),
  label: z.object({ zh: safeString(), en: safeString() }),
  ...figures,
  /** Of which from imported statistics of other departments (year, month, area and category only). */
  imported: z.object({ accidents: z.number(), deaths: z.number() }),
  previous: z.object({ accidents: z.number(), deaths: z.number() }),
  /** Year-over-year change in %, null when the year before had none. */
  accidentsChangePercent: z.number().nullable(),
  deathsChangePercent: z.number().nullable(),
});
export const analysisReport = z.object({
  groupBy: z.enum(analysisGroupBys),
  from: safeString(),
  to: safeString(),
  items: z.array(analysisItem),
  total: z.object({ ...figures }),
});
export type AnalysisReport = z.infer<typeof analysisReport>;

export const hotspotsQuery = z
  .object({
    months: z.coerce.number().int().min(1).max(60).default(12),
    areaCode: areaCode.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict();
const hotspot = z.object({
  key: safeString(),
  label: z.object({ zh: safeString(), en: safeString() }),
  accidents: z.number(),
  deaths: z.number(),
  seriousInjuries: z.number(),
  score: z.number(),
  /** score ÷ the highest score in the list: a weight in (0, 1] for the enforcement draw. */
  weight: z.number(),
});
export const hotspotsReport = z.object({
  from: safeString(),
  to: safeString(),
  formula: z.object({ zh: safeString(), en: safeString() }),
  sectors: z.array(hotspot),
  areas: z.array(hotspot),
});

export const gaomingReport = z.object({
  plan: z.object({ title: z.object({ zh: safeString(), en: safeString() }), document: safeString(), issued: safeString() }),
  table1: z.array(z.unknown()),
  table1PrintedTotal: z.unknown(),
  table4: z.array(z.unknown()),
  table8: z.array(z.unknown()),
  derived: z.object({
    accidents2011to2015: z.number(),
    averageGdpRate2011to2015: z.number(),
    targets2020: z.record(safeString(), z.number()),
    impliedDenominators: z.array(z.object({ year: z.number(), gdpYi: z.number(), motorVehicles: z.number(), imcWorkers: z.number() })),
  }),
  checks: z.array(z.unknown()),
  discrepancies: z.array(z.unknown()),
});
