// 年度执法检查计划 as the plan page reads it: each group's required inspections (enterprises × times a year), the
// number expected by today (the share of the year elapsed), and whether the group is behind.
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { daysBetween } from '../../../platform/time';
import { findPlan, planGroupProgress, type PlanGroup, type PlanRow } from './plans.queries';

/** Share of `year` elapsed on `today` (0 before it starts, 1 after it ends). */
export function yearElapsed(year: number, today: string): number {
  const days = daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
  return Math.min(1, Math.max(0, (daysBetween(`${year}-01-01`, today) + 1) / days));
}

/** The plan with its progress over the caller's scope; version 0 and no groups when none is stored yet. */
export async function presentPlan(db: DbOrTx, actor: Actor, year: number, plan: PlanRow | null, today: string) {
  const elapsed = yearElapsed(year, today);
  if (!plan) return { year, groups: [], version: 0, elapsed };
  const groups = [];
  for (const g of plan.groups as PlanGroup[]) {
    const p = await planGroupProgress(db, actor, year, g);
    const required = p.enterprises * g.timesPerYear;
    const expectedToDate = Math.round(required * elapsed);
    groups.push({ ...g, ...p, required, expectedToDate, behind: p.done < expectedToDate });
  }
  return { year: plan.year, groups, version: plan.version, elapsed };
}

export async function findPlanView(db: DbOrTx, actor: Actor, year: number, today: string) {
  return presentPlan(db, actor, year, await findPlan(db, actor, year), today);
}
