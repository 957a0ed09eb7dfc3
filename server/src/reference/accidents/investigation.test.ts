// Sources: 国务院令第493号 第十九条 (who investigates, M), 第二十九条 (60 days + at most 60, M),
// 第三十二条 (批复 15/30 days + at most 30, H) — docs/rules.md §2.3; follow-up duties: 汕尾 plan
// (seeds/001) 四(一)2 interview, 四(一)3 retraining within 3 months, 四(二)5 warning education;
// 应急管理部令第11号 (docs/rules.md §9); "一案双查" (seeds/000, seeds/004). Offsets marked 'assumed' are defaults.
import { describe, expect, it } from 'vitest';
import { approvalDue, followUpDuties, investigationAuthority, investigationReportDue } from './investigation';

const none = { deaths: 0, seriousInjuries: 0, directLossWan: 0 };

describe('第二十九条: investigation report due', () => {
  it('is due 60 days after the accident day, and at most 60 more with one extension', () => {
    expect(investigationReportDue('2026-03-01')).toBe('2026-04-30');
    expect(investigationReportDue('2026-03-01', 60)).toBe('2026-06-29');
    expect(() => investigationReportDue('2026-03-01', 61)).toThrow(RangeError);
  });
  it('reads an instant as its China day (23:30 UTC on 28 Feb is 1 March in China)', () => {
    expect(investigationReportDue(new Date('2026-02-28T23:30:00Z'))).toBe('2026-04-30');
  });
});

describe('第三十二条: 批复 due', () => {
  it('is 15 days for 重大, 较大 and 一般, 30 for 特别重大', () => {
    expect(approvalDue('general', '2026-04-30')).toBe('2026-05-15');
    expect(approvalDue('larger', '2026-04-30')).toBe('2026-05-15');
    expect(approvalDue('major', '2026-04-30')).toBe('2026-05-15');
    expect(approvalDue('especially_major', '2026-04-30')).toBe('2026-05-30');
  });
  it('may be extended by at most 30 days', () => {
    expect(approvalDue('major', '2026-04-30', 30)).toBe('2026-06-14');
    expect(() => approvalDue('major', '2026-04-30', 31)).toThrow(RangeError);
  });
});

describe('第十九条: who investigates', () => {
  it('特别重大 the State Council, 重大 the province, 较大 the city, 一般 the county', () => {
    expect(investigationAuthority('especially_major', { ...none, deaths: 30 }).government).toBe('state_council');
    expect(investigationAuthority('major', { ...none, deaths: 10 }).government).toBe('province');
    expect(investigationAuthority('larger', { ...none, deaths: 3 }).government).toBe('city');
    expect(investigationAuthority('general', { ...none, deaths: 1 })).toEqual({ government: 'county', mayEntrustUnit: false });
  });
  it('lets the county entrust the unit only for a 一般 accident without casualties', () => {
    expect(investigationAuthority('general', { ...none, directLossWan: 50 }).mayEntrustUnit).toBe(true);
    expect(investigationAuthority('general', { ...none, seriousInjuries: 1 }).mayEntrustUnit).toBe(false);
    expect(investigationAuthority('larger', { ...none, directLossWan: 2000 }).mayEntrustUnit).toBe(false);
  });
});

describe('follow-up duties of a fatal accident', () => {
  it('creates five duties with due days counted from the accident day', () => {
    const duties = followUpDuties({ occurredAt: '2026-01-31', level: 'general', casualties: { ...none, deaths: 1 } });
    expect(duties.map((d) => [d.duty, d.due])).toEqual([
      ['interview_principal', '2026-02-15'], // 15 days (assumed default)
      ['principal_retraining', '2026-04-30'], // 三个月内 (汕尾 四(一)3); 31 Jan + 3 months clamps to 30 April
      ['warning_education', '2026-04-30'], // 3 months (assumed default)
      ['credit_blacklist_review', '2026-05-01'], // 90 days (assumed default)
      ['double_investigation', '2026-04-01'], // 60 days, with the investigation (assumed default)
    ]);
    expect(duties.find((d) => d.duty === 'interview_principal')?.conductedBy).toBe('county');
    expect(duties.find((d) => d.duty === 'credit_blacklist_review')?.listingMandatory).toBe(false);
  });
  it('has the city interview the principal after a 较大 accident (汕尾 四(一)2)', () => {
    const duties = followUpDuties({ occurredAt: '2026-03-01', level: 'larger', casualties: { ...none, deaths: 3 } });
    expect(duties.find((d) => d.duty === 'interview_principal')?.conductedBy).toBe('city');
  });
  it('makes listing mandatory after a 重大 accident, even one with injuries only (令11号)', () => {
    const duties = followUpDuties({ occurredAt: '2026-03-01', level: 'major', casualties: { ...none, seriousInjuries: 60 } });
    expect(duties.map((d) => d.duty)).toEqual(['interview_principal', 'credit_blacklist_review']);
    expect(duties[1]?.listingMandatory).toBe(true);
  });
  it('asks only for the interview after a non-fatal 一般 accident', () => {
    expect(
      followUpDuties({ occurredAt: '2026-03-01', level: 'general', casualties: { ...none, seriousInjuries: 2 } }).map((d) => d.duty),
    ).toEqual(['interview_principal']);
  });
  it('treats a missing person as fatal, and labels every duty in both languages', () => {
    const duties = followUpDuties({ occurredAt: '2026-03-01', level: 'general', casualties: { ...none, missing: 1 } });
    expect(duties).toHaveLength(5);
    for (const d of duties) expect(d.label.zh && d.label.en).toBeTruthy();
  });
});
