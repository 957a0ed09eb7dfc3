// Test fixtures for the official calendar supplement. These dates are INVENTED — not the State Council's schedule for
// 2027 or any year — so no test passes a guess off as official: a whole week off in January (Mon 4 – Fri 8) and the
// weekend after it worked. A real entry copies its dates from the notice (国务院办公厅关于XXXX年部分节假日安排的通知).
import type { PutCalendarYearBody } from '@anjian/contracts';

export const FICTIONAL_2027: PutCalendarYearBody = {
  noticeTitle: '测试用虚构节假日安排（非官方） / Fictional test schedule (not official)',
  noticeNumber: '测试〔2099〕1号',
  holidays: ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'],
  workdays: ['2027-01-09', '2027-01-10'],
};
