// The credit scoring scheme: data, versioned. A grade is computed from the enterprise's active entries inside the
// scheme's window (a deduction per entry from a base of 100), then capped by rules that override the score (a 重大 or
// 特别重大 accident, or a current 严重失信 listing, is D whatever the score). The defaults below are the platform's
// (configuration, rules.md marks credit grading as local: "红黑名单" and graded supervision, seeds 002/004); a
// deployment that adopts its province's scheme adds a version here and points `currentCreditScheme` at it — every
// summary row records the version it was computed under.
import type { CreditCalculation, CreditEntryKind, CreditGrade } from '@anjian/contracts';
import { addMonths } from '../../platform/time';

export interface CreditScheme {
  version: string;
  base: number;
  /** Entries older than this (by the day they occurred) no longer count. */
  windowMonths: number;
  /**
   * Points per entry, by kind; accidents by 493号 level, standardization by grade. Negative points are credited (good
   * records). A kind the version does not name counts 0 (2026.1 predates the good records and 安责险).
   */
  points: Partial<Record<Exclude<CreditEntryKind, 'accident' | 'standardization'>, number>> & {
    accident: Record<string, number>;
    standardization?: Record<string, number>;
  };
  /** The most good records can credit inside the window (0: none). */
  creditCap?: number;
  /**
   * N of the 无事故 good record: the full years without a production-safety accident on record that earn an
   * accident_free entry (accident-free.rules.ts). Absent: the version grants none (2026.1, 2026.2).
   */
  accidentFreeYears?: number;
  /**
   * Kinds that record a standing state rather than a past event: counted while active, however long ago they were
   * earned (the window does not age them out). The 无事故 record stands until an accident withdraws it.
   */
  standingKinds?: readonly CreditEntryKind[];
  /** Lowest score for each grade, best first; below the last threshold is D. */
  thresholds: { grade: Exclude<CreditGrade, 'D'>; minScore: number }[];
}

export const creditSchemes: Record<string, CreditScheme> = {
  '2026.1': {
    version: '2026.1',
    base: 100,
    windowMonths: 36,
    points: {
      penalty: 10,
      refusal_to_rectify: 20,
      major_hazard: 10,
      verified_report: 5,
      accident: { general: 15, larger: 40, major: 60, especially_major: 80 },
    },
    thresholds: [
      { grade: 'A', minScore: 90 },
      { grade: 'B', minScore: 75 },
      { grade: 'C', minScore: 60 },
    ],
  },
  // 2026.2 keeps every deduction of 2026.1 and adds (L, the platform's defaults; sources):
  //  - uninsured −10: an enterprise of a mandatory sector without a valid 安责险 policy. Seed 004 (15.): "在矿山、
  //    危险化学品、烟花爆竹、交通运输、建筑施工、民用爆炸物品、金属冶炼、渔业生产等高危行业领域全面实施安全生产责任保险";
  //    seed 002 (2.): "建立高危行业安全生产责任保险制度" beside the 诚信等级 it grades.
  //  - duty_kept +1 per 八个一次 record the street accepted. Seed 001 (二.4, line 34) sets the duties, line 13 the
  //    100% target; seed 002 (2.) asks that "对企业安全实施量化考核和诚信等级划分" reward good conduct ("守信联合激励",
  //    seed 004 14.).
  //  - standardization by grade in force: 一级 +10, 二级 +6, 三级 +3, 小微达标 +2. Seed 003 (二) puts grade 三级 and
  //    above as the target for 规上 enterprises; rules.md §7 (GB/T 33000-2016) the grades.
  //  Credits are capped at 10 in the window and only offset deductions (the score never passes the base of 100), so
  //  good conduct repairs a grade but cannot buy one.
  '2026.2': {
    version: '2026.2',
    base: 100,
    windowMonths: 36,
    points: {
      penalty: 10,
      refusal_to_rectify: 20,
      major_hazard: 10,
      verified_report: 5,
      uninsured: 10,
      duty_kept: -1,
      accident: { general: 15, larger: 40, major: 60, especially_major: 80 },
      standardization: { '1': -10, '2': -6, '3': -3, small: -2 },
    },
    creditCap: 10,
    thresholds: [
      { grade: 'A', minScore: 90 },
      { grade: 'B', minScore: 75 },
      { grade: 'C', minScore: 60 },
    ],
  },
  // 2026.3 keeps 2026.2 and adds the 无事故 good record (L, the platform's default; no national text fixes it):
  //  - accident_free +5 once an enterprise has gone 3 full years (accidentFreeYears) without a production-safety
  //    accident on record. Seed 002 (2.) asks that the 诚信等级 reward good conduct ("对不同安全生产诚信等级的企业实行不同
  //    的奖惩措施"), seed 004 (14.) "建立完善安全生产守信联合激励和失信联合惩戒机制"; 3 years is the scheme's window, the
  //    严重失信 management period (rules.md §9) and a standardization grade's validity (rules.md §7).
  //  - The record is a standing state (standingKinds): it counts from the day it was earned until an accident within
  //    the last N years withdraws it, not only for the 36 months after it was earned.
  //  Under the same cap of 10: with 一级 standardization (+10) it adds nothing more.
  '2026.3': {
    version: '2026.3',
    base: 100,
    windowMonths: 36,
    points: {
      penalty: 10,
      refusal_to_rectify: 20,
      major_hazard: 10,
      verified_report: 5,
      uninsured: 10,
      duty_kept: -1,
      accident_free: -5,
      accident: { general: 15, larger: 40, major: 60, especially_major: 80 },
      standardization: { '1': -10, '2': -6, '3': -3, small: -2 },
    },
    creditCap: 10,
    accidentFreeYears: 3,
    standingKinds: ['accident_free'],
    thresholds: [
      { grade: 'A', minScore: 90 },
      { grade: 'B', minScore: 75 },
      { grade: 'C', minScore: 60 },
    ],
  },
};
export const currentCreditScheme: CreditScheme = creditSchemes['2026.3']!;

export interface ScoredEntry {
  kind: CreditEntryKind;
  severity: string | null;
  occurredOn: string;
  status: string;
}

export function pointsOf(scheme: CreditScheme, e: Pick<ScoredEntry, 'kind' | 'severity'>): number {
  if (e.kind === 'accident') return scheme.points.accident[e.severity ?? 'general'] ?? scheme.points.accident.general ?? 0;
  if (e.kind === 'standardization') return scheme.points.standardization?.[e.severity ?? ''] ?? 0;
  return scheme.points[e.kind] ?? 0;
}

/**
 * Whether an entry counts on `today`: active, occurred by `today`, and inside the window (on or after `today` − window)
 * unless its kind is a standing state of the scheme.
 */
export function counts(scheme: CreditScheme, e: ScoredEntry, today: string): boolean {
  if (e.status !== 'active' || e.occurredOn > today) return false;
  return !!scheme.standingKinds?.includes(e.kind) || e.occurredOn >= addMonths(today, -scheme.windowMonths);
}

export function gradeOfScore(scheme: CreditScheme, score: number): CreditGrade {
  return scheme.thresholds.find((t) => score >= t.minScore)?.grade ?? 'D';
}

const order: CreditGrade[] = ['A', 'B', 'C', 'D'];
const worse = (a: CreditGrade, b: CreditGrade) => (order.indexOf(a) >= order.indexOf(b) ? a : b);

/** The grade with its calculation, as the credit tab shows it. Pure: the same entries, day and scheme give the same. */
export function computeCredit(
  scheme: CreditScheme,
  entries: readonly ScoredEntry[],
  today: string,
  o: { listed?: boolean } = {},
): CreditCalculation {
  const counted = entries.filter((e) => counts(scheme, e, today));
  const byKey = new Map<string, { kind: CreditEntryKind; severity: string | null; count: number }>();
  for (const e of counted) {
    const severity = e.kind === 'accident' ? (e.severity ?? 'general') : e.kind === 'standardization' ? e.severity : null;
    const key = `${e.kind}:${severity ?? ''}`;
    const line = byKey.get(key) ?? { kind: e.kind, severity, count: 0 };
    line.count += 1;
    byKey.set(key, line);
  }
  const lines = [...byKey.values()]
    .map((l) => {
      const each = pointsOf(scheme, l);
      return { ...l, pointsEach: each, points: each * l.count };
    })
    .sort((a, b) => b.points - a.points || a.kind.localeCompare(b.kind));
  const deducted = lines.reduce((s, l) => s + Math.max(0, l.points), 0);
  const credited = Math.min(
    scheme.creditCap ?? 0,
    lines.reduce((s, l) => s - Math.min(0, l.points), 0),
  );
  const score = Math.min(scheme.base, Math.max(0, scheme.base - deducted + credited));
  const gradeByScore = gradeOfScore(scheme, score);
  const caps: CreditCalculation['caps'] = [];
  if (counted.some((e) => e.kind === 'accident' && (e.severity === 'major' || e.severity === 'especially_major')))
    caps.push({
      rule: 'major_accident',
      zh: '管理期内发生重大及以上生产安全事故',
      en: 'A major or worse accident in the window',
      grade: 'D',
    });
  if (o.listed)
    caps.push({
      rule: 'serious_dishonesty_listed',
      zh: '列入严重失信主体名单（管理期内）',
      en: 'On the serious-dishonesty list',
      grade: 'D',
    });
  const grade = caps.reduce((g, c) => worse(g, c.grade), gradeByScore);
  return {
    schemeVersion: scheme.version,
    base: scheme.base,
    windowMonths: scheme.windowMonths,
    since: addMonths(today, -scheme.windowMonths),
    lines,
    deducted,
    credited,
    score,
    gradeByScore,
    caps,
    grade,
    thresholds: scheme.thresholds.map((t) => ({ grade: t.grade, minScore: t.minScore })),
  };
}
