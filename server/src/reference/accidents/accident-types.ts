// Accident types (事故类别) under both GB 6441 schemes, and which scheme applies to an accident.
// GB 6441-2025 replaced GB/T 6441-1986, so a record must carry its scheme version: an accident is
// classified under the scheme in force on the day it happened, and historical records keep their
// 1986 codes (docs/rules.md §1, "Two points that change the design").
import { cstDate } from '../../platform/time';
import type { Label, RuleSource } from './label';

export type AccidentTypeScheme = 'GB6441-1986' | 'GB6441-2025';

/** The codes exactly as GB 6441-86 prints them: "010".."020" keep their leading zero, so they are strings. */
export const GB1986_CODES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '010',
  '011',
  '012',
  '013',
  '014',
  '015',
  '016',
  '017',
  '018',
  '019',
  '020',
] as const;
export type Gb1986Code = (typeof GB1986_CODES)[number];

/**
 * Provisional keys for GB 6441-2025's 27 types: "P" + published ordinal. The official §5 codes
 * were not found (docs/rules.md §1.2, L for codes), so these are deliberately NOT shaped like codes;
 * the "P" prefix keeps them from ever being mistaken for, or colliding with, the official ones.
 */
export const GB2025_KEYS = [
  'P01',
  'P02',
  'P03',
  'P04',
  'P05',
  'P06',
  'P07',
  'P08',
  'P09',
  'P10',
  'P11',
  'P12',
  'P13',
  'P14',
  'P15',
  'P16',
  'P17',
  'P18',
  'P19',
  'P20',
  'P21',
  'P22',
  'P23',
  'P24',
  'P25',
  'P26',
  'P27',
] as const;
export type Gb2025Key = (typeof GB2025_KEYS)[number];

export interface Gb1986AccidentType {
  scheme: 'GB6441-1986';
  /** Official code as printed in the standard. */
  code: Gb1986Code;
  ordinal: number;
  label: Label;
}

export interface Gb2025AccidentType {
  scheme: 'GB6441-2025';
  /** Provisional key only; replace with the official code once §5 of the standard is obtained. */
  key: Gb2025Key;
  /** Always null until the official codes are known: never invent them (docs/rules.md §1.2). */
  officialCode: null;
  ordinal: number;
  label: Label;
}

export type AccidentType = Gb1986AccidentType | Gb2025AccidentType;

/** The stored reference to an accident's type: scheme plus code (1986) or provisional key (2025). */
export type AccidentTypeRef = { scheme: 'GB6441-1986'; code: Gb1986Code } | { scheme: 'GB6441-2025'; key: Gb2025Key };

export const GB1986_SOURCE: RuleSource = { document: 'GB 6441-86《企业职工伤亡事故分类》', article: '事故类别 (20类)', confidence: 'H' };
export const GB2025_SOURCE: RuleSource = { document: 'GB 6441-2025《生产安全事故分类与编码》', article: '§4 (27类)', confidence: 'M' };

const gb1986Names: readonly [string, string][] = [
  ['物体打击', 'Struck by object'],
  ['车辆伤害', 'Vehicle injury'],
  ['机械伤害', 'Machinery injury'],
  ['起重伤害', 'Lifting injury'],
  ['触电', 'Electric shock'],
  ['淹溺', 'Drowning'],
  ['灼烫', 'Burns and scalds'],
  ['火灾', 'Fire'],
  ['高处坠落', 'Fall from height'],
  ['坍塌', 'Collapse'],
  ['冒顶片帮', 'Roof fall and rib spalling'],
  ['透水', 'Water inrush'],
  ['放炮', 'Blasting'],
  ['火药爆炸', 'Gunpowder explosion'],
  ['瓦斯爆炸', 'Firedamp explosion'],
  ['锅炉爆炸', 'Boiler explosion'],
  ['容器爆炸', 'Pressure vessel explosion'],
  ['其他爆炸', 'Other explosion'],
  ['中毒和窒息', 'Poisoning and asphyxiation'],
  ['其他伤害', 'Other injury'],
];

const gb2025Names: readonly [string, string][] = [
  ['物体打击', 'Struck by object'],
  ['厂（场）内车辆致害', 'In-plant (on-site) vehicle harm'],
  ['道路（轨道）车辆致害', 'Road (rail) vehicle harm'],
  ['机械致害', 'Machinery harm'],
  ['起重致害', 'Lifting harm'],
  ['触电', 'Electric shock'],
  ['淹溺', 'Drowning'],
  ['灼烫', 'Burns and scalds'],
  ['火灾', 'Fire'],
  ['高处坠落', 'Fall from height'],
  ['跌落', 'Fall (not from height)'],
  ['坍塌', 'Collapse'],
  ['水害', 'Water hazard'],
  ['容器爆炸', 'Vessel explosion'],
  ['管道爆炸', 'Pipeline explosion'],
  ['可燃气体爆炸', 'Flammable gas explosion'],
  ['可燃液体蒸气爆炸', 'Flammable liquid vapour explosion'],
  ['粉尘爆炸', 'Dust explosion'],
  ['民用爆炸物品爆炸', 'Civil explosives explosion'],
  ['烟花爆竹爆炸', 'Fireworks explosion'],
  ['其他可燃固体爆炸', 'Other combustible solid explosion'],
  ['高温熔融物爆炸', 'Molten material explosion'],
  ['中毒', 'Poisoning'],
  ['窒息', 'Asphyxiation'],
  ['滑坡', 'Landslide'],
  ['泄漏', 'Leakage'],
  ['其他', 'Other'],
];

// Built from parallel lists so the order, which is the published order, cannot drift from the codes.
export const GB1986_TYPES: readonly Gb1986AccidentType[] = GB1986_CODES.map((code, i) => {
  const [zh, en] = gb1986Names[i] as [string, string];
  return { scheme: 'GB6441-1986', code, ordinal: i + 1, label: { zh, en } };
});

export const GB2025_TYPES: readonly Gb2025AccidentType[] = GB2025_KEYS.map((key, i) => {
  const [zh, en] = gb2025Names[i] as [string, string];
  return { scheme: 'GB6441-2025', key, officialCode: null, ordinal: i + 1, label: { zh, en } };
});

export function isGb1986Code(value: string): value is Gb1986Code {
  return (GB1986_CODES as readonly string[]).includes(value);
}

export function isGb2025Key(value: string): value is Gb2025Key {
  return (GB2025_KEYS as readonly string[]).includes(value);
}

export function findAccidentType(ref: AccidentTypeRef): AccidentType {
  const found = ref.scheme === 'GB6441-1986' ? GB1986_TYPES.find((t) => t.code === ref.code) : GB2025_TYPES.find((t) => t.key === ref.key);
  if (!found) throw new RangeError(`unknown accident type ${JSON.stringify(ref)}`);
  return found;
}

/** Cut-over between the schemes: configuration, because sources disagree on the date (docs/rules.md §1.3, L). */
export interface AccidentTypeConfig {
  /** First China calendar day ('YYYY-MM-DD') on which GB 6441-2025 applies. */
  gb2025EffectiveDate: string;
}

/**
 * Default 2026-07-01 as docs/rules.md §1.3 recommends (aq1024, renrendoc). Alternatives seen:
 * 2027-01-01 (codeofchina draft page) and "from publication" 2025-12-31 (educity).
 */
export const DEFAULT_ACCIDENT_TYPE_CONFIG: AccidentTypeConfig = { gb2025EffectiveDate: '2026-07-01' };

/**
 * The scheme that classifies an accident which happened on `date`. A Date is read as the China
 * calendar day it falls on, so an accident at 23:30 UTC on 2026-06-30 (07:30 on 1 July in China)
 * is already under the 2025 scheme.
 */
export function schemeFor(date: string | Date, config: AccidentTypeConfig = DEFAULT_ACCIDENT_TYPE_CONFIG): AccidentTypeScheme {
  const day = typeof date === 'string' ? date : cstDate(date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`expected a YYYY-MM-DD date, got ${day}`);
  // ISO dates compare correctly as strings.
  return day >= config.gb2025EffectiveDate ? 'GB6441-2025' : 'GB6441-1986';
}

/** The types a user may choose from for an accident on `date`. */
export function accidentTypesFor(date: string | Date, config: AccidentTypeConfig = DEFAULT_ACCIDENT_TYPE_CONFIG): readonly AccidentType[] {
  return schemeFor(date, config) === 'GB6441-2025' ? GB2025_TYPES : GB1986_TYPES;
}
