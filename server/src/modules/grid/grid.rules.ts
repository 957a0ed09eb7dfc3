// 网格巡查 rules as data and small pure functions. No national rule fixes how often a grid inspector visits a unit:
// the seeds ask that every grid is patrolled (000 五(一)3; 004 §11 走访巡检、劝导制止、信息报告、整改跟踪), so the
// frequency is local configuration (rules.md marks such rules L) with these documented defaults, by the unit's
// risk level (enterprises.risk_level, mirrored from the risk module's enterprise_risk_summary: major 重大 red,
// significant 较大 orange, general 一般 yellow, low 低 blue) and its key-enterprise flag.
import { addDays } from '../../platform/time';
import type { GridDueState, RiskLevelKey } from '@anjian/contracts';

export interface GridFrequency {
  /** Days between visits by risk level (红橙黄蓝). */
  byLevel: Record<RiskLevelKey, number>;
  /** A unit whose risk has not been assessed. */
  unassessed: number;
  /** A key enterprise (重点企业) is visited at least this often, whatever its colour. */
  keyAtMost: number;
  /** "Due soon" when the due date is at most this many days away. */
  dueSoonDays: number;
}

/**
 * Defaults: major (red) weekly, significant (orange) every half month, general (yellow) monthly, low (blue) quarterly,
 * unassessed monthly, a key enterprise at most every 15 days.
 */
export const defaultGridFrequency: GridFrequency = {
  byLevel: { major: 7, significant: 15, general: 30, low: 90 },
  unassessed: 30,
  keyAtMost: 15,
  dueSoonDays: 3,
};

export interface UnitRisk {
  riskLevel: string | null;
  isKey: boolean;
}

/** Days between two visits of the unit. */
export function visitIntervalDays(unit: UnitRisk, f: GridFrequency = defaultGridFrequency): number {
  const days = unit.riskLevel && Object.hasOwn(f.byLevel, unit.riskLevel) ? f.byLevel[unit.riskLevel as RiskLevelKey] : f.unassessed;
  return unit.isKey ? Math.min(days, f.keyAtMost) : days;
}

/** The day the next visit is due (China dates), or null when the unit was never visited (due now). */
export function nextDueOn(lastVisitedOn: string | null, unit: UnitRisk, f: GridFrequency = defaultGridFrequency): string | null {
  return lastVisitedOn ? addDays(lastVisitedOn, visitIntervalDays(unit, f)) : null;
}

/** never / overdue (the due day has passed) / due_soon (due today or within dueSoonDays) / ok. */
export function dueState(due: string | null, today: string, f: GridFrequency = defaultGridFrequency): GridDueState {
  if (due === null) return 'never';
  if (due < today) return 'overdue';
  if (due <= addDays(today, f.dueSoonDays)) return 'due_soon';
  return 'ok';
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two WGS-84 points (haversine, mean Earth radius). */
export function haversineMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** China month 'YYYY-MM' of a China date. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The last day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}
