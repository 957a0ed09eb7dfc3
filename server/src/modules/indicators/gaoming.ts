// The Gaoming worked example (明府办〔2016〕122号): the plan's Tables 1, 4 and 8 as printed, the
// statements derived from them, every check of the text against the tables, and the discrepancies —
// all computed by reference/indicators/gaoming.ts, nothing re-derived here.
import { GAOMING_PLAN, TABLE_1, TABLE_1_PRINTED_TOTAL, TABLE_4, TABLE_8 } from '../../reference/indicators/gaoming-data';
import { averageRate, checkPlan, discrepancies, impliedDenominators, sumTable1, targets2020 } from '../../reference/indicators/gaoming';
import { roundTo } from '../../reference/indicators/rates';

export const GAOMING_AREA = {
  code: '440608',
  name: '高明区',
  city: { code: '440600', name: '佛山市' },
  province: { code: '440000', name: '广东省' },
};

/**
 * Base data implied by Table 1 deaths ÷ Table 4 rates, rounded as registers keep them (GDP to 0.01
 * 亿元, vehicles and workers to whole units). The plan gives no base data, so these are derived.
 */
export function gaomingBaseData() {
  return TABLE_4.map((r) => {
    const d = impliedDenominators(r.year);
    return {
      year: r.year,
      gdpYi: roundTo(d.deaths_per_100m_gdp, 2),
      motorVehicles: Math.round(d.road_deaths_per_10k_vehicles),
      imcWorkers: Math.round(d.deaths_per_100k_workers),
    };
  });
}

export function gaomingReport() {
  return {
    plan: { title: GAOMING_PLAN.title, document: GAOMING_PLAN.document, issued: GAOMING_PLAN.issued },
    table1: [...TABLE_1],
    table1PrintedTotal: TABLE_1_PRINTED_TOTAL,
    table4: [...TABLE_4],
    table8: [...TABLE_8],
    derived: {
      accidents2011to2015: sumTable1(2011, 2015).total.accidents,
      averageGdpRate2011to2015: averageRate('deaths_per_100m_gdp', 2011, 2015),
      targets2020: targets2020(),
      impliedDenominators: gaomingBaseData(),
    },
    checks: checkPlan(),
    discrepancies: discrepancies(),
  };
}
