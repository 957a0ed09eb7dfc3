// How articles and items of a Chinese regulation are cited: 第五条第（十一）项. Kept apart from the standard's
// data so that the data file can build labels without importing the module that imports it.
import type { Bilingual } from '@anjian/contracts';

const cnDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals as used for article and item numbers (十一, 二十六). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} is out of 1–99`);
  const tens = Math.floor(n / 10);
  const ones = cnDigits[n % 10] ?? '';
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : (cnDigits[tens] ?? '')}十${ones}`;
}

export function articleLabel(article: number): Bilingual {
  return { zh: `第${chineseNumeral(article)}条`, en: `Article ${article}` };
}

export function itemLabel(ref: { article: number; item: number }): Bilingual {
  return {
    zh: `第${chineseNumeral(ref.article)}条第（${chineseNumeral(ref.item)}）项`,
    en: `Art. ${ref.article} item ${ref.item}`,
  };
}
