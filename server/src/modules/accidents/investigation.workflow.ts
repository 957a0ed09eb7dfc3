// The investigation's status as data: not_started → in_progress → reported (the team's report is
// with the government) → approved (批复). Nothing else writes the status column; the status follows
// from the dates the user records, and only the transitions listed here are allowed.
import type { InvestigationStatus } from '@anjian/contracts';
import { fieldError } from '../../platform/errors';

export const INVESTIGATION_TRANSITIONS: Record<InvestigationStatus, readonly InvestigationStatus[]> = {
  not_started: ['in_progress', 'reported'],
  in_progress: ['in_progress', 'reported'],
  // A report sent back for rework returns to in_progress.
  reported: ['reported', 'approved', 'in_progress'],
  // 批复 closes the investigation: its findings are what the penalties rest on.
  approved: [],
};

export function statusFromDates(d: { reportSubmittedOn: string | null; approvedOn: string | null }): InvestigationStatus {
  if (d.approvedOn) return 'approved';
  if (d.reportSubmittedOn) return 'reported';
  return 'in_progress';
}

export function assertTransition(from: InvestigationStatus, to: InvestigationStatus): void {
  if (INVESTIGATION_TRANSITIONS[from].includes(to)) return;
  if (from === 'approved') {
    throw fieldError(
      'status',
      '调查报告已批复，调查记录不能再修改',
      'The report has been approved: the investigation can no longer change',
      'CONFLICT',
    );
  }
  throw fieldError('approvedOn', '调查报告提交后才能登记批复', 'Record the report’s submission before its approval');
}
