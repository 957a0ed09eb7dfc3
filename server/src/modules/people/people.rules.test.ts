// Special-operations certificate schedule and status at their boundaries (rules.md §5.2): validity 6 years
// (第十九条), review every 3 years or every 6 with the extension (第二十一条), the 60-day window before 期满 and the
// lapse of a certificate not reviewed on time (第二十二条); the catalogue's numbering (§5.1).
import { describe, expect, it } from 'vitest';
import {
  certificateSchedule,
  certificateStatus,
  countsAsValid,
  addSummaries,
  noSummary,
  operationItemName,
  reviewInWindow,
  specialOperationCatalogue,
  summaryPart,
} from './people.rules';
import { sampleSizeFor, warrantsRevocation } from './spot-checks.rules';
import { isValidIdNumber } from './people.vault';

const special = (o: Partial<Parameters<typeof certificateSchedule>[0]> = {}) =>
  certificateSchedule({ kind: 'special_operation', issuedOn: '2023-03-15', ...o });

describe('rules.md §5.1 catalogue', () => {
  it('numbers categories 1–11 and items in catalogue order', () => {
    expect(specialOperationCatalogue.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(operationItemName('1.2')).toBe('电工作业 / 低压电工作业');
    expect(operationItemName('9.16')).toBe('危险化学品安全作业 / 化工自动化控制仪表作业');
    expect(operationItemName('5.10')).toBe('煤矿安全作业 / 煤矿探放水作业');
    expect(operationItemName('11.1')).toBeNull();
    // Not the 特种设备 regime (TSG Z6001): no 叉车 or 起重机 in this list.
    expect(JSON.stringify(specialOperationCatalogue)).not.toMatch(/叉车|起重/);
  });
});

describe('rules.md §5.2 schedule', () => {
  it('第十九条/第二十一条: valid 6 years, reviewed at 3 years', () => {
    expect(special()).toEqual({ expiresOn: '2029-03-15', nextReviewOn: '2026-03-15', dueOn: '2026-03-15', windowOpensOn: '2026-01-14' });
  });
  it('第二十一条: extended to every 6 years, the next review is the expiry itself', () => {
    expect(special({ reviewExtended: true })).toMatchObject({ nextReviewOn: null, dueOn: '2029-03-15', windowOpensOn: '2029-01-14' });
  });
  it('第二十二条: a review counts only inside the 60 days up to its date', () => {
    expect(reviewInWindow('2023-03-15', '2026-01-13')).toBe(false);
    expect(reviewInWindow('2023-03-15', '2026-01-14')).toBe(true);
    expect(reviewInWindow('2023-03-15', '2026-03-15')).toBe(true);
    expect(reviewInWindow('2023-03-15', '2026-03-16')).toBe(false);
    expect(special({ reviewedOn: '2026-01-14' })).toMatchObject({ nextReviewOn: null, dueOn: '2029-03-15' });
    expect(special({ reviewedOn: '2026-03-16' })).toMatchObject({ nextReviewOn: '2026-03-15' });
  });
  it('a certificate issued on 29 February is due on 28 February', () => {
    expect(special({ issuedOn: '2024-02-29' })).toMatchObject({ nextReviewOn: '2027-02-28', expiresOn: '2030-02-28' });
  });
  it('other kinds carry the printed expiry and no review', () => {
    expect(certificateSchedule({ kind: 'safety_qualification', issuedOn: '2024-05-01', expiresOn: '2027-04-30' })).toEqual({
      expiresOn: '2027-04-30',
      nextReviewOn: null,
      dueOn: '2027-04-30',
      windowOpensOn: '2027-03-01',
    });
  });
});

describe('rules.md §5.2 status', () => {
  const s = special();
  it.each([
    ['2026-01-13', 'valid'],
    ['2026-01-14', 'due_for_review'],
    ['2026-03-15', 'due_for_review'],
    // 未按期复审: the day after the review date the certificate lapses.
    ['2026-03-16', 'expired'],
  ] as const)('on %s the unreviewed certificate is %s', (today, status) => {
    expect(certificateStatus(s, null, today)).toBe(status);
  });
  it('after the review, due at expiry: expired the day after 期满', () => {
    const r = special({ reviewedOn: '2026-02-01' });
    expect(certificateStatus(r, null, '2026-03-16')).toBe('valid');
    expect(certificateStatus(r, null, '2029-01-13')).toBe('valid');
    expect(certificateStatus(r, null, '2029-01-14')).toBe('due_for_review');
    expect(certificateStatus(r, null, '2029-03-15')).toBe('due_for_review');
    expect(certificateStatus(r, null, '2029-03-16')).toBe('expired');
  });
  it('revoked from the revocation day, whatever the dates', () => {
    expect(certificateStatus(s, '2025-06-01', '2025-05-31')).toBe('valid');
    expect(certificateStatus(s, '2025-06-01', '2025-06-01')).toBe('revoked');
  });
  it('valid and due-for-review count for the rate; expired and revoked do not', () => {
    expect(['valid', 'due_for_review', 'expired', 'revoked'].map((x) => countsAsValid(x as never))).toEqual([true, true, false, false]);
  });
});

describe("rules.md §5.3 the 三项岗位 rate: one person's part", () => {
  const today = '2026-06-10';
  const person = (post: string, employedFrom: string, employedTo: string | null = null) => ({ post, employedFrom, employedTo });
  const noCerts = () => [];
  it('counts a principal, safety manager or special operator employed today; holding only with a valid certificate', () => {
    expect(summaryPart(person('principal', '2020-01-01'), today, noCerts)).toEqual({ postPeople: 1, postHolders: 0, nextChangeOn: null });
    expect(summaryPart(person('special_operator', '2020-01-01'), today, () => ['2027-01-01', '2028-05-31'])).toEqual({
      postPeople: 1,
      postHolders: 1,
      nextChangeOn: '2028-06-01', // the day after the last due date
    });
  });
  it('counts from the first day of employment through the last, and changes the day after', () => {
    expect(summaryPart(person('safety_manager', today), today, noCerts).postPeople).toBe(1);
    expect(summaryPart(person('safety_manager', '2026-06-11'), today, noCerts)).toEqual({
      postPeople: 0,
      postHolders: 0,
      nextChangeOn: '2026-06-11',
    });
    expect(summaryPart(person('safety_manager', '2020-01-01', today), today, noCerts)).toEqual({
      postPeople: 1,
      postHolders: 0,
      nextChangeOn: '2026-06-11',
    });
    expect(summaryPart(person('safety_manager', '2020-01-01', '2026-06-09'), today, noCerts)).toEqual(noSummary);
  });
  it('leaves out other posts, and asks for certificates only of a person counted', () => {
    const asked: string[] = [];
    const ask = (who: string) => () => (asked.push(who), ['2030-01-01']);
    expect(summaryPart(person('equipment_operator', '2020-01-01'), today, ask('equipment'))).toEqual(noSummary);
    expect(summaryPart(person('other', '2020-01-01'), today, ask('other'))).toEqual(noSummary);
    summaryPart(person('principal', '2027-01-01'), today, ask('future'));
    expect(asked).toEqual([]);
  });
  it('adds parts: counts sum, the next change is the earliest', () => {
    const a = { postPeople: 3, postHolders: 1, nextChangeOn: '2026-09-01' };
    expect(addSummaries(a, { postPeople: 1, postHolders: 0, nextChangeOn: '2026-07-01' })).toEqual({
      postPeople: 4,
      postHolders: 1,
      nextChangeOn: '2026-07-01',
    });
    expect(addSummaries(a, noSummary)).toEqual(a);
    expect(addSummaries(noSummary, noSummary)).toEqual(noSummary);
  });
});

describe('GB 11643 identity number check', () => {
  it('accepts the standard example and refuses a wrong check character or day', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300026')).toBe(false);
  });
});

describe('抽查 of certificate holders (seed 000 五(五)18)', () => {
  it('revokes for 专业技能不合格 and 证件与本人不符, never for a pass, an expired certificate or 无证上岗; `other` by the officer', () => {
    expect(warrantsRevocation('unqualified')).toBe(true);
    expect(warrantsRevocation('identity_mismatch')).toBe(true);
    expect(warrantsRevocation('pass', true)).toBe(false);
    expect(warrantsRevocation('expired', true)).toBe(false);
    expect(warrantsRevocation('unlicensed', true)).toBe(false);
    expect(warrantsRevocation('other')).toBe(false);
    expect(warrantsRevocation('other', true)).toBe(true);
  });

  it('draws the size asked or the ratio rounded up, never more than the population or the cap', () => {
    expect(sampleSizeFor(40, { sampleSize: 5 })).toBe(5);
    expect(sampleSizeFor(3, { sampleSize: 5 })).toBe(3);
    expect(sampleSizeFor(40, { ratio: 0.1 })).toBe(4);
    expect(sampleSizeFor(41, { ratio: 0.1 })).toBe(5);
    expect(sampleSizeFor(30, { ratio: 0.1 })).toBe(3);
    expect(sampleSizeFor(0, { ratio: 0.5 })).toBe(0);
    expect(sampleSizeFor(10_000, { ratio: 1 })).toBe(500);
  });
});
