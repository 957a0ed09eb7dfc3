// Publicity reach as data. What each kind of campaign must bring to every targeted enterprise, and which ways of
// delivering count for which item:
// - "四个一" (seed 001 line 39, 二(二)3): 一张安全海报、一份安全手册、一条安全提示信息，接受一次安全知识宣讲 — all
//   生产经营单位 within the year.
// - quarterly themes (seed 000 line 77, 四(四)12): 每季度选定一个宣传主题 … 专题宣传片 played at meetings and training
//   classes or passed on by WeChat — the film, and the tip that carries it.
// - 安全生产月 (seed 001 line 40, seed 004 line 58): a poster, a tip and a lecture by default.
// Grid inspectors are the last mile of publicity (seed 000 line 84, 四(四)14): a visit hands over the printed items.
import type { CampaignKind, PublicityChannel, PublicityItem } from '@anjian/contracts';

export const defaultItems: Record<CampaignKind, readonly PublicityItem[]> = {
  four_ones: ['poster', 'handbook', 'tip', 'lecture'],
  quarterly_theme: ['film', 'tip'],
  safety_month: ['poster', 'tip', 'lecture'],
  other: ['tip'],
};

/** The channels that deliver an item (an officer's manual record delivers any item). */
export const itemChannels: Record<PublicityItem, readonly PublicityChannel[]> = {
  poster: ['visit', 'manual'],
  handbook: ['visit', 'manual'],
  tip: ['confirm', 'manual'],
  lecture: ['lecture', 'manual'],
  film: ['visit', 'lecture', 'manual'],
};

export const itemsFor = (kind: CampaignKind, items?: readonly PublicityItem[]) =>
  [...new Set(items && items.length ? items : defaultItems[kind])] as PublicityItem[];

/** Of a campaign's items, those a channel can deliver. */
export const deliverableBy = (items: readonly PublicityItem[], channel: PublicityChannel) =>
  items.filter((i) => itemChannels[i].includes(channel));

/** A target is reached once every item of its campaign was delivered. */
export const isReached = (items: readonly PublicityItem[], delivered: readonly string[]) => items.every((i) => delivered.includes(i));

/** A delivery on `day` counts for a campaign running on that day (both ends included). */
export const runsOn = (c: { startsOn: string; endsOn: string }, day: string) => c.startsOn <= day && day <= c.endsOn;

export const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);
