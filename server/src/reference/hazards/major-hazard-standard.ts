// The 工贸 major-hidden-danger standard (应急管理部令第10号《工贸企业重大事故隐患判定标准》) as versioned data,
// and the look-ups a hazards module needs: which items apply to an enterprise, and what an item reference means.
// 一般 vs 重大 is decided by such lists, not by a score (docs/rules.md §3.1 design note), so a 重大 hidden danger
// should cite an item from here. The data lives in major-hazard-standard.data.ts; this file owns the shape.
//
// Only items docs/rules.md §3.2 quotes verbatim carry text. Every other item is a placeholder with textAvailable:
// false; articles whose item count docs/rules.md does not verify carry `itemCount: null` and an "unretrieved" entry.
// The repealed 2017 list (安监总管四〔2017〕129号) is deliberately absent: do not fill gaps from it.
import type { Bilingual, HazardTag, Sector } from '@anjian/contracts';
import { itemLabel } from './citation';
import { memOrder10 } from './major-hazard-standard.data';

export type ArticleGroup = 'general' | 'management' | 'industry' | 'special';

export type ArticleScope =
  | { kind: 'none' } // purpose, scope, catch-all and commencement articles list no items
  | { kind: 'all' } // every 工贸 enterprise (第三条)
  | { kind: 'sector'; sector: Sector }
  | { kind: 'tag'; tag: HazardTag };

export interface StandardArticle {
  number: number;
  group: ArticleGroup;
  scope: ArticleScope;
  /** Who the article covers (zh from the docs/rules.md article map) or, for non-item articles, what it does. */
  appliesTo: Bilingual;
  /** Official item count where docs/rules.md verifies it; null where it does not. */
  itemCount: number | null;
  /** Highest item number seen in a source (verbatim or truncated); a lower bound while itemCount is null. */
  itemsSeen: number;
  /** Article text for the non-item articles docs/rules.md quotes (第十四条). */
  provision?: Bilingual;
}

export interface ItemRef {
  article: number;
  item: number;
}

interface ItemBase extends ItemRef {
  kind: 'item';
  /** Stable id, e.g. 'MEM10-2023/5.11'; store this on a hidden-danger record. */
  id: string;
  /** e.g. 第五条第（十一）项 / Art. 5 item 11. */
  label: Bilingual;
  /** Present where the item applies only to enterprises carrying this tag (e.g. 金属冶炼 in 第三条(三)). */
  requiresTag?: HazardTag;
}

export interface VerbatimItem extends ItemBase {
  textAvailable: true;
  /** Official wording (zh only: a translation would not be the rule). */
  text: string;
  source: string;
}

export interface PlaceholderItem extends ItemBase {
  textAvailable: false;
  /** The verbatim beginning, when a source was cut off mid-item. */
  fragment?: string;
  /** False for a number inside an article whose item count is not verified: it may not exist. */
  existenceVerified: boolean;
}

export type StandardItem = VerbatimItem | PlaceholderItem;

/** Items of an article not yet retrieved, from `fromItem` on; count null when the article's count is unverified. */
export interface UnretrievedItems {
  kind: 'unretrieved';
  article: number;
  fromItem: number;
  count: number | null;
}

export type StandardEntry = StandardItem | UnretrievedItems;

export interface MajorHazardStandard {
  id: string;
  code: Bilingual;
  title: Bilingual;
  version: string;
  adopted: string;
  published: string;
  effective: string;
  repeals: readonly { code: string; title: string }[];
  officialText: string;
  /** Counts reported for the standard as a whole (中新网/澎湃, H). */
  totals: { all: number; management: number; industry: number; special: number };
  /** Sectors 第二条 names; 第二条 ends in 等, but other sectors are not assumed to be 工贸. */
  sectors: readonly Sector[];
  articles: readonly StandardArticle[];
  items: readonly StandardItem[];
}

export const majorHazardStandards: readonly MajorHazardStandard[] = [memOrder10];
export { memOrder10 };
export { articleLabel, chineseNumeral, itemLabel } from './citation';

export function findStandard(id: string): MajorHazardStandard | undefined {
  return majorHazardStandards.find((s) => s.id === id);
}

/** Whether 令10号 governs a finding on this China date (before 2023-05-15 the repealed 2017 list did). */
export function isInEffect(date: string, standard: MajorHazardStandard = memOrder10): boolean {
  return date >= standard.effective;
}

export function itemId(ref: ItemRef, standard: MajorHazardStandard = memOrder10): string {
  return `${standard.id}/${ref.article}.${ref.item}`;
}

function articleOf(standard: MajorHazardStandard, n: number): StandardArticle | undefined {
  return standard.articles.find((a) => a.number === n);
}

/**
 * The largest item number an article can have given what is verified: its own count when known, otherwise the
 * group total minus the counts (or seen minimums) of the other articles in its group.
 */
export function maxPossibleItem(article: number, standard: MajorHazardStandard = memOrder10): number {
  const target = articleOf(standard, article);
  if (!target || target.scope.kind === 'none') return 0;
  if (target.itemCount !== null) return target.itemCount;
  const groupTotal = target.group === 'industry' ? standard.totals.industry : standard.totals.special;
  const others = standard.articles.filter((a) => a.group === target.group && a.number !== article);
  return groupTotal - others.reduce((sum, a) => sum + (a.itemCount ?? a.itemsSeen), 0);
}

function parseRef(ref: ItemRef | string, standard: MajorHazardStandard): ItemRef | undefined {
  if (typeof ref !== 'string') return ref;
  const match = /^(.+)\/(\d+)\.(\d+)$/.exec(ref);
  if (!match || match[1] !== standard.id) return undefined;
  return { article: Number(match[2]), item: Number(match[3]) };
}

/**
 * What an item reference (object or id) points to. Known items come back as stored. A number inside an article
 * whose count is unverified comes back as a placeholder with existenceVerified: false, so an inspector can cite
 * the official text before it is imported; a number that cannot exist returns undefined.
 */
export function findItem(ref: ItemRef | string, standard: MajorHazardStandard = memOrder10): StandardItem | undefined {
  const parsed = parseRef(ref, standard);
  if (!parsed || !Number.isInteger(parsed.item) || parsed.item < 1) return undefined;
  const stored = standard.items.find((i) => i.article === parsed.article && i.item === parsed.item);
  if (stored) return stored;
  const article = articleOf(standard, parsed.article);
  if (!article || article.itemCount !== null || parsed.item > maxPossibleItem(parsed.article, standard)) return undefined;
  return {
    kind: 'item',
    ...parsed,
    id: itemId(parsed, standard),
    label: itemLabel(parsed),
    textAvailable: false,
    existenceVerified: false,
  };
}

/** Articles that apply to an enterprise of this sector with these tags (empty outside the 工贸 sectors). */
export function articlesFor(sector: Sector, tags: readonly HazardTag[], standard: MajorHazardStandard = memOrder10): StandardArticle[] {
  if (!standard.sectors.includes(sector)) return [];
  return standard.articles.filter((a) => {
    switch (a.scope.kind) {
      case 'all':
        return true;
      case 'sector':
        return a.scope.sector === sector;
      case 'tag':
        return tags.includes(a.scope.tag);
      case 'none':
        return false;
    }
  });
}

/**
 * Items (verbatim or placeholder) that apply to the enterprise, in article order, followed within each article
 * by an UnretrievedItems entry where more items exist than are stored. 第十四条's catch-all is an article
 * provision, not an item: read it from `articles`.
 */
export function itemsFor(sector: Sector, tags: readonly HazardTag[], standard: MajorHazardStandard = memOrder10): StandardEntry[] {
  const entries: StandardEntry[] = [];
  for (const article of articlesFor(sector, tags, standard)) {
    const stored = standard.items.filter((i) => i.article === article.number);
    entries.push(...stored.filter((i) => !i.requiresTag || tags.includes(i.requiresTag)));
    const lastStored = stored.reduce((max, i) => Math.max(max, i.item), 0);
    if (article.itemCount === null || article.itemCount > lastStored) {
      entries.push({
        kind: 'unretrieved',
        article: article.number,
        fromItem: lastStored + 1,
        count: article.itemCount === null ? null : article.itemCount - lastStored,
      });
    }
  }
  return entries;
}
