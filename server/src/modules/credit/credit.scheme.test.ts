// The credit scoring scheme (configuration with documented defaults, credit.scheme.ts): deductions per kind and
// accident level, the 36-month window at its boundary, withdrawn entries not counting, thresholds at their edges, and
// the caps (a 重大 accident; a current listing under 部令第11号, rules.md §9) overriding the score.
import { describe, expect, it } from 'vitest';
import { computeCredit, counts, creditSchemes, gradeOfScore, type ScoredEntry } from './credit.scheme';

const s = creditSchemes['2026.1']!;
const e = (o: Partial<ScoredEntry> = {}): ScoredEntry => ({
  kind: 'penalty',
  severity: null,
  occurredOn: '2026-06-01',
  status: 'active',
  ...o,
});

describe('credit scheme 2026.1', () => {
  it('is A with no entries, and shows the base', () => {
    const c = computeCredit(s, [], '2026-12-01');
    expect(c).toMatchObject({ score: 100, grade: 'A', deducted: 0, lines: [], caps: [], schemeVersion: '2026.1' });
  });
  it('deducts per entry, grouped by kind and accident level', () => {
    const c = computeCredit(s, [e(), e(), e({ kind: 'accident', severity: 'general' }), e({ kind: 'major_hazard' })], '2026-12-01');
    expect(c.deducted).toBe(10 + 10 + 15 + 10);
    expect(c.score).toBe(55);
    expect(c.grade).toBe('D');
    expect(c.lines.find((l) => l.kind === 'penalty')).toMatchObject({ count: 2, pointsEach: 10, points: 20 });
  });
  it('grades at the thresholds: 90 A, 89 B, 75 B, 74 C, 60 C, 59 D', () => {
    expect([90, 89, 75, 74, 60, 59].map((x) => gradeOfScore(s, x))).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
  });
  it('counts an entry exactly 36 months back and not a day older; never a withdrawn one', () => {
    expect(counts(s, e({ occurredOn: '2023-12-01' }), '2026-12-01')).toBe(true);
    expect(counts(s, e({ occurredOn: '2023-11-30' }), '2026-12-01')).toBe(false);
    expect(counts(s, e({ status: 'withdrawn' }), '2026-12-01')).toBe(false);
    expect(computeCredit(s, [e({ status: 'withdrawn' })], '2026-12-01').grade).toBe('A');
  });
  it('caps the grade at D for a 重大 accident or a current listing, whatever the score', () => {
    const major = computeCredit(s, [e({ kind: 'accident', severity: 'major' })], '2026-12-01');
    expect(major.score).toBe(40);
    expect(major.caps.map((c) => c.rule)).toEqual(['major_accident']);
    const listed = computeCredit(s, [], '2026-12-01', { listed: true });
    expect(listed).toMatchObject({ score: 100, gradeByScore: 'A', grade: 'D' });
  });
  it('is pure: the same entries and day give the same calculation', () => {
    const entries = [e(), e({ kind: 'refusal_to_rectify' })];
    expect(computeCredit(s, entries, '2026-12-01')).toEqual(computeCredit(s, [...entries].reverse(), '2026-12-01'));
  });
});

describe('credit scheme 2026.2 (good records and 安责险; seeds 001–004, rules.md §7)', () => {
  const s2 = creditSchemes['2026.2']!;
  it('keeps every deduction of 2026.1 and deducts 10 for a mandatory enterprise without 安责险 (seed 004 15.)', () => {
    const c = computeCredit(s2, [e(), e({ kind: 'uninsured' })], '2026-12-01');
    expect(c).toMatchObject({ deducted: 20, credited: 0, score: 80, grade: 'B', schemeVersion: '2026.2' });
  });
  it('credits kept 八个一次 (+1 each, seed 001 二.4) and the standardization grade (一级 +10 … 小微 +2) up to 10', () => {
    const c = computeCredit(
      s2,
      [
        e({ kind: 'refusal_to_rectify' }),
        e({ kind: 'duty_kept' }),
        e({ kind: 'duty_kept' }),
        e({ kind: 'standardization', severity: '3' }),
      ],
      '2026-12-01',
    );
    expect(c).toMatchObject({ deducted: 20, credited: 5, score: 85, grade: 'B' });
    expect(c.lines.find((l) => l.kind === 'standardization')).toMatchObject({ severity: '3', pointsEach: -3, points: -3 });
    const capped = computeCredit(
      s2,
      [e({ kind: 'major_hazard' }), e({ kind: 'standardization', severity: '1' }), e({ kind: 'duty_kept' })],
      '2026-12-01',
    );
    expect(capped).toMatchObject({ deducted: 10, credited: 10, score: 100 });
  });
  it('never lifts a score past the base, and 2026.1 counts the new kinds as 0', () => {
    expect(computeCredit(s2, [e({ kind: 'standardization', severity: '1' })], '2026-12-01').score).toBe(100);
    expect(computeCredit(s, [e({ kind: 'uninsured' }), e({ kind: 'duty_kept' })], '2026-12-01')).toMatchObject({ score: 100, credited: 0 });
  });
});

describe('credit scheme 2026.3 (the 无事故 record, L; seeds 002 2., 004 14.)', () => {
  const s3 = creditSchemes['2026.3']!;
  it('keeps 2026.2 and credits 5 for N = 3 full years without an accident, in the calculation like the others', () => {
    expect(s3.accidentFreeYears).toBe(3);
    const c = computeCredit(s3, [e({ kind: 'penalty' }), e({ kind: 'accident_free' })], '2026-12-01');
    expect(c).toMatchObject({ deducted: 10, credited: 5, score: 95, grade: 'A', schemeVersion: '2026.3' });
    expect(c.lines.find((l) => l.kind === 'accident_free')).toMatchObject({ severity: null, count: 1, pointsEach: -5, points: -5 });
    // 2026.2 does not know the kind: it counts 0 there
    expect(computeCredit(creditSchemes['2026.2']!, [e({ kind: 'penalty' }), e({ kind: 'accident_free' })], '2026-12-01').score).toBe(90);
  });
  it('counts the record while it stands, past the 36-month window, and not once withdrawn; other kinds still age out', () => {
    expect(counts(s3, e({ kind: 'accident_free', occurredOn: '2019-05-01' }), '2026-12-01')).toBe(true);
    expect(counts(s3, e({ kind: 'accident_free', occurredOn: '2026-12-02' }), '2026-12-01')).toBe(false);
    expect(counts(s3, e({ kind: 'accident_free', status: 'withdrawn' }), '2026-12-01')).toBe(false);
    expect(counts(s3, e({ kind: 'duty_kept', occurredOn: '2019-05-01' }), '2026-12-01')).toBe(false);
    expect(counts(creditSchemes['2026.2']!, e({ kind: 'accident_free', occurredOn: '2019-05-01' }), '2026-12-01')).toBe(false);
  });
  it('stays under the cap of 10 with the other good records', () => {
    const c = computeCredit(
      s3,
      [
        e({ kind: 'major_hazard' }),
        e({ kind: 'major_hazard' }),
        e({ kind: 'accident_free' }),
        e({ kind: 'standardization', severity: '2' }),
      ],
      '2026-12-01',
    );
    expect(c).toMatchObject({ deducted: 20, credited: 10, score: 90 });
  });
});
