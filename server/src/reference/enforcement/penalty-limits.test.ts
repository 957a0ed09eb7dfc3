// Boundaries of the penalty procedure limits (行政处罚法 2021 §48, §51, §60, §64, §67, §72, §85; 行政强制法 §45).
// §85: "本法中'二日''三日''五日''七日'的规定是指工作日，不含法定节假日" — the hearing periods and the withdrawal period count
// working days of the official calendar as chinese-days carries it (2026: 春节 15–23 Feb off, Sat 14 and Sat 28 Feb
// worked; 中秋 25–27 Sep and 国庆 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked); the other periods stay calendar days.
import { describe, expect, it } from 'vitest';
import { calendarYears, CalendarGapError } from '../../platform/calendar';
import {
  decisionClock,
  decisionDue,
  defaultHearingConfig,
  earliestHearingOn,
  hearingConfigIssues,
  hearingIsARight,
  hearingNoticeRefusal,
  hearingPauseDays,
  hearingRequestDue,
  hearingRequestRefusal,
  hearingRequestTimely,
  lateSurchargeFen,
  onTheSpotRefusal,
  paymentDue,
  reinspectionOverdue,
  withdrawalDue,
} from './penalty-limits';
import { checkFine } from './penalty-basis';

describe('行政处罚法 limits', () => {
  it('§60: the decision is due 90 days after filing, plus approved extensions', () => {
    expect(decisionDue('2026-01-01')).toBe('2026-04-01');
    expect(decisionDue('2026-01-01', [30, 15])).toBe('2026-05-16');
    expect(decisionDue('2024-01-01')).toBe('2024-03-31'); // leap year
  });

  it('§67/§72: no surcharge up to the 15th day after service, 3 % a day after, capped at the fine', () => {
    const fine = 1_000_000; // 10,000 yuan in fen
    expect(paymentDue('2026-03-01')).toBe('2026-03-16');
    expect(lateSurchargeFen(fine, '2026-03-01', '2026-03-16')).toBe(0);
    expect(lateSurchargeFen(fine, '2026-03-01', '2026-03-17')).toBe(30_000);
    expect(lateSurchargeFen(fine, '2026-03-01', '2026-03-28')).toBe(360_000);
    // 33 days late = 99 %; 34 days = 102 % → capped at the fine.
    expect(lateSurchargeFen(fine, '2026-03-01', '2026-04-18')).toBe(990_000);
    expect(lateSurchargeFen(fine, '2026-03-01', '2026-04-19')).toBe(fine);
    expect(lateSurchargeFen(fine, '2026-03-01', '2027-01-01')).toBe(fine);
    expect(lateSurchargeFen(fine, '2026-03-01', '2026-03-02')).toBe(0);
  });

  it('§60/§67/§72 are not in §85’s list: calendar days, holidays included', () => {
    expect(paymentDue('2026-09-28')).toBe('2026-10-13'); // 15 days across 国庆, not 15 working days (2026-10-22)
    expect(lateSurchargeFen(100_000, '2026-09-28', '2026-10-14')).toBe(3_000);
    expect(decisionDue('2026-09-01')).toBe('2026-11-30');
  });

  it('§51: on-the-spot fines ≤ 200 yuan (citizen) and ≤ 3,000 yuan (organisation)', () => {
    expect(onTheSpotRefusal('natural_person', 200)).toBeNull();
    expect(onTheSpotRefusal('natural_person', 201)).not.toBeNull();
    expect(onTheSpotRefusal('organisation', 3000)).toBeNull();
    expect(onTheSpotRefusal('organisation', 3000.01)).not.toBeNull();
  });

  it('§48 with §85: a changed decision is withdrawn from publication within 3 working days', () => {
    expect(withdrawalDue('2026-03-06')).toBe('2026-03-11'); // Friday: Mon, Tue, Wed
    expect(withdrawalDue('2026-09-29')).toBe('2026-10-09'); // 30 Sep, then 国庆 off, 8 and 9 Oct
  });
});

describe('安全生产法 fine ranges (docs/rules.md §10.1)', () => {
  it('accepts fines inside the article range and refuses outside', () => {
    expect(checkFine('AQSCF2021-94', 'first', 20_000)).toBeNull();
    expect(checkFine('AQSCF2021-94', 'first', 50_000)).toBeNull();
    expect(checkFine('AQSCF2021-94', 'first', 19_999)).not.toBeNull();
    expect(checkFine('AQSCF2021-94', 'first', 50_001)).not.toBeNull();
    expect(checkFine('AQSCF2021-114-general', 'first', 300_000)).toBeNull();
    expect(checkFine('AQSCF2021-114-general', 'first', 290_000)).not.toBeNull();
    expect(checkFine('AQSCF2021-102', 'aggravated', 1)).not.toBeNull();
    expect(checkFine('nope', 'first', 1)).not.toBeNull();
  });
});

describe('听证 periods in working days (行政处罚法 §64 with §85; docs/rules.md §10.2, M — configuration with these defaults)', () => {
  it('§64(一): the party asks by the 5th working day after the 告知书 — across 国庆 2026 that is the make-up Saturday', () => {
    // Mon 28 Sep: Tue 29 (1), Wed 30 (2), 1–7 Oct off, Thu 8 (3), Fri 9 (4), Sat 10 worked (5).
    expect(hearingRequestDue('2026-09-28')).toBe('2026-10-10');
    expect(hearingRequestRefusal('2026-09-28', '2026-09-28')).toBeNull(); // on the notice day
    expect(hearingRequestRefusal('2026-09-28', '2026-10-05')).toBeNull(); // in the holiday: none of it counted
    expect(hearingRequestRefusal('2026-09-28', '2026-10-10')).toBeNull(); // the 5th working day
    expect(hearingRequestRefusal('2026-09-28', '2026-10-11')).not.toBeNull(); // the Sunday after it
    const late = hearingRequestRefusal('2026-09-28', '2026-10-12'); // the next working day
    expect(late?.zh).toContain('5个工作日内（至2026-10-10）');
    expect(late?.zh).toContain('第八十五条');
    expect(late?.en).toContain('5 working days of the notice of 2026-09-28 (by 2026-10-10)');
    expect(hearingRequestRefusal('2026-09-28', '2026-09-27')).not.toBeNull(); // before the notice
  });

  it('a make-up Sunday counts and the holiday right after the 5th working day does not extend it (中秋 2026)', () => {
    // Fri 18 Sep: Sun 20 worked (1), 21–24 (2–5), 25–27 Sep off.
    expect(hearingRequestDue('2026-09-18')).toBe('2026-09-24');
    expect(hearingRequestRefusal('2026-09-18', '2026-09-24')).toBeNull();
    expect(hearingRequestRefusal('2026-09-18', '2026-09-25')).not.toBeNull();
  });

  it('across 春节 2026: the 9 days off do not count, the make-up Saturday before them does', () => {
    // Wed 11 Feb: Thu 12 (1), Fri 13 (2), Sat 14 worked (3), 15–23 off, Tue 24 (4), Wed 25 (5).
    expect(hearingRequestDue('2026-02-11')).toBe('2026-02-25');
    expect(hearingRequestRefusal('2026-02-11', '2026-02-25')).toBeNull();
    expect(hearingRequestRefusal('2026-02-11', '2026-02-26')?.zh).toContain('至2026-02-25');
    expect(earliestHearingOn('2026-02-11')).toBe('2026-02-27');
  });

  it('§64(二): the hearing is notified at least 7 working days before it is held', () => {
    // An ordinary fortnight: notified Mon 2 Mar, weekends out, earliest Wed 11 Mar.
    expect(hearingRequestDue('2026-03-02')).toBe('2026-03-09');
    expect(earliestHearingOn('2026-03-02')).toBe('2026-03-11');
    expect(hearingNoticeRefusal('2026-03-02', '2026-03-11')).toBeNull();
    expect(hearingNoticeRefusal('2026-03-02', '2026-03-10')?.en).toContain('7 working days ahead: the earliest date is 2026-03-11');
    // Across 国庆: Sat 10 Oct is the 5th, Mon 12 the 6th, Tue 13 the 7th working day after Mon 28 Sep.
    expect(earliestHearingOn('2026-09-28')).toBe('2026-10-13');
    expect(hearingNoticeRefusal('2026-09-28', '2026-10-13')).toBeNull();
    expect(hearingNoticeRefusal('2026-09-28', '2026-10-20')).toBeNull();
    expect(hearingNoticeRefusal('2026-09-28', '2026-10-12')?.zh).toContain('7个工作日前送达，听证日期最早为2026-10-13');
    expect(hearingNoticeRefusal('2026-09-28', '2026-10-05')).not.toBeNull(); // 7 calendar days: too short
  });

  it('a year the calendar lacks stops the count only when the answer depends on it', () => {
    const last = Math.max(...calendarYears());
    const next = last + 1;
    // Timely within 5 calendar days whatever the holidays: 5 working days are never fewer.
    expect(hearingRequestTimely(`${last}-12-30`, `${next}-01-04`)).toBe(true);
    expect(() => hearingRequestTimely(`${last}-12-30`, `${next}-01-12`)).toThrow(CalendarGapError);
    // The 7th working day falls in December: a hearing in the unknown year is far enough ahead.
    expect(hearingNoticeRefusal(`${last}-12-01`, `${next}-02-01`)).toBeNull();
    expect(() => hearingNoticeRefusal(`${last}-12-30`, `${next}-01-20`)).toThrow(CalendarGapError);
    // Refused without counting into the unknown year; the last day is left out of the message, not guessed.
    const short = hearingNoticeRefusal(`${last}-12-28`, `${last}-12-31`);
    expect(short?.zh).toContain('7个工作日前送达');
    expect(short?.zh).not.toContain('最早');
    expect(hearingRequestRefusal(`${last}-12-30`, `${last}-12-29`)?.zh).not.toContain('（至');
    expect(() => withdrawalDue(`${last}-12-31`)).toThrow(CalendarGapError);
  });

  it('较大数额: from 2万 for a person and 5万 for an organisation by default; a province may set its own', () => {
    expect(hearingIsARight('natural_person', 19_999.99)).toBe(false);
    expect(hearingIsARight('natural_person', 20_000)).toBe(true);
    expect(hearingIsARight('organisation', 49_999)).toBe(false);
    expect(hearingIsARight('organisation', 50_000)).toBe(true);
    expect(hearingIsARight('organisation', null)).toBe(false);
    const guangdong = { ...defaultHearingConfig, threshold: { natural_person: 10_000, organisation: 30_000 } };
    expect(hearingIsARight('organisation', 30_000, guangdong)).toBe(true);
    // 10 working days from Mon 2 Mar run to Mon 16 Mar.
    const tenDays = { ...guangdong, requestDays: 10 };
    expect(hearingRequestRefusal('2026-03-02', '2026-03-16', tenDays)).toBeNull();
    expect(hearingRequestRefusal('2026-03-02', '2026-03-17', tenDays)?.zh).toContain('10个工作日内（至2026-03-16）');
  });
});

describe('hearing settings checks (docs/rules.md §10.2 defaults; §51 on-the-spot limits as the floor of 较大数额)', () => {
  it('accepts the defaults and a province’s own values, refuses slips with bilingual reasons', () => {
    expect(hearingConfigIssues(defaultHearingConfig)).toEqual([]);
    expect(
      hearingConfigIssues({ ...defaultHearingConfig, threshold: { natural_person: 201, organisation: 3001 }, requestDays: 30 }),
    ).toEqual([]);
    const slip = hearingConfigIssues({ ...defaultHearingConfig, threshold: { natural_person: 200, organisation: 3000 } });
    expect(slip.map((i) => i.field)).toEqual(['threshold.natural_person', 'threshold.organisation']);
    expect(slip[0]!.zh).toContain('200元');
    expect(slip[1]!.en).toContain('3000');
    expect(
      hearingConfigIssues({ ...defaultHearingConfig, threshold: { natural_person: 20_000.5, organisation: 100_000_001 } }),
    ).toHaveLength(2);
    expect(hearingConfigIssues({ ...defaultHearingConfig, requestDays: 0, noticeDays: 31 }).map((i) => i.field)).toEqual([
      'requestDays',
      'noticeDays',
    ]);
    expect(hearingConfigIssues({ ...defaultHearingConfig, excludeFromDecisionLimit: 'yes' as never })[0]?.field).toBe(
      'excludeFromDecisionLimit',
    );
  });
});

describe('听证时间不计入办案期限 (docs/rules.md §10.2 §60; 市场监督管理行政处罚程序规定 §64 and provincial 应急管理 procedure rules; M/L — a setting, default on)', () => {
  // Filed 2026-01-01: 90 days → due 2026-04-01 without a hearing.
  const filed = { filedOn: '2026-01-01', extensionDays: [] as number[], hearingRequestedOn: null, hearingHeldOn: null, decidedOn: null };
  const requested = { ...filed, hearingRequestedOn: '2026-03-01' };
  const off = { ...defaultHearingConfig, excludeFromDecisionLimit: false };

  it('counts from the request day (not counted) to the hearing day (not counted against the limit)', () => {
    expect(hearingPauseDays(null, null, '2026-03-05')).toBe(0);
    expect(hearingPauseDays('2026-03-01', '2026-03-01', '2026-03-20')).toBe(0);
    expect(hearingPauseDays('2026-03-01', '2026-03-10', '2026-03-20')).toBe(9);
    expect(hearingPauseDays('2026-03-01', null, '2026-03-04')).toBe(3); // pending: up to today
    expect(hearingPauseDays('2026-03-01', null, '2026-02-28')).toBe(0); // never negative
    // Calendar days like the 90 they come out of, even though the periods before the hearing count working days.
    expect(hearingPauseDays('2026-09-28', '2026-10-13', '2026-10-20')).toBe(15);
  });

  it('no hearing: 90 days and extensions, remaining days count down, overdue from the day after', () => {
    expect(decisionClock(filed, '2026-03-31')).toEqual({
      due: '2026-04-01',
      hearingDays: 0,
      paused: false,
      remainingDays: 1,
      overdue: false,
    });
    expect(decisionClock(filed, '2026-04-01')).toMatchObject({ remainingDays: 0, overdue: false });
    expect(decisionClock(filed, '2026-04-02')).toMatchObject({ remainingDays: -1, overdue: true });
    expect(decisionClock({ ...filed, extensionDays: [30] }, '2026-04-02')).toMatchObject({ due: '2026-05-01', overdue: false });
  });

  it('on the request day the clock stops: the due date then moves one day a day, the remaining days stand still', () => {
    expect(decisionClock(requested, '2026-03-01')).toEqual({
      due: '2026-04-01',
      hearingDays: 0,
      paused: true,
      remainingDays: 31,
      overdue: false,
    });
    expect(decisionClock(requested, '2026-03-02')).toEqual({
      due: '2026-04-02',
      hearingDays: 1,
      paused: true,
      remainingDays: 31,
      overdue: false,
    });
    // Pending long past the 90 days: still not overdue, since none of those days count.
    expect(decisionClock(requested, '2026-06-30')).toMatchObject({ due: '2026-07-31', paused: true, remainingDays: 31, overdue: false });
  });

  it('the hearing held restarts it: the hearing day is the last one not counted', () => {
    const heard = { ...requested, hearingHeldOn: '2026-03-10' };
    expect(decisionClock(heard, '2026-03-10')).toEqual({
      due: '2026-04-10',
      hearingDays: 9,
      paused: false,
      remainingDays: 31,
      overdue: false,
    });
    expect(decisionClock(heard, '2026-03-11')).toMatchObject({ due: '2026-04-10', remainingDays: 30 });
    expect(decisionClock(heard, '2026-04-11')).toMatchObject({ overdue: true, remainingDays: -1 });
    // With an extension the days add up.
    expect(decisionClock({ ...heard, extensionDays: [30] }, '2026-03-11').due).toBe('2026-05-10');
  });

  it('a request made when the case was already late does not make it timely again', () => {
    const late = { ...filed, hearingRequestedOn: '2026-04-05' };
    expect(decisionClock(late, '2026-04-05')).toMatchObject({ due: '2026-04-01', paused: true, remainingDays: -4, overdue: true });
    expect(decisionClock(late, '2026-04-20')).toMatchObject({ due: '2026-04-16', remainingDays: -4, overdue: true });
  });

  it('a decision ends a pause no hearing closed, and the due date stops moving', () => {
    const decided = { ...requested, decidedOn: '2026-03-20' };
    expect(decisionClock(decided, '2026-05-01')).toEqual({
      due: '2026-04-20',
      hearingDays: 19,
      paused: false,
      remainingDays: null,
      overdue: false,
    });
  });

  it('when the deployment counts hearing time, a hearing changes nothing', () => {
    expect(decisionClock(requested, '2026-03-20', off)).toEqual({
      due: '2026-04-01',
      hearingDays: 0,
      paused: false,
      remainingDays: 12,
      overdue: false,
    });
    expect(decisionClock({ ...requested, hearingHeldOn: '2026-03-10' }, '2026-04-02', off)).toMatchObject({
      due: '2026-04-01',
      overdue: true,
    });
  });
});

describe('整改复查 window (L: configuration, default 10 days after the deadline)', () => {
  it('is on time through the 10th day after the deadline and late from the 11th, unless done', () => {
    expect(reinspectionOverdue('2026-09-30', null, '2026-10-10')).toBe(false); // across National Day: calendar days
    expect(reinspectionOverdue('2026-09-30', null, '2026-10-11')).toBe(true);
    expect(reinspectionOverdue('2026-09-30', '2026-10-12', '2026-10-20')).toBe(false);
    expect(reinspectionOverdue(null, null, '2026-10-20')).toBe(false);
    expect(reinspectionOverdue('2026-09-30', null, '2026-10-05', { windowDays: 3 })).toBe(true);
  });
});
