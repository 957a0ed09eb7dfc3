// 举报 time limits (《安全生产领域举报奖励办法》 and the 12350 centre's practice, seeds 004 §13): a report is accepted or
// refused within 5 working days of receipt, and handled within 60 days of acceptance. Deadlines count on the official
// working-day calendar (platform/calendar.ts) in China Standard Time. A deployment changes these constants here.
import type { DeadlineUnit } from '../../platform/calendar';

export interface TimeLimit {
  n: number;
  unit: DeadlineUnit;
}

export const reportTimeLimits: { accept: TimeLimit; handle: TimeLimit } = {
  /** 受理: within 5 working days of receipt. */
  accept: { n: 5, unit: 'workday' },
  /** 核查处理: within 60 (calendar) days of acceptance. */
  handle: { n: 60, unit: 'calendar' },
};

/** Length of the tracking code (base32, 5 bits a character: 12 characters = 60 random bits). */
export const TRACKING_CODE_LENGTH = 12;
