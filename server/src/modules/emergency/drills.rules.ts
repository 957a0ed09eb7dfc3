// Drill frequency rules (shared/domain/rules.md §11, 第三十三条; 国务院令第708号 第八条) as data + pure functions.
//  - every enterprise drills a comprehensive or special plan at least once a calendar year (H);
//  - and an on-site disposal plan at least once a calendar half-year (H; Jiangsu reads "each" on-site plan, L: we
//    count the enterprise's on-site drills, not each plan's);
//  - high-risk units drill at least once a calendar half-year (H), any plan type.
// Half-years are calendar halves (1–6月, 7–12月), as rules.md §11 fixes for compliance counting.
// "Overdue" = the last complete period had no drill and none has been held since; "due" = none yet in the running
// period. A never-drilled enterprise is overdue.
import type { ComplianceState, DrillDuty } from '@anjian/contracts';

/** L: the sectors whose units count as high-risk under 第三十三条 (危险物品, 矿山, 金属冶炼, 建筑施工, 人员密集…). */
export const highRiskSectors: readonly string[] = [
  'hazardous_chemicals',
  'fireworks',
  'non_coal_mining',
  'metallurgy',
  'nonferrous',
  'construction',
  'commerce',
];

export function isHighRisk(sector: string): boolean {
  return highRiskSectors.includes(sector);
}

export type Period = 'year' | 'half';

export function periodStart(today: string, period: Period): string {
  const y = today.slice(0, 4);
  if (period === 'year') return `${y}-01-01`;
  return today.slice(5, 7) <= '06' ? `${y}-01-01` : `${y}-07-01`;
}

export function previousPeriodStart(today: string, period: Period): string {
  const y = Number(today.slice(0, 4));
  if (period === 'year') return `${y - 1}-01-01`;
  return today.slice(5, 7) <= '06' ? `${y - 1}-07-01` : `${y}-01-01`;
}

export function dutyState(lastOn: string | null, today: string, period: Period): ComplianceState {
  if (lastOn && lastOn >= periodStart(today, period)) return 'done';
  if (!lastOn || lastOn < previousPeriodStart(today, period)) return 'overdue';
  return 'due';
}

export interface DrillFacts {
  sector: string;
  lastPlanDrillOn: string | null;
  lastOnsiteDrillOn: string | null;
}

export function drillDuties(f: DrillFacts, today: string): { duty: DrillDuty; state: ComplianceState }[] {
  const out: { duty: DrillDuty; state: ComplianceState }[] = [
    { duty: 'yearly_plan', state: dutyState(f.lastPlanDrillOn, today, 'year') },
    { duty: 'halfyear_onsite', state: dutyState(f.lastOnsiteDrillOn, today, 'half') },
  ];
  if (isHighRisk(f.sector)) {
    const last =
      [f.lastPlanDrillOn, f.lastOnsiteDrillOn]
        .filter((d): d is string => !!d)
        .sort()
        .pop() ?? null;
    out.push({ duty: 'halfyear_high_risk', state: dutyState(last, today, 'half') });
  }
  return out;
}

/** SQL-side bounds for "overdue" (used by the compliance query and readiness): last drill before these days. */
export function overdueBounds(today: string) {
  return { plan: previousPeriodStart(today, 'year'), onsite: previousPeriodStart(today, 'half') };
}
