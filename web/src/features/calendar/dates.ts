// The date lists of the calendar form, as typed or pasted from a notice: dates written YYYY-MM-DD (or with / or .),
// separated by spaces, new lines, commas or 、, and ranges written "2031-02-05~2031-02-11" (or 至 / 到 / ～) for a
// holiday block. The server checks the result again; this only saves typing each day of a block.

export interface ParsedDates {
  dates: string[];
  /** Tokens that are not a date or a range of dates. */
  errors: string[];
}

const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const MAX_RANGE_DAYS = 31;

function normalise(token: string): string | null {
  const m = DATE.exec(token);
  if (!m) return null;
  const s = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
}

const nextDay = (s: string) => new Date(Date.parse(`${s}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function parseDates(text: string): ParsedDates {
  const dates: string[] = [];
  const errors: string[] = [];
  const tokens = text
    .replace(/\s*([~～至到])\s*/g, '$1')
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  for (const token of tokens) {
    const range = token.split(/[~～至到]/);
    if (range.length === 1) {
      const d = normalise(token);
      if (d) dates.push(d);
      else errors.push(token);
      continue;
    }
    const [from, to] = range.map(normalise);
    if (range.length !== 2 || !from || !to || to < from) {
      errors.push(token);
      continue;
    }
    // A longer range is more likely a typo than a holiday block.
    const block: string[] = [];
    for (let d = from; d <= to && block.length <= MAX_RANGE_DAYS; d = nextDay(d)) block.push(d);
    if (block.length > MAX_RANGE_DAYS) errors.push(token);
    else dates.push(...block);
  }
  return { dates, errors };
}

/** Sunday = 0 … Saturday = 6, for a YYYY-MM-DD date. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
