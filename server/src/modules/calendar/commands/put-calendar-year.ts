// Enters (or replaces) one year of the State Council's holiday schedule in the deployment's supplement — from the
// web page or `cli calendar-import`. Refused whole, nothing stored, when a rule fails; audited with the year before
// and after; the calendar in memory is reloaded once committed, so this process counts with it at once (the others
// within their re-read interval).
import type { PutCalendarYearBody } from '@anjian/contracts';
import { recordAudit, type AuditContext } from '../../../platform/audit';
import { supplementIssues } from '../../../platform/calendar-supplement';
import { loadCalendarSupplement, readCalendarYear, storeCalendarYear, type StoredCalendarYear } from '../../../platform/calendar-store';
import type { Db } from '../../../platform/db';
import { AppError } from '../../../platform/errors';

export const auditedYear = (y: StoredCalendarYear | null) =>
  y && { noticeTitle: y.noticeTitle, noticeNumber: y.noticeNumber, holidays: y.holidays, workdays: y.workdays };

export async function putCalendarYear(
  db: Db,
  ctx: AuditContext,
  by: { id: string | null; name: string },
  year: number,
  input: PutCalendarYearBody,
): Promise<StoredCalendarYear> {
  const entry = {
    year,
    noticeTitle: input.noticeTitle.trim(),
    noticeNumber: input.noticeNumber.trim(),
    holidays: input.holidays,
    workdays: input.workdays,
    replacesPackage: input.replacesPackage,
  };
  const issues = supplementIssues(entry);
  if (issues.length > 0) throw new AppError('VALIDATION', issues);
  const next = { ...entry, holidays: [...entry.holidays].sort(), workdays: [...entry.workdays].sort() };
  const stored = await db.transaction(async (tx) => {
    const before = await readCalendarYear(tx, year);
    await storeCalendarYear(tx, next, by);
    const after = (await readCalendarYear(tx, year))!;
    await recordAudit(tx, ctx, {
      action: 'calendar.year.put',
      entityType: 'calendar_supplement_year',
      entityId: String(year),
      before: auditedYear(before),
      after: auditedYear(after),
    });
    return after;
  });
  await loadCalendarSupplement(db);
  return stored;
}
