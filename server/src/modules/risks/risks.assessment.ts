// Turns an assessment request into the stored columns of a risk event, through the reference rules
// (assessLec / assessMatrix with the deployment's bands). A value outside the tables is refused with the
// rule's own bilingual message, pointing at the field.
import type { AssessmentInput, RiskLevelKey } from '@anjian/contracts';
import type { riskEvents } from '../../db/schema';
import { AppError, fieldError, type BilingualDetail } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { LecError, assessLec } from '../../reference/risk/lec';
import { MatrixError, assessMatrix } from '../../reference/risk/matrix';
import { findAccidentType, isGb1986Code, isGb2025Key, schemeFor, type AccidentTypeRef } from '../../reference/accidents/accident-types';
import type { EffectiveSettings } from './risks.settings';

type EventRow = typeof riskEvents.$inferSelect;

export type AssessmentColumns = Pick<
  EventRow,
  'method' | 'lecL' | 'lecE' | 'lecC' | 'lecD' | 'dangerDegree' | 'matrixL' | 'matrixS' | 'matrixR' | 'configId' | 'level'
>;

const cleared: AssessmentColumns = {
  method: null,
  lecL: null,
  lecE: null,
  lecC: null,
  lecD: null,
  dangerDegree: null,
  matrixL: null,
  matrixS: null,
  matrixR: null,
  configId: null,
  level: null,
};

export function evaluateAssessment(input: AssessmentInput | null, s: EffectiveSettings): AssessmentColumns {
  if (!input) return cleared;
  try {
    if (input.method === 'lec') {
      const a = assessLec({ l: input.l, e: input.e, c: input.c }, s.lec);
      return {
        ...cleared,
        method: 'lec',
        lecL: input.l,
        lecE: input.e,
        lecC: input.c,
        lecD: a.d,
        dangerDegree: a.dangerDegree,
        configId: s.lec.id,
        level: a.level,
      };
    }
    const a = assessMatrix({ l: input.l, s: input.s }, s.matrix);
    return { ...cleared, method: 'matrix', matrixL: input.l, matrixS: input.s, matrixR: a.r, configId: s.matrix.id, level: a.level };
  } catch (e) {
    if (e instanceof LecError || e instanceof MatrixError) {
      const details: BilingualDetail[] = e.issues.map((i) => ({ field: `assessment.${i.field}`, ...i.message }));
      throw new AppError('VALIDATION', details);
    }
    throw e;
  }
}

/** The stored inputs assessed again under (possibly new) settings; null when the event is not assessed. */
export function reassess(row: AssessmentColumns, s: EffectiveSettings): AssessmentColumns {
  if (row.method === 'lec' && row.lecL !== null && row.lecE !== null && row.lecC !== null) {
    return evaluateAssessment({ method: 'lec', l: row.lecL, e: row.lecE, c: row.lecC }, s);
  }
  if (row.method === 'matrix' && row.matrixL !== null && row.matrixS !== null) {
    return evaluateAssessment({ method: 'matrix', l: row.matrixL, s: row.matrixS }, s);
  }
  return cleared;
}

/** The stored columns read back as the API's assessment object. */
export function assessmentOf(row: AssessmentColumns) {
  if (row.method === 'lec') {
    return {
      method: 'lec' as const,
      l: row.lecL!,
      e: row.lecE!,
      c: row.lecC!,
      d: row.lecD!,
      dangerDegree: row.dangerDegree ?? '',
      configId: row.configId ?? '',
    };
  }
  if (row.method === 'matrix') {
    return { method: 'matrix' as const, l: row.matrixL!, s: row.matrixS!, r: row.matrixR!, configId: row.configId ?? '' };
  }
  return null;
}

/**
 * An accident type must exist in the scheme it names. Either scheme is accepted (a register kept since before the
 * GB 6441-2025 cut-over keeps its 1986 types); the form offers the scheme in force today.
 */
export function checkAccidentType(ref: { scheme: string; code: string } | null | undefined): { scheme: string; code: string } | null {
  if (!ref) return null;
  const ok = ref.scheme === 'GB6441-1986' ? isGb1986Code(ref.code) : ref.scheme === 'GB6441-2025' && isGb2025Key(ref.code);
  if (!ok) {
    throw fieldError(
      'accidentType.code',
      `事故类别 ${ref.code} 不属于 ${ref.scheme} 分类`,
      `Accident type ${ref.code} is not a ${ref.scheme} type`,
    );
  }
  return ref;
}

export function accidentTypeLabel(scheme: string | null, code: string | null): { zh: string; en: string } | null {
  if (!scheme || !code) return null;
  const ref = (scheme === 'GB6441-1986' ? { scheme, code } : { scheme, key: code }) as AccidentTypeRef;
  try {
    return findAccidentType(ref).label;
  } catch {
    return null;
  }
}

export const currentAccidentScheme = () => schemeFor(cstDate());

/**
 * Who controls a risk when the measure does not say (docs/rules.md §4.1, common practice): 重大 and 较大 at company level,
 * 一般 at department (workshop) level, 低 at team level; an unassessed event defaults to the team.
 */
export function defaultResponsibleLevel(level: RiskLevelKey | null): 'company' | 'department' | 'team' {
  if (level === 'major' || level === 'significant') return 'company';
  if (level === 'general') return 'department';
  return 'team';
}
