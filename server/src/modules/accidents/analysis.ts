// Accident analysis (counts, deaths, year-over-year change by year, month, area, sector, type, cause,
// category or level) and the enforcement hotspots (sectors and areas ranked by recent harm, with a
// weight the enforcement draw can use). Figures come from analysis.queries.ts.
import { inArray } from 'drizzle-orm';
import { causeCategoryLabels, sectorLabels, type AnalysisReport, type Bilingual } from '@anjian/contracts';
import { areas } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { areaPrefixOf } from '../../platform/scope';
import { cstDate } from '../../platform/time';
import {
  ACCIDENT_CATEGORY_LABELS,
  ACCIDENT_LEVEL_LABELS,
  type AccidentCategory,
  type AccidentLevel,
} from '../../reference/accidents/accident-level';
import { comparisonGroupOf, COMPARISON_GROUPS } from '../../reference/accidents/accident-type-mapping';
import type { AccidentTypeScheme } from '../../reference/accidents/accident-types';
import { roundTo } from '../../reference/indicators/rates';
import {
  aggregateRegistry,
  aggregateStatistics,
  shiftYears,
  type AggFilter,
  type AggRow,
  type GroupKey,
  type MonthWindow,
} from './analysis.queries';

const ym = (date: string) => Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
const noSector: Bilingual = { zh: '未分行业', en: 'No sector' };

/** Types of both GB 6441 schemes folded into the comparison groups, so a trend spans the cut-over. */
function foldTypes(rows: AggRow[]): AggRow[] {
  const out = new Map<string, AggRow>();
  for (const row of rows) {
    const [scheme, code] = row.key.split(':') as [AccidentTypeScheme, string];
    const id = comparisonGroupOf(scheme, code).id;
    const cur = out.get(id) ?? { key: id, accidents: 0, deaths: 0, seriousInjuries: 0, directLossWan: 0 };
    out.set(id, {
      key: id,
      accidents: cur.accidents + row.accidents,
      deaths: cur.deaths + row.deaths,
      seriousInjuries: cur.seriousInjuries + row.seriousInjuries,
      directLossWan: roundTo(cur.directLossWan + row.directLossWan, 4),
    });
  }
  return [...out.values()];
}

async function labelsFor(db: DbOrTx, group: GroupKey, keys: string[]): Promise<Map<string, Bilingual>> {
  const m = new Map<string, Bilingual>();
  if (group === 'area' && keys.length > 0) {
    for (const a of await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, keys))) {
      m.set(a.code, { zh: a.name, en: a.name });
    }
  }
  for (const k of keys) {
    if (m.has(k)) continue;
    const label =
      group === 'sector'
        ? k === ''
          ? noSector
          : sectorLabels[k as keyof typeof sectorLabels]
        : group === 'type'
          ? COMPARISON_GROUPS.find((g) => g.id === k)?.label
          : group === 'cause'
            ? causeCategoryLabels[k as keyof typeof causeCategoryLabels]
            : group === 'category'
              ? ACCIDENT_CATEGORY_LABELS[k as AccidentCategory]
              : group === 'level'
                ? ACCIDENT_LEVEL_LABELS[k as AccidentLevel]
                : undefined;
    m.set(k, label ?? { zh: k, en: k });
  }
  return m;
}

async function figures(db: DbOrTx, actor: Actor, group: GroupKey, w: MonthWindow, f: AggFilter, rootLength: number) {
  const [registry, imported] = await Promise.all([
    aggregateRegistry(db, actor, group, w, f, rootLength),
    aggregateStatistics(db, actor, group, w, f, rootLength),
  ]);
  return { registry: group === 'type' ? foldTypes(registry) : registry, imported };
}

const changePercent = (cur: number, prev: number) => (prev > 0 ? roundTo(((cur - prev) / prev) * 100, 1) : null);

/** Year and month keys of the year before line up one year later; other keys line up as they are. */
function laterKey(group: GroupKey, key: string): string {
  if (group === 'year') return String(Number(key) + 1);
  if (group === 'month') return `${Number(key.slice(0, 4)) + 1}${key.slice(4)}`;
  return key;
}

export interface AnalysisOptions {
  groupBy: GroupKey;
  from?: string;
  to?: string;
  areaCode?: string;
  category?: string;
  sector?: string;
}

export async function analyseAccidents(db: DbOrTx, actor: Actor, o: AnalysisOptions, now = new Date()): Promise<AnalysisReport> {
  const today = cstDate(now);
  const from = o.from ?? `${Number(today.slice(0, 4)) - 4}-01-01`;
  const to = o.to ?? today;
  const window = { from: ym(from), to: ym(to) };
  const areaPrefix = o.areaCode ? areaPrefixOf(o.areaCode) : undefined;
  const rootLength = (areaPrefix ?? actor.areaPrefix ?? '').length;
  const f: AggFilter = { areaPrefix, category: o.category, sector: o.sector };
  const [cur, prev] = await Promise.all([
    figures(db, actor, o.groupBy, window, f, rootLength),
    figures(db, actor, o.groupBy, shiftYears(window, -1), f, rootLength),
  ]);
  type Item = AnalysisReport['items'][number];
  const items = new Map<string, Omit<Item, 'label' | 'accidentsChangePercent' | 'deathsChangePercent'>>();
  const blank = (key: string) => ({
    key,
    accidents: 0,
    deaths: 0,
    seriousInjuries: 0,
    directLossWan: 0,
    imported: { accidents: 0, deaths: 0 },
    previous: { accidents: 0, deaths: 0 },
  });
  for (const row of cur.registry) items.set(row.key, { ...blank(row.key), ...row, imported: { accidents: 0, deaths: 0 } });
  for (const row of cur.imported) {
    const it = items.get(row.key) ?? blank(row.key);
    items.set(row.key, {
      ...it,
      accidents: it.accidents + row.accidents,
      deaths: it.deaths + row.deaths,
      imported: { accidents: row.accidents, deaths: row.deaths },
    });
  }
  for (const row of [...prev.registry, ...prev.imported]) {
    const it = items.get(laterKey(o.groupBy, row.key));
    if (it) it.previous = { accidents: it.previous.accidents + row.accidents, deaths: it.previous.deaths + row.deaths };
  }
  const labels = await labelsFor(db, o.groupBy, [...items.keys()]);
  const chronological = o.groupBy === 'year' || o.groupBy === 'month';
  const list: Item[] = [...items.values()]
    .map((it) => ({
      ...it,
      label: labels.get(it.key)!,
      accidentsChangePercent: changePercent(it.accidents, it.previous.accidents),
      deathsChangePercent: changePercent(it.deaths, it.previous.deaths),
    }))
    .sort((x, y) =>
      chronological ? x.key.localeCompare(y.key) : y.deaths - x.deaths || y.accidents - x.accidents || x.key.localeCompare(y.key),
    );
  const total = list.reduce(
    (t, i) => ({
      accidents: t.accidents + i.accidents,
      deaths: t.deaths + i.deaths,
      seriousInjuries: t.seriousInjuries + i.seriousInjuries,
      directLossWan: roundTo(t.directLossWan + i.directLossWan, 4),
    }),
    { accidents: 0, deaths: 0, seriousInjuries: 0, directLossWan: 0 },
  );
  return { groupBy: o.groupBy, from, to, items: list, total };
}

/** Severity weights of the hotspot score: a death weighs most, then a serious injury, then the accident itself. */
export const HOTSPOT_WEIGHTS = { death: 10, seriousInjury: 3, accident: 1 } as const;

const monthsBack = (ymNow: number, months: number) => {
  let y = Math.floor(ymNow / 100);
  let m = (ymNow % 100) - (months - 1);
  while (m < 1) {
    m += 12;
    y--;
  }
  return y * 100 + m;
};

/**
 * Sectors and areas ranked by recent harm in the registry (imported road/fire/water figures are left
 * out: they are not the enforcement targets of this department). `weight` = score ÷ top score.
 */
export async function findHotspots(db: DbOrTx, actor: Actor, o: { months: number; areaCode?: string; limit: number }, now = new Date()) {
  const today = cstDate(now);
  const window = { from: monthsBack(ym(today), o.months), to: ym(today) };
  const areaPrefix = o.areaCode ? areaPrefixOf(o.areaCode) : undefined;
  const rootLength = (areaPrefix ?? actor.areaPrefix ?? '').length;
  const rank = async (group: GroupKey) => {
    const rows = await aggregateRegistry(db, actor, group, window, { areaPrefix }, rootLength);
    const scored = rows
      .map((r) => ({
        ...r,
        score:
          r.deaths * HOTSPOT_WEIGHTS.death + r.seriousInjuries * HOTSPOT_WEIGHTS.seriousInjury + r.accidents * HOTSPOT_WEIGHTS.accident,
      }))
      .sort((x, y) => y.score - x.score || x.key.localeCompare(y.key))
      .slice(0, o.limit);
    const top = scored[0]?.score ?? 0;
    const labels = await labelsFor(
      db,
      group,
      scored.map((r) => r.key),
    );
    return scored.map((r) => ({
      key: r.key,
      label: labels.get(r.key)!,
      accidents: r.accidents,
      deaths: r.deaths,
      seriousInjuries: r.seriousInjuries,
      score: r.score,
      weight: top > 0 ? roundTo(r.score / top, 4) : 0,
    }));
  };
  const [sectors, areasRanked] = await Promise.all([rank('sector'), rank('area')]);
  const fmt = (n: number) => `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}`;
  return {
    from: fmt(window.from),
    to: fmt(window.to),
    formula: {
      zh: `得分 = 死亡（含失踪）×${HOTSPOT_WEIGHTS.death} + 重伤×${HOTSPOT_WEIGHTS.seriousInjury} + 事故起数×${HOTSPOT_WEIGHTS.accident}；权重 = 得分 ÷ 最高得分`,
      en: `score = deaths (incl. missing) × ${HOTSPOT_WEIGHTS.death} + serious injuries × ${HOTSPOT_WEIGHTS.seriousInjury} + accidents × ${HOTSPOT_WEIGHTS.accident}; weight = score ÷ top score`,
    },
    sectors,
    areas: areasRanked,
  };
}
