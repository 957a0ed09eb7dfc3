// China Standard Time helpers: every "today" and deadline is computed in Asia/Shanghai, whatever the server's TZ.
export const CST = 'Asia/Shanghai';
const CST_OFFSET_MS = 8 * 3600_000; // China has had no daylight saving since 1991.

/** 'YYYY-MM-DD' of an instant, as seen in China. */
export function cstDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO-8601 with the +08:00 offset, e.g. 2026-11-22T19:24:05.123+08:00. */
export function cstIso(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The instant at which a China calendar day begins. */
export function cstStartOfDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** Adds calendar days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
