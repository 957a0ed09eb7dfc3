// Source: 应急管理部令第10号《工贸企业重大事故隐患判定标准》(effective 2023-05-15), docs/rules.md §3.2: article map (H),
// 3方面64项 = 管理类 3 + 行业类 47 + 专项类 14 (H), verbatim items as retrieved; 第十五条 repeals
// 安监总管四〔2017〕129号, whose wording must not appear.
import { describe, expect, it } from 'vitest';
import { sectors } from '@anjian/contracts';
import {
  articlesFor,
  chineseNumeral,
  findItem,
  findStandard,
  isInEffect,
  itemsFor,
  majorHazardStandards,
  maxPossibleItem,
  memOrder10,
  type StandardEntry,
} from './major-hazard-standard';

const stored = (article: number) => memOrder10.items.filter((i) => i.article === article);
const ids = (entries: StandardEntry[]) =>
  entries.map((e) => (e.kind === 'unretrieved' ? `${e.article}.${e.fromItem}+` : `${e.article}.${e.item}`));

describe('令10号 as versioned reference data', () => {
  it('identifies the standard, its dates and the repeal', () => {
    expect(memOrder10.code.zh).toBe('应急管理部令第10号');
    expect(memOrder10.title.zh).toBe('工贸企业重大事故隐患判定标准');
    expect([memOrder10.adopted, memOrder10.published, memOrder10.effective]).toEqual(['2023-03-20', '2023-04-14', '2023-05-15']);
    expect(memOrder10.repeals.map((r) => r.code)).toEqual(['安监总管四〔2017〕129号']);
    expect(isInEffect('2023-05-14')).toBe(false);
    expect(isInEffect('2023-05-15')).toBe(true);
  });

  it('does not carry the repealed 2017 standard or its wording', () => {
    expect(majorHazardStandards).toEqual([memOrder10]);
    expect(findStandard('安监总管四〔2017〕129号')).toBeUndefined();
    const text = JSON.stringify(memOrder10.items);
    // 2017 lines docs/rules.md warns about (液氨 and 有限空间 articles).
    for (const phrase of ['包装间、分割间、产品整理间', '氨直接蒸发制冷', '快速冻结装置', '超过9人', '先通风、再检测、后作业', '2017']) {
      expect(text).not.toContain(phrase);
    }
    expect(stored(12)).toEqual([]);
    expect(stored(13)).toEqual([]);
  });

  it('matches the counts docs/rules.md states: 3 + 47 + 14 = 64; 第三条 3, 第五条 13, 第六条 8', () => {
    const { totals } = memOrder10;
    expect(totals.management + totals.industry + totals.special).toBe(totals.all);
    expect(totals.all).toBe(64);
    const count = (n: number) => memOrder10.articles.find((a) => a.number === n)?.itemCount;
    expect([count(3), count(5), count(6)]).toEqual([3, 13, 8]);
    expect(stored(3)).toHaveLength(3);
    expect(stored(5)).toHaveLength(13);
    expect(stored(6)).toHaveLength(8);
    expect(stored(3).every((i) => i.textAvailable)).toBe(true);
    expect(stored(6).every((i) => i.textAvailable)).toBe(true);
    // 第五条 (一)–(三) were not retrieved: placeholders, never text.
    expect(
      stored(5)
        .filter((i) => !i.textAvailable)
        .map((i) => i.item),
    ).toEqual([1, 2, 3]);
  });

  it('keeps the unverified articles within their group totals (冶金+机械+轻工+纺织+烟草 = 26, 第十一～十三条 = 14)', () => {
    const group = (g: string) => memOrder10.articles.filter((a) => a.group === g);
    expect(group('management').map((a) => a.number)).toEqual([3]);
    expect(group('industry').map((a) => a.number)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(group('special').map((a) => a.number)).toEqual([11, 12, 13]);
    const seen = (g: string) => group(g).reduce((sum, a) => sum + (a.itemCount ?? a.itemsSeen), 0);
    expect(memOrder10.totals.industry - 13 - 8).toBe(26);
    expect(seen('industry')).toBeLessThanOrEqual(47);
    expect(seen('special')).toBeLessThanOrEqual(14);
    expect(maxPossibleItem(4)).toBe(26 - 3);
    expect(maxPossibleItem(8)).toBe(26 - 5 - 3);
    expect(maxPossibleItem(11)).toBe(14);
    expect(maxPossibleItem(5)).toBe(13);
  });

  it('stores 32 verbatim items and placeholders only where text is missing', () => {
    expect(memOrder10.items.filter((i) => i.textAvailable)).toHaveLength(32);
    const placeholders = memOrder10.items.filter((i) => !i.textAvailable);
    expect(placeholders.map((i) => i.id)).toEqual([
      'MEM10-2023/4.5',
      'MEM10-2023/5.1',
      'MEM10-2023/5.2',
      'MEM10-2023/5.3',
      'MEM10-2023/7.3',
    ]);
    for (const i of memOrder10.items) expect(i.id).toBe(`MEM10-2023/${i.article}.${i.item}`);
  });

  it('quotes 第十四条 (catch-all: failed or ineffective safety devices are major hidden dangers)', () => {
    expect(memOrder10.articles.find((a) => a.number === 14)?.provision?.zh).toContain('失效或者无效均判定为重大事故隐患');
  });
});

describe('itemsFor(sector, tags)', () => {
  it('gives a building-materials enterprise 第三条 (no 金属冶炼) and all of 第六条', () => {
    expect(ids(itemsFor('building_materials', []))).toEqual(['3.1', '3.2', '6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8']);
  });

  it('adds 第三条(三) for 金属冶炼 and the special articles for tagged enterprises, with unretrieved ranges', () => {
    const entries = itemsFor('metallurgy', ['metal_smelting', 'combustible_dust', 'confined_space']);
    expect(ids(entries)).toEqual([
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.6+',
      '11.1',
      '11.2',
      '11.3',
      '11.4',
      '11.5',
      '11.6+',
      '13.1+',
    ]);
    expect(entries.at(-1)).toEqual({ kind: 'unretrieved', article: 13, fromItem: 1, count: null });
  });

  it('lists 第五条 with its three placeholders and no unretrieved remainder', () => {
    const entries = itemsFor('nonferrous', []);
    expect(entries.filter((e) => e.kind !== 'unretrieved' && e.article === 5)).toHaveLength(13);
    expect(entries.some((e) => e.kind === 'unretrieved')).toBe(false);
  });

  it('gives 商贸 only the management and special items (令10号 has no 商贸 article)', () => {
    expect(ids(itemsFor('commerce', ['ammonia_refrigeration']))).toEqual(['3.1', '3.2', '12.1+']);
  });

  it('does not apply outside the 工贸 sectors named in 第二条', () => {
    for (const s of sectors.filter((x) => !memOrder10.sectors.includes(x))) {
      expect(itemsFor(s, ['combustible_dust'])).toEqual([]);
      expect(articlesFor(s, [])).toEqual([]);
    }
    expect(memOrder10.sectors).toHaveLength(8);
  });
});

describe('findItem(ref)', () => {
  it('finds verbatim items by object or id', () => {
    const item = findItem({ article: 6, item: 7 });
    expect(item?.textAvailable && item.text).toBe('电熔制品电炉的水冷设备失效的；');
    expect(findItem('MEM10-2023/5.13')?.label.zh).toBe('第五条第（十三）项');
    expect(findItem('MEM10-2023/11.3')?.label.en).toBe('Art. 11 item 3');
  });

  it('returns verified placeholders without text', () => {
    expect(findItem({ article: 5, item: 2 })).toMatchObject({ textAvailable: false, existenceVerified: true });
    expect(findItem({ article: 4, item: 5 })).toMatchObject({ textAvailable: false, fragment: expect.stringContaining('高炉生产期间') });
  });

  it('returns an unverified placeholder inside an unretrieved range, and nothing that cannot exist', () => {
    expect(findItem({ article: 8, item: 2 })).toMatchObject({ id: 'MEM10-2023/8.2', textAvailable: false, existenceVerified: false });
    expect(findItem({ article: 8, item: 19 })).toBeUndefined(); // more than 47 − 13 − 8 − 5 − 3 = 18
    expect(findItem({ article: 3, item: 4 })).toBeUndefined();
    expect(findItem({ article: 5, item: 14 })).toBeUndefined();
    expect(findItem({ article: 14, item: 1 })).toBeUndefined();
    expect(findItem({ article: 6, item: 0 })).toBeUndefined();
    expect(findItem('AJZG-2017/6.1')).toBeUndefined();
    expect(findItem('nonsense')).toBeUndefined();
  });

  it('writes Chinese numerals for citations', () => {
    expect([1, 10, 11, 13, 20, 26].map(chineseNumeral)).toEqual(['一', '十', '十一', '十三', '二十', '二十六']);
  });
});
