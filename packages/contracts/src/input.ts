// Input primitives every schema builds on: text that PostgreSQL can store as given (no NUL, no unpaired
// UTF-16 surrogate — node-postgres would write U+FFFD for one, so the row would differ from what was
// checked and hashed), calendar dates that exist, and instants within a range the database accepts.
import { z } from 'zod';

/**
 * A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
 * Written without look-behind so the web app's Chromium 83 runs it too.
 */
export const UNSAFE_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NUL_OR_SURROGATE = /[\0\uD800-\uDFFF]/;

/** Fast path first: almost all text has neither NUL nor any surrogate, and a character class scans quickly. */
export function isSafeText(s: string): boolean {
  return !NUL_OR_SURROGATE.test(s) || !UNSAFE_TEXT.test(s);
}

/** A string refused when it carries NUL or a lone surrogate (field error `text.unsafe`). */
export function safeString() {
  return z.string().refine(isSafeText, { error: 'text.unsafe' });
}

/** Years a field accepts unless it says otherwise. */
export const DEFAULT_YEARS = { min: 1900, max: 2100 } as const;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether y-m-d is a day of the proleptic Gregorian calendar (2026-02-30 is not). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A calendar date written YYYY-MM-DD that exists and lies within the field's years. */
export function calendarDate(years: { min: number; max: number } = DEFAULT_YEARS) {
  return z
    .string()
    .regex(DATE_RE, { error: 'date.format' })
    .refine(
      (s) => {
        const m = DATE_RE.exec(s);
        return !m || isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
      },
      { error: 'date.invalid', abort: true },
    )
    .refine(
      (s) => {
        const y = Number(s.slice(0, 4));
        return !DATE_RE.test(s) || (y >= years.min && y <= years.max);
      },
      { error: 'date.range', params: rangeParams(years) },
    );
}

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T/;

/** An ISO 8601 instant with its offset (…Z or …+08:00), a real day, within the field's years. */
export function timestamp(years: { min: number; max: number } = DEFAULT_YEARS) {
  return z.iso
    .datetime({ offset: true, error: 'timestamp.format' })
    .refine(
      (s) => {
        const m = INSTANT_RE.exec(s);
        return !m || isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
      },
      { error: 'date.invalid', abort: true },
    )
    .refine(
      (s) => {
        const t = Date.parse(s);
        return Number.isFinite(t) && new Date(t).getUTCFullYear() >= years.min && new Date(t).getUTCFullYear() <= years.max;
      },
      { error: 'date.range', params: rangeParams(years) },
    );
}

function rangeParams(years: { min: number; max: number }) {
  return {
    zh: `日期须在 ${years.min} 年至 ${years.max} 年之间`,
    en: `The date must fall between the years ${years.min} and ${years.max}`,
  };
}
