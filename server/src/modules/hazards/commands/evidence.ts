// Evidence helpers shared by the workflow steps: deadlines counted in calendar or working days (with the
// calendar-gap alarm), and the extra checks 令16号 puts on a major hidden danger's application for acceptance.
import type { BilingualDetail } from '../../../platform/errors';
import { AppError } from '../../../platform/errors';
import {
  implementationLabels,
  missingImplementations,
  missingPlanParts,
  treatmentPlanPartLabels,
  type ImplementationRecord,
  type TreatmentPlan,
} from '../../../reference/hazards/classification';
import { CalendarGapError, rectificationDeadline, type DeadlineUnit } from '../../../reference/hazards/deadlines';
import { calendarGapHint } from '../../../platform/calendar';
import type { NewHazard } from '../hazards.workflow';
import type { HazardRow } from '../hazards.queries';

/**
 * A working-day deadline in a year whose official holiday calendar is not loaded cannot be computed honestly.
 * The caller sees why, and what to do, instead of a date guessed from weekdays.
 */
export function calendarAlarm(field: string, year: number): AppError {
  const hint = calendarGapHint(year);
  return new AppError(
    'VALIDATION',
    [
      {
        field: `evidence.${field}`,
        zh: `${year}年的法定节假日安排尚未导入，无法按工作日计算期限。请改按自然日或直接指定日期。${hint.zh}`,
        en: `The official holiday calendar for ${year} is not loaded, so a working-day deadline cannot be computed. Use calendar days or a fixed date. ${hint.en}`,
      },
    ],
    // The year rides along so the form can point to the holiday-calendar page.
    { calendarGapYear: year },
  );
}

/** A fixed date wins; otherwise n days after `from` in the given unit; undefined when neither is given. */
export function computeDeadline(
  field: string,
  date: string | undefined,
  days: number | undefined,
  unit: DeadlineUnit,
  from: string,
): string | undefined {
  if (date) return date;
  if (days === undefined) return undefined;
  try {
    return rectificationDeadline(from, days, unit);
  } catch (e) {
    if (e instanceof CalendarGapError) throw calendarAlarm(field === 'deadline' ? 'deadlineUnit' : field, e.year);
    throw e;
  }
}

/**
 * Before a major hidden danger goes to acceptance: every part of the 令16号 treatment plan, the five
 * implementations (五落实), and — under 挂牌督办 — the assessment of the treatment (评估报告).
 */
export function majorSubmissionGaps(h: HazardRow, patch: Partial<NewHazard>, assessmentReport: string | undefined): BilingualDetail[] {
  if (h.grade !== 'major') return [];
  const gaps: BilingualDetail[] = [];
  for (const part of missingPlanParts((patch.treatmentPlan ?? {}) as TreatmentPlan)) {
    const l = treatmentPlanPartLabels[part];
    gaps.push({ field: `evidence.treatmentPlan.${part}`, zh: `治理方案缺少“${l.zh}”`, en: `The treatment plan lacks "${l.en}"` });
  }
  for (const key of missingImplementations((patch.implementations ?? {}) as ImplementationRecord)) {
    const l = implementationLabels[key];
    gaps.push({ field: `evidence.implementations.${key}`, zh: `“五落实”缺少${l.zh}`, en: `Five implementations: ${l.en} missing` });
  }
  if (h.listing && !h.listing.delistedOn && !assessmentReport) {
    gaps.push({
      field: 'evidence.assessmentReport',
      zh: '挂牌督办的重大事故隐患申请验收（复查）须提交治理情况评估报告',
      en: 'A listed major hidden danger needs the assessment of its treatment before review',
    });
  }
  return gaps;
}
