// 举报 duplicates (issue 15 item 3; seeds 004 §13 "one line, one intake, one handling process"): a report is suggested
// as a duplicate of another about the same enterprise, or placed within a distance of it, submitted within a time
// window of each other. Both bounds are local practice (L), not national rules: a deployment changes them here.
// Merging keeps every reporter: the merged report keeps its own sealed identity, the earlier one counts them.
import type { ReportStatus } from '@anjian/contracts';

export const duplicateRules = {
  /** L: two pinned reports this close (metres, great-circle) may be about the same place. */
  distanceM: 200,
  /** L: … when submitted within this many days of each other. */
  windowDays: 30,
  /** At most this many suggestions on a report's page. */
  limit: 20,
} as const;

/** The report merged into must be still being handled (the merged one's states are the machine's 'merge.from'). */
export const mergeTargetStates: readonly ReportStatus[] = ['received', 'accepted', 'handling'];

/** Whether two submission days are within the window (inclusive), as ISO dates. */
export function withinWindow(a: string, b: string, days = duplicateRules.windowDays): boolean {
  const ms = Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));
  return ms <= days * 86_400_000;
}
