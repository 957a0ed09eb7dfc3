// Removes one year from the deployment's supplement: the package's data counts again for a year it carries, and a
// year it does not carry becomes a gap again (working-day periods reaching it are refused with the reason). Audited.
import { recordAudit, type AuditContext } from '../../../platform/audit';
import { loadCalendarSupplement, readCalendarYear, removeCalendarYear } from '../../../platform/calendar-store';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { auditedYear } from './put-calendar-year';

export async function deleteCalendarYear(db: Db, ctx: AuditContext, year: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await readCalendarYear(tx, year);
    if (!before || !(await removeCalendarYear(tx, year))) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'calendar.year.delete',
      entityType: 'calendar_supplement_year',
      entityId: String(year),
      before: auditedYear(before),
      after: null,
    });
  });
  await loadCalendarSupplement(db);
}
