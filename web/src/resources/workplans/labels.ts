// Shared bits of the 工作方案 screens: status colours and the current month.
import type { MonthlyReportState, WorkTaskStatus } from '@anjian/contracts';
import { cstToday } from '../../app/time';

export const statusColor: Record<WorkTaskStatus, string> = {
  assigned: 'default',
  in_progress: 'processing',
  reported_done: 'gold',
  accepted: 'green',
  returned: 'red',
};

export const reportStateColor: Record<MonthlyReportState, string> = {
  filed: 'green',
  late: 'orange',
  missing: 'red',
  pending: 'blue',
  not_required: 'default',
};

/** 'YYYY-MM' of today in China. */
export function currentMonth(): string {
  return cstToday().slice(0, 7);
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
