// GB 6441-1986 → GB 6441-2025 correspondence, for statistics that span the cut-over.
// The schemes do not map one-to-one (车辆伤害 splits into two 2025 types; 其他爆炸 may be any of the
// new explosion types), so counts cannot be moved type by type. Instead both schemes are summed into
// comparison groups: the smallest groups inside which every correspondence stays. Source: docs/rules.md
// §1.3 "1986→2025 mapping hints" (M); edges marked 'probably' are flagged there as unconfirmed, and
// edges marked 'assumed' are this module's own guess for 2025 types the hints do not mention.
import type { Gb1986Code, Gb2025Key, AccidentTypeScheme } from './accident-types';
import { isGb1986Code, isGb2025Key } from './accident-types';
import type { Label } from './label';

/** 'stated': in the hints; 'probably': in the hints with "(probably)"; 'assumed': not in the hints. */
export type MappingConfidence = 'stated' | 'probably' | 'assumed';

export interface TypeMappingEdge {
  from: Gb1986Code;
  to: Gb2025Key;
  confidence: MappingConfidence;
}

const edge = (from: Gb1986Code, to: Gb2025Key, confidence: MappingConfidence = 'stated'): TypeMappingEdge => ({ from, to, confidence });
const EXPLOSIONS_2025: readonly Gb2025Key[] = ['P14', 'P15', 'P16', 'P17', 'P18', 'P19', 'P20', 'P21', 'P22'];

export const GB1986_TO_2025: readonly TypeMappingEdge[] = [
  edge('01', 'P01'), // 物体打击 → 物体打击 (same name)
  edge('02', 'P02'), // 车辆伤害 → 厂（场）内车辆致害 or …
  edge('02', 'P03'), // … 道路（轨道）车辆致害: one-to-many, needs the record to decide
  edge('03', 'P04'), // 机械伤害 → 机械致害
  edge('04', 'P05'), // 起重伤害 → 起重致害
  edge('05', 'P06'), // 触电 (same name)
  edge('06', 'P07'), // 淹溺 (same name)
  edge('07', 'P08'), // 灼烫 (same name)
  edge('08', 'P09'), // 火灾 (same name)
  edge('09', 'P10'), // 高处坠落 (same name)
  edge('010', 'P12'), // 坍塌 (same name)
  // 1986 坍塌 covered earth and rock collapses; 2025 separates 滑坡. Not in the hints.
  edge('010', 'P25', 'assumed'),
  edge('011', 'P12', 'probably'), // 冒顶片帮 → 坍塌 (probably)
  edge('012', 'P13'), // 透水 → 水害
  edge('013', 'P19'), // 放炮 → 民用爆炸物品爆炸 or 烟花爆竹爆炸
  edge('013', 'P20'),
  edge('014', 'P19'), // 火药爆炸 → 民用爆炸物品爆炸 or 烟花爆竹爆炸
  edge('014', 'P20'),
  edge('015', 'P16'), // 瓦斯爆炸 → 可燃气体爆炸
  edge('016', 'P14', 'probably'), // 锅炉爆炸 → 容器爆炸 (probably)
  edge('017', 'P14'), // 容器爆炸 (same name)
  ...EXPLOSIONS_2025.map((to) => edge('018', to)), // 其他爆炸 → one of the new explosion types
  edge('019', 'P23'), // 中毒和窒息 → 中毒 or 窒息
  edge('019', 'P24'),
  edge('020', 'P27'), // 其他伤害 → 其他
  // 1986 had no same-level fall or leakage type; such accidents fell under 其他伤害. Not in the hints.
  edge('020', 'P11', 'assumed'),
  edge('020', 'P26', 'assumed'),
];

export type ComparisonGroupId =
  | 'struck_by_object'
  | 'vehicle'
  | 'machinery'
  | 'lifting'
  | 'electric_shock'
  | 'drowning'
  | 'burns'
  | 'fire'
  | 'fall_from_height'
  | 'collapse'
  | 'water_hazard'
  | 'explosion'
  | 'poisoning_asphyxiation'
  | 'other';

export interface ComparisonGroup {
  id: ComparisonGroupId;
  label: Label;
  gb1986: readonly Gb1986Code[];
  gb2025: readonly Gb2025Key[];
  /** Weakest confidence of any edge inside the group: how far a cross-scheme trend can be trusted. */
  confidence: MappingConfidence;
}

const group = (
  id: ComparisonGroupId,
  zh: string,
  en: string,
  gb1986: Gb1986Code[],
  gb2025: Gb2025Key[],
  confidence: MappingConfidence = 'stated',
): ComparisonGroup => ({ id, label: { zh, en }, gb1986, gb2025, confidence });

/** The common basis. Every type of both schemes is in exactly one group (checked by the tests). */
export const COMPARISON_GROUPS: readonly ComparisonGroup[] = [
  group('struck_by_object', '物体打击', 'Struck by object', ['01'], ['P01']),
  group('vehicle', '车辆', 'Vehicles', ['02'], ['P02', 'P03']),
  group('machinery', '机械', 'Machinery', ['03'], ['P04']),
  group('lifting', '起重', 'Lifting', ['04'], ['P05']),
  group('electric_shock', '触电', 'Electric shock', ['05'], ['P06']),
  group('drowning', '淹溺', 'Drowning', ['06'], ['P07']),
  group('burns', '灼烫', 'Burns and scalds', ['07'], ['P08']),
  group('fire', '火灾', 'Fire', ['08'], ['P09']),
  group('fall_from_height', '高处坠落', 'Fall from height', ['09'], ['P10']),
  group('collapse', '坍塌（含冒顶片帮、滑坡）', 'Collapse (incl. roof fall, landslide)', ['010', '011'], ['P12', 'P25'], 'assumed'),
  group('water_hazard', '透水/水害', 'Water inrush / water hazard', ['012'], ['P13']),
  group('explosion', '爆炸', 'Explosions', ['013', '014', '015', '016', '017', '018'], [...EXPLOSIONS_2025], 'probably'),
  group('poisoning_asphyxiation', '中毒和窒息', 'Poisoning and asphyxiation', ['019'], ['P23', 'P24']),
  group('other', '其他（含跌落、泄漏）', 'Other (incl. same-level falls, leakage)', ['020'], ['P11', 'P26', 'P27'], 'assumed'),
];

/** 2025 candidates for a 1986 type, with the confidence of each. */
export function gb2025CandidatesFor(code: Gb1986Code): readonly TypeMappingEdge[] {
  return GB1986_TO_2025.filter((e) => e.from === code);
}

/** 1986 predecessors of a 2025 type: many-to-one questions ("what was 可燃气体爆炸 before?"). */
export function gb1986PredecessorsOf(key: Gb2025Key): readonly TypeMappingEdge[] {
  return GB1986_TO_2025.filter((e) => e.to === key);
}

export function comparisonGroupOf(scheme: AccidentTypeScheme, codeOrKey: string): ComparisonGroup {
  const found = COMPARISON_GROUPS.find((g) =>
    scheme === 'GB6441-1986' ? (g.gb1986 as readonly string[]).includes(codeOrKey) : (g.gb2025 as readonly string[]).includes(codeOrKey),
  );
  if (!found) throw new RangeError(`${codeOrKey} is not a ${scheme} accident type`);
  return found;
}

/** A count breakdown (accidents, deaths …) keyed by type under one scheme. */
export interface TypeBreakdown {
  scheme: AccidentTypeScheme;
  counts: Readonly<Record<string, number>>;
}

export type GroupBreakdown = Record<ComparisonGroupId, number>;

export function emptyGroupBreakdown(): GroupBreakdown {
  return Object.fromEntries(COMPARISON_GROUPS.map((g) => [g.id, 0])) as GroupBreakdown;
}

/**
 * Sums one or more breakdowns (for example 2026 H1 under 1986 codes and H2 under 2025 keys) into
 * the comparison groups. Unknown keys and invalid counts throw: a silently dropped count would make
 * a year's total wrong without anyone noticing.
 */
export function toCommonBasis(...breakdowns: readonly TypeBreakdown[]): GroupBreakdown {
  const result = emptyGroupBreakdown();
  for (const { scheme, counts } of breakdowns) {
    for (const [key, count] of Object.entries(counts)) {
      const valid = scheme === 'GB6441-1986' ? isGb1986Code(key) : isGb2025Key(key);
      if (!valid) throw new RangeError(`${key} is not a ${scheme} accident type`);
      if (!Number.isFinite(count) || count < 0) throw new RangeError(`count for ${key} must be a non-negative number, got ${count}`);
      result[comparisonGroupOf(scheme, key).id] += count;
    }
  }
  return result;
}
