// What the calendar page shows: every year working days can be counted in, where its days come from (the package,
// the deployment's supplement, or the supplement replacing the package), the notice it was entered from, and where an
// entered year differs from a package that later gained it.
import type { CalendarOverview, CalendarYearDetail } from '@anjian/contracts';
import { calendarPackageVersion, packageCalendarYear, packageCalendarYears, type OfficialYear } from '../../platform/calendar';
import type { StoredCalendarYear } from '../../platform/calendar-store';
import { cstIso } from '../../platform/time';

/** From this month on next year's schedule is warned about when missing (notices come out in the autumn). */
const WARN_NEXT_YEAR_FROM_MONTH = 10;

const minus = (a: readonly string[], b: readonly string[]) => {
  const s = new Set(b);
  return a.filter((d) => !s.has(d));
};

function differences(pkg: OfficialYear, sup: OfficialYear): NonNullable<CalendarYearDetail['differences']> {
  return {
    holidays: { onlyPackage: minus(pkg.holidays, sup.holidays), onlySupplement: minus(sup.holidays, pkg.holidays) },
    workdays: { onlyPackage: minus(pkg.workdays, sup.workdays), onlySupplement: minus(sup.workdays, pkg.workdays) },
  };
}

const differs = (d: NonNullable<CalendarYearDetail['differences']>) =>
  [d.holidays.onlyPackage, d.holidays.onlySupplement, d.workdays.onlyPackage, d.workdays.onlySupplement].some((l) => l.length > 0);

const source = (s: StoredCalendarYear) => ({
  noticeTitle: s.noticeTitle,
  noticeNumber: s.noticeNumber,
  updatedAt: cstIso(s.updatedAt),
  updatedByName: s.updatedByName,
});

export function presentCalendarOverview(stored: readonly StoredCalendarYear[], today: string): CalendarOverview {
  const bySupplement = new Map(stored.map((s) => [s.year, s]));
  const years = [...new Set([...packageCalendarYears(), ...bySupplement.keys()])].sort((a, b) => b - a);
  const known = new Set(years);
  const thisYear = Number(today.slice(0, 4));
  const missing = [thisYear, ...(Number(today.slice(5, 7)) >= WARN_NEXT_YEAR_FROM_MONTH ? [thisYear + 1] : [])].filter(
    (y) => !known.has(y),
  );
  return {
    today,
    packageVersion: calendarPackageVersion,
    missing,
    years: years.map((year) => {
      const s = bySupplement.get(year);
      const pkg = packageCalendarYear(year);
      return {
        year,
        inEffect: s ? 'supplement' : 'package',
        inPackage: !!pkg,
        supplement: s ? { ...source(s), holidays: s.holidays.length, workdays: s.workdays.length } : null,
        differsFromPackage: s && pkg ? differs(differences(pkg, s)) : null,
      };
    }),
  };
}

/** Null when neither source has the year. */
export function presentCalendarYear(year: number, stored: StoredCalendarYear | null): CalendarYearDetail | null {
  const pkg = packageCalendarYear(year);
  if (!pkg && !stored) return null;
  return {
    year,
    inEffect: stored ? 'supplement' : 'package',
    package: pkg ? { holidays: [...pkg.holidays], workdays: [...pkg.workdays] } : null,
    supplement: stored ? { ...source(stored), holidays: stored.holidays, workdays: stored.workdays } : null,
    differences: pkg && stored ? differences(pkg, stored) : null,
  };
}
