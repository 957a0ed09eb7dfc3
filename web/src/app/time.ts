// Instants as China Standard Time wall-clock text. The server sends instants either with the +08:00 offset or in UTC
// ("…Z"); `new Date(x).toLocaleString()` would show them in the phone's own zone and format (a visit checked in at
// 17:23 in Shenzhen read "12/6/2026, 4:23:49 AM" on a phone set to New York). China has had no daylight saving
// since 1991, so a fixed eight-hour shift is exact.
const CST_OFFSET_MS = 8 * 3_600_000;

/** An offset or Z at the end: an instant. Without one the text is already China wall-clock time (or a date). */
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * "YYYY-MM-DD HH:mm" (seconds: "YYYY-MM-DD HH:mm:ss") in China Standard Time. Text without an offset is shown as
 * written ("T" as a space), not read in the browser's zone; unreadable text is returned unchanged.
 */
export function cstDateTime(iso: string, seconds = false): string {
  if (!ZONED.test(iso)) return iso.slice(0, seconds ? 19 : 16).replace('T', ' ');
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + CST_OFFSET_MS)
    .toISOString()
    .slice(0, seconds ? 19 : 16)
    .replace('T', ' ');
}

/** "YYYY-MM-DD": the China date of an instant. */
export function cstDate(iso: string): string {
  return cstDateTime(iso).slice(0, 10);
}

/** Today as a China calendar date, whatever the device's time zone (the server decides what is due). */
export function cstToday(): string {
  return new Date(Date.now() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
