// Dates as 执法文书 print them. The signing date under the seal (落款) is written in Chinese numerals, digit by digit
// for the year with 〇 for zero and counted for month and day (二〇二六年十二月三日), as the 行政执法文书 式样 and
// court judgments write it; dates inside the text are written 2026年12月3日. Never the ISO form a database keeps.
import { chineseNumeral } from '../hazards/citation';

const yearDigits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (!m || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${iso}`);
  }
  return [y, mo, d];
}

/** 2026-12-03 → 二〇二六年十二月三日 (the 落款 date). */
export function chineseDate(iso: string): string {
  const [y, m, d] = parts(iso);
  const year = [...String(y)].map((c) => yearDigits[Number(c)]).join('');
  return `${year}年${chineseNumeral(m)}月${chineseNumeral(d)}日`;
}

/** 2026-12-03 → 2026年12月3日 (a date inside the text); null/empty stays empty. */
export function textDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = parts(iso);
  return `${y}年${m}月${d}日`;
}
