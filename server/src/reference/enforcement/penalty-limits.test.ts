// Boundaries of the penalty procedure limits (行政处罚法 2021 §51, §60, §67, §72; 行政强制法 §45).
import { describe, expect, it } from 'vitest';
import {
  decisionDue,
  defaultHearingConfig,
  earliestHearingOn,
  hearingIsARight,
  hearingNoticeRefusal,
  hearingRequestDue,
  hearingRequestRefusal,
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

  it('§51: on-the-spot fines ≤ 200 yuan (citizen) and ≤ 3,000 yuan (organisation)', () => {
    expect(onTheSpotRefusal('natural_person', 200)).toBeNull();
    expect(onTheSpotRefusal('natural_person', 201)).not.toBeNull();
    expect(onTheSpotRefusal('organisation', 3000)).toBeNull();
    expect(onTheSpotRefusal('organisation', 3000.01)).not.toBeNull();
  });

  it('withdrawal of a changed decision is due within 3 days', () => {
    expect(withdrawalDue('2026-12-30')).toBe('2027-01-02');
  });
});

describe('安全生产法 fine ranges (rules.md §10.1)', () => {
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

describe('听证 (行政处罚法 §63, §64; rules.md §10.2, M — configuration with these defaults)', () => {
  it('the party asks within 5 days of the notice, not before it and not on the 6th day', () => {
    expect(hearingRequestDue('2026-09-28')).toBe('2026-10-03'); // across the National Day holiday: calendar days
    expect(hearingRequestRefusal('2026-09-28', '2026-09-28')).toBeNull();
    expect(hearingRequestRefusal('2026-09-28', '2026-10-03')).toBeNull();
    expect(hearingRequestRefusal('2026-09-28', '2026-10-04')?.zh).toContain('5日内');
    expect(hearingRequestRefusal('2026-09-28', '2026-09-27')).not.toBeNull();
  });

  it('the hearing is notified at least 7 days before it is held', () => {
    expect(earliestHearingOn('2026-12-28')).toBe('2027-01-04');
    expect(hearingNoticeRefusal('2026-12-28', '2027-01-04')).toBeNull();
    expect(hearingNoticeRefusal('2026-12-28', '2027-01-03')?.en).toContain('2027-01-04');
  });

  it('较大数额: from 2万 for a person and 5万 for an organisation by default; a province may set its own', () => {
    expect(hearingIsARight('natural_person', 19_999.99)).toBe(false);
    expect(hearingIsARight('natural_person', 20_000)).toBe(true);
    expect(hearingIsARight('organisation', 49_999)).toBe(false);
    expect(hearingIsARight('organisation', 50_000)).toBe(true);
    expect(hearingIsARight('organisation', null)).toBe(false);
    const guangdong = { ...defaultHearingConfig, threshold: { natural_person: 10_000, organisation: 30_000 } };
    expect(hearingIsARight('organisation', 30_000, guangdong)).toBe(true);
    expect(hearingRequestRefusal('2026-03-02', '2026-03-10', { ...guangdong, requestDays: 10 })).toBeNull();
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
