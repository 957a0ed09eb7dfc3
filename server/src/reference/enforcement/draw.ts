// 双随机、一公开: weighted random selection of enterprises and inspectors, reproducible from a recorded seed.
// Pure functions; the module computes the same thing in SQL for large pools (modules/enforcement/draws/draws.queries.ts),
// and the two agree because both derive each enterprise's uniform number from the seed and the id alone, never from
// Math.random. Sampling without replacement: Efraimidis–Spirakis keys u^(1/w), i.e. the k smallest −ln(u)/w.
import { createHash } from 'node:crypto';

/** Published weight table: an enterprise's weight is `base` plus every signal it shows (additive, so explainable). */
export interface WeightTable {
  base: number;
  /** Open 重大事故隐患 (hazards table: grade major, not closed). */
  openMajorHazard: number;
  /** Overall risk level 重大风险 (red) in enterprise_risk_summary. */
  redRisk: number;
  /** Overall risk level 较大风险 (orange). */
  orangeRisk: number;
  /** An accident in the last 365 days. */
  recentAccident: number;
  /** A penalty decision in the last 365 days. */
  recentPenalty: number;
  /** No completed inspection on record. */
  neverInspected: number;
  /**
   * 差异化监管 by credit: the additive weight is multiplied by the factor of the enterprise's credit grade
   * (modules/credit, credit_summaries mirrored onto enterprises.credit_grade). An enterprise without a credit summary
   * has no entries, which the scheme scores 100 = A, so it takes the A factor. Optional: draws recorded before the
   * factors existed carry none, and a missing factor is 1 (they were drawn without it).
   */
  creditA?: number;
  creditB?: number;
  creditC?: number;
  creditD?: number;
}

export const weightSignals = ['openMajorHazard', 'redRisk', 'orangeRisk', 'recentAccident', 'recentPenalty', 'neverInspected'] as const;
export type WeightSignal = (typeof weightSignals)[number];

export const creditGradeFactors = ['creditA', 'creditB', 'creditC', 'creditD'] as const;
export type CreditFactor = (typeof creditGradeFactors)[number];
export type CreditGradeLetter = 'A' | 'B' | 'C' | 'D';
export const creditFactorOf = (grade: string | null | undefined): CreditFactor =>
  grade === 'B' ? 'creditB' : grade === 'C' ? 'creditC' : grade === 'D' ? 'creditD' : 'creditA';

export const weightSignalLabels: Record<WeightSignal | CreditFactor | 'base', { zh: string; en: string }> = {
  base: { zh: '基础权重', en: 'Base weight' },
  openMajorHazard: { zh: '存在未销号重大事故隐患', en: 'Open major hidden danger' },
  redRisk: { zh: '重大风险（红色）', en: 'Red (major) risk' },
  orangeRisk: { zh: '较大风险（橙色）', en: 'Orange (significant) risk' },
  recentAccident: { zh: '近一年发生事故', en: 'Accident in the last year' },
  recentPenalty: { zh: '近一年受到行政处罚', en: 'Penalised in the last year' },
  neverInspected: { zh: '从未被检查', en: 'Never inspected' },
  creditA: { zh: '信用A级（含无信用记录）倍数', en: 'Credit grade A (or no record): factor' },
  creditB: { zh: '信用B级倍数', en: 'Credit grade B: factor' },
  creditC: { zh: '信用C级倍数', en: 'Credit grade C: factor' },
  creditD: { zh: '信用D级倍数', en: 'Credit grade D: factor' },
};

/** Default published table (a district may publish its own; the draw records the table it used). */
export const defaultWeightTable: WeightTable = {
  base: 1,
  openMajorHazard: 4,
  redRisk: 3,
  orangeRisk: 1.5,
  recentAccident: 3,
  recentPenalty: 2,
  neverInspected: 1,
  // L (configuration): seed 002 (佛山, 完善企业安全生产诚信评价制度: "对不同安全生产诚信等级的企业实行不同的奖惩措施") and
  // seed 003 (三: "为实施差异化监管提供有力支撑") ask for supervision graded by credit; 国办发〔2019〕35号 (信用为基础的新型监管
  // 机制) words it as fewer random checks for good credit and more for poor. The factors are the platform's defaults: an
  // A-grade enterprise (and one with no record) keeps its risk weight, B is drawn 1.5×, C 2×, D 3× as often.
  creditA: 1,
  creditB: 1.5,
  creditC: 2,
  creditD: 3,
};

export type Signals = Partial<Record<WeightSignal, boolean>> & { creditGrade?: string | null };

/** The factor a table gives a credit grade (1 when the table has none: a draw recorded before the factors). */
export function creditFactor(table: WeightTable, grade: string | null | undefined): number {
  return table[creditFactorOf(grade)] ?? 1;
}

/** (base + every signal shown) × the credit grade's factor. */
export function weightOf(signals: Signals, table: WeightTable): number {
  let w = table.base;
  for (const s of weightSignals) if (signals[s]) w += table[s];
  return w * creditFactor(table, signals.creditGrade);
}

/**
 * Why an enterprise weighs what it does, as the draw page shows it: each signal it shows with the weight it adds,
 * then the credit grade's factor. Pure: the draw records this beside each drawn enterprise.
 */
export function weightReasons(signals: Signals, table: WeightTable): { key: WeightSignal | CreditFactor | 'base'; value: number }[] {
  const out: { key: WeightSignal | CreditFactor | 'base'; value: number }[] = [{ key: 'base', value: table.base }];
  for (const s of weightSignals) if (signals[s] && table[s] !== 0) out.push({ key: s, value: table[s] });
  out.push({ key: creditFactorOf(signals.creditGrade), value: creditFactor(table, signals.creditGrade) });
  return out;
}

/**
 * The uniform number in (0, 1) of one pool member: the first 32 bits of md5(seed || id), centred in its bucket so
 * it is never 0 or 1. SQL twin: ((('x'||substr(md5(seed||id::text),1,8))::bit(32)::bigint) + 0.5) / 4294967296.
 */
export function uniformOf(seed: string, id: string): number {
  const hex = createHash('md5')
    .update(seed + id, 'utf8')
    .digest('hex')
    .slice(0, 8);
  return (parseInt(hex, 16) + 0.5) / 4294967296;
}

/**
 * How a draw turns (seed, id) into its uniform number; recorded with the draw so an old draw is verified the way it
 * was made. 'md5' (the first draws): md5(seed || id) — about 1 µs a row in PostgreSQL, over a second for a million.
 * 'mix32' (current): four keyed multiply–xor rounds over 64 bits of the id, plain bigint arithmetic that every
 * PostgreSQL-derived database evaluates the same way, about 3× cheaper than md5 in SQL.
 */
export type UniformMethod = 'md5' | 'mix32';
export const currentUniformMethod: UniformMethod = 'mix32';

/** The largest prime below 2^32: the rounds work modulo it, so (x xor key) · MIX_M stays under 2^63 in SQL bigint. */
export const MIX_P = 4294967291n;
/** An odd multiplier below 2^31 (from the 32-bit golden-ratio family), shared by the four rounds. */
export const MIX_M = 1597334677n;

/** The four 32-bit round keys of a seed: md5(seed) read as four big-endian words. */
export function mixKeys(seed: string): [bigint, bigint, bigint, bigint] {
  const d = createHash('md5').update(seed, 'utf8').digest();
  return [0, 4, 8, 12].map((o) => BigInt(d.readUInt32BE(o))) as [bigint, bigint, bigint, bigint];
}

/** The id's first and last 32 bits (bytes 0–3 and 12–15 of the UUID): random in v4 ids, distinct in sequential ones. */
export function idWords(id: string): [bigint, bigint] {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${id}`);
  return [BigInt(`0x${hex.slice(0, 8)}`), BigInt(`0x${hex.slice(24, 32)}`)];
}

/**
 * mix32: x1 = ((a ⊕ k1)·M) mod P, x2 = ((x1 ⊕ b ⊕ k2)·M) mod P, x3 = ((x2 ⊕ k3)·M) mod P, x4 = ((x3 ⊕ k4)·M) mod P,
 * u = (x4 + ½) / P. The xor (bitwise) and the multiplication modulo a prime (arithmetic) do not commute, so a few
 * rounds scatter neighbouring ids; the chi-square tests draw from sequential ids to check it.
 */
export function mixHash(keys: readonly bigint[], id: string): bigint {
  const [a, b] = idWords(id);
  let x = ((a ^ keys[0]!) * MIX_M) % MIX_P;
  x = ((x ^ b ^ keys[1]!) * MIX_M) % MIX_P;
  x = ((x ^ keys[2]!) * MIX_M) % MIX_P;
  return ((x ^ keys[3]!) * MIX_M) % MIX_P;
}

export function uniformMix(seed: string, id: string): number {
  return (Number(mixHash(mixKeys(seed), id)) + 0.5) / Number(MIX_P);
}

/** Efraimidis–Spirakis key: smaller is selected first; ln(u)/w orders like u^(1/w) but without underflow. */
export function sampleKey(seed: string, id: string, weight: number, method: UniformMethod = currentUniformMethod): number {
  return -Math.log(method === 'md5' ? uniformOf(seed, id) : uniformMix(seed, id)) / weight;
}

export interface PoolMember {
  id: string;
  weight: number;
}

export interface Picked extends PoolMember {
  key: number;
}

/** k members without replacement, each step choosing among the rest with probability ∝ weight. Ties: by id. */
export function sampleWeighted(
  pool: readonly PoolMember[],
  k: number,
  seed: string,
  method: UniformMethod = currentUniformMethod,
): Picked[] {
  const keys = mixKeys(seed);
  const u = (id: string) => (method === 'md5' ? uniformOf(seed, id) : (Number(mixHash(keys, id)) + 0.5) / Number(MIX_P));
  const keyed = pool.filter((m) => m.weight > 0).map((m) => ({ ...m, key: -Math.log(u(m.id)) / m.weight }));
  keyed.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.slice(0, Math.max(0, k));
}

export interface Inspector {
  id: string;
  /** Area code of the inspector's organisation (a street office's code for street staff). */
  orgAreaCode: string;
}

export interface InspectorRules {
  /** The drawing organisation's own area: its staff have no "own street" conflict. */
  rootAreaCode: string;
  /** Pairs (inspectorId|enterpriseId) drawn together last time: not repeated. */
  previousPairs: ReadonlySet<string>;
  perEnterprise: number;
}

export const pairKey = (inspectorId: string, enterpriseId: string) => `${inspectorId}|${enterpriseId}`;

/** Why an inspector may not be sent to an enterprise (回避), or null. */
export function conflictOf(inspector: Inspector, enterprise: { id: string; areaCode: string }, rules: InspectorRules) {
  const ownStreet = inspector.orgAreaCode !== rules.rootAreaCode && enterprise.areaCode.startsWith(inspector.orgAreaCode);
  if (ownStreet) return 'own_area' as const;
  if (rules.previousPairs.has(pairKey(inspector.id, enterprise.id))) return 'repeat_pair' as const;
  return null;
}

export interface Assignment {
  enterpriseId: string;
  inspectorIds: string[];
  /** Fewer inspectors than asked for were free of conflicts. */
  short: boolean;
}

/**
 * Inspectors for each selected enterprise: candidates ordered by their own uniform number for (seed, enterprise),
 * conflicts skipped, and an inspector already holding more assignments than others passed over while a less
 * loaded one is free — so the work spreads and the outcome still follows from the seed alone.
 */
export function drawInspectors(
  enterprises: readonly { id: string; areaCode: string }[],
  inspectors: readonly Inspector[],
  seed: string,
  rules: InspectorRules,
): Assignment[] {
  const load = new Map<string, number>(inspectors.map((i) => [i.id, 0]));
  return enterprises.map((e) => {
    const free = inspectors
      .filter((i) => !conflictOf(i, e, rules))
      .map((i) => ({ i, u: uniformOf(`${seed}/inspector/${e.id}`, i.id) }))
      .sort((a, b) => load.get(a.i.id)! - load.get(b.i.id)! || a.u - b.u);
    const chosen = free.slice(0, rules.perEnterprise).map((f) => f.i.id);
    for (const id of chosen) load.set(id, load.get(id)! + 1);
    return { enterpriseId: e.id, inspectorIds: chosen, short: chosen.length < rules.perEnterprise };
  });
}
