// Credit record → response: the grade with its calculation recomputed live from the entries (so it is right on the
// day it is read, even before the daily refresh of the summary rows), and every entry with whether it counts.
import type { CreditEntryKind, CreditGrade, EnterpriseCreditView } from '@anjian/contracts';
import type { creditEntries } from '../../db/schema';
import { maskFreeText } from '../../platform/masking';
import { computeCredit, counts, currentCreditScheme, type ScoredEntry } from './credit.scheme';

type EntryRow = typeof creditEntries.$inferSelect;

export function presentEnterpriseCredit(
  ent: { id: string; name: string; creditCode: string },
  entries: EntryRow[],
  listed: boolean,
  today: string,
): EnterpriseCreditView {
  const calculation = computeCredit(currentCreditScheme, entries as ScoredEntry[], today, { listed });
  return {
    enterpriseId: ent.id,
    enterpriseName: ent.name,
    creditCode: ent.creditCode,
    grade: calculation.grade,
    score: calculation.score,
    calculation,
    listed,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind as CreditEntryKind,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      sourceRef: e.sourceRef,
      severity: e.severity,
      title: maskFreeText(e.title),
      points: e.points,
      occurredOn: e.occurredOn,
      status: e.status as 'active' | 'withdrawn',
      withdrawnOn: e.withdrawnOn,
      withdrawnReason: e.withdrawnReason,
      counted: counts(currentCreditScheme, e as ScoredEntry, today),
    })),
  };
}

export function presentGradeRow(r: {
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  areaCode: string;
  grade: string;
  score: number;
  activeEntries: number;
  schemeVersion: string;
  updatedAt: Date;
}) {
  return { ...r, grade: r.grade as CreditGrade, updatedAt: r.updatedAt.toISOString() };
}
