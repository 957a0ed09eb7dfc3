// Occupational-health rules as data (L: configuration with documented defaults; there is no rules.md section yet).
// Targets — seed 002 line 268 (十三五规划 五(三)5): 职业病危害申报率 ≥ 98%, 重点行业企业工作场所职业病危害因素检测率 ≥ 85%,
// 重点行业企业劳动防护用品发放及使用率 ≥ 95%, 重点行业企业职业安全健康分类分级监管率 ≥ 80%. Seed 004 line 87 (2018 要点
// 30): 申报率 ≥ 85%, 检测率 ≥ 60%, 劳动者在岗职业健康检查率 ≥ 70%. The default set holds the stricter 002 targets and
// adds 004's health-check target (002 has none); ANJIAN_OH_TARGETS=seed002|seed004 selects one seed's set as written.
// Periods: workplace detection at least once a year (工作场所职业卫生管理规定 第二十条), periodic checks yearly and
// equipment reissued yearly for the rate (deployment may change them).
import type { OhIndicator, Sector } from '@anjian/contracts';
import { addMonths } from '../../platform/time';

export type Population = 'all' | 'key' | 'workers';
export interface OhTarget {
  indicator: OhIndicator;
  /** Who is counted: all registered enterprises, those of the key sectors, or exposed workers. */
  population: Population;
  target: number;
  source: string;
}

export const targetSets: Record<string, readonly OhTarget[]> = {
  seed002: [
    { indicator: 'declaration', population: 'all', target: 0.98, source: 'seed 002 line 268' },
    { indicator: 'detection', population: 'key', target: 0.85, source: 'seed 002 line 268' },
    { indicator: 'ppe', population: 'key', target: 0.95, source: 'seed 002 line 268' },
    { indicator: 'grading', population: 'key', target: 0.8, source: 'seed 002 line 268' },
  ],
  seed004: [
    { indicator: 'declaration', population: 'all', target: 0.85, source: 'seed 004 line 87' },
    { indicator: 'detection', population: 'all', target: 0.6, source: 'seed 004 line 87' },
    { indicator: 'checkup', population: 'workers', target: 0.7, source: 'seed 004 line 87' },
  ],
};
targetSets.default = [...targetSets.seed002!, targetSets.seed004![2]!];

export const targetsFor = (name: string | undefined) => targetSets[name ?? 'default'] ?? targetSets.default!;

/**
 * 重点行业 for occupational health (seed 002 line 268: 陶瓷、家具、水泥、石材 dust trades; 电子、电池、电镀、汽车制造与维修、
 * 灯具 manufacturing; 非煤矿山、金属冶炼、危险化学品). Mapped onto the platform's sectors.
 */
export const ohKeySectors: readonly Sector[] = [
  'building_materials',
  'light_industry',
  'machinery',
  'metallurgy',
  'nonferrous',
  'hazardous_chemicals',
  'non_coal_mining',
  'textile',
];
export const isKeySector = (sector: string) => (ohKeySectors as readonly string[]).includes(sector);

export const periods = { detectionMonths: 12, checkMonths: 12, ppeMonths: 12 };

/** The day the next workplace detection is due: one period after the last. */
export const detectionDue = (lastDetectionOn: string) => addMonths(lastDetectionOn, periods.detectionMonths);

/** A detection, issue or check still counts on `today` while today is before its lapse day. */
export const current = (on: string | null, months: number, today: string) => on !== null && today < addMonths(on, months);

export const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

/** Met when the rate reaches the target; null without a denominator (nothing to measure). */
export const meets = (n: number, d: number, target: number) => (d > 0 ? n / d >= target - 1e-9 : null);

export interface Flags {
  declared: boolean;
  detected: boolean;
  ppe: boolean;
  graded: boolean;
  exposedWorkers: number;
  workersChecked: number;
}

/** A profile's counted flags from its latest facts and the workers' latest periodic checks. */
export function flagsOf(
  p: { declaredOn: string | null; lastDetectionOn: string | null; lastPpeOn: string | null; grade: string | null },
  workers: readonly { leftOn: string | null; lastPeriodicOn: string | null; employedFrom: string }[],
  today: string,
): Flags & { lapsesOn: string | null } {
  const active = workers.filter((w) => w.leftOn === null || w.leftOn > today);
  const checked = active.filter((w) => current(w.lastPeriodicOn, periods.checkMonths, today));
  const lapses = [
    current(p.lastDetectionOn, periods.detectionMonths, today) ? addMonths(p.lastDetectionOn!, periods.detectionMonths) : null,
    current(p.lastPpeOn, periods.ppeMonths, today) ? addMonths(p.lastPpeOn!, periods.ppeMonths) : null,
    ...checked.map((w) => addMonths(w.lastPeriodicOn!, periods.checkMonths)),
    ...active.filter((w) => w.leftOn !== null).map((w) => w.leftOn!),
  ].filter((d): d is string => d !== null);
  return {
    declared: p.declaredOn !== null,
    detected: current(p.lastDetectionOn, periods.detectionMonths, today),
    ppe: current(p.lastPpeOn, periods.ppeMonths, today),
    graded: p.grade !== null,
    exposedWorkers: active.length,
    workersChecked: checked.length,
    lapsesOn: lapses.length ? lapses.sort()[0]! : null,
  };
}
