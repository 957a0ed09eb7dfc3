// `cli calendar-import` and `cli calendar-list`: the same entry as the web page, for deployments run without it. The
// file gives the dates (parseCalendarFile); flags may give or override the year and the notice. Audited as the CLI.
import { AppError } from '../../platform/errors';
import { parseCalendarFile } from '../../platform/calendar-supplement';
import { readCalendarSupplement, type StoredCalendarYear } from '../../platform/calendar-store';
import type { Db } from '../../platform/db';
import { calendarClock } from './calendar.clock';
import { presentCalendarOverview } from './calendar.presenter';
import { putCalendarYear } from './commands/put-calendar-year';

export interface ImportOptions {
  year?: number;
  noticeTitle?: string;
  noticeNumber?: string;
  replacesPackage: boolean;
  /** Who ran it, stored as the entry's author (there is no account behind the CLI). */
  by: string;
}

export async function importCalendarFile(db: Db, text: string, fileName: string, o: ImportOptions): Promise<StoredCalendarYear> {
  const f = parseCalendarFile(text, fileName);
  const years = new Set([...f.holidays, ...f.workdays].map((d) => Number(d.slice(0, 4))));
  const year = o.year ?? f.year ?? (years.size === 1 ? [...years][0]! : undefined);
  if (year === undefined || !Number.isInteger(year)) throw new Error('the year is not clear from the file: give --year=YYYY');
  try {
    return await putCalendarYear(db, { actor: null, ip: 'cli' }, { id: null, name: o.by }, year, {
      noticeTitle: o.noticeTitle ?? f.noticeTitle ?? '',
      noticeNumber: o.noticeNumber ?? f.noticeNumber ?? '',
      holidays: f.holidays,
      workdays: f.workdays,
      replacesPackage: o.replacesPackage,
    });
  } catch (e) {
    // The same bilingual refusals as the API, one per line, so the operator sees every date at fault at once.
    if (e instanceof AppError && e.details.length > 0)
      throw new Error(`${year} not entered:\n${e.details.map((d) => `  ${d.field}: ${d.zh} / ${d.en}`).join('\n')}`, { cause: e });
    throw e;
  }
}

export async function listCalendar(db: Db): Promise<string[]> {
  const o = presentCalendarOverview(await readCalendarSupplement(db), calendarClock.today());
  const lines = o.years.map((y) => {
    const from =
      y.inEffect === 'package'
        ? `chinese-days ${o.packageVersion}`
        : `supplement: ${y.supplement!.noticeNumber} (${y.supplement!.updatedByName}, ${y.supplement!.updatedAt})` +
          (y.inPackage ? `, replaces chinese-days${y.differsFromPackage ? ' — differs from it' : ' — same dates'}` : '');
    return `${y.year}  ${from}`;
  });
  if (o.missing.length > 0) lines.unshift(`MISSING: ${o.missing.join(', ')} — enter the State Council notice (calendar-import)`);
  return lines;
}
