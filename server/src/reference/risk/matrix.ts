// LS risk matrix (风险矩阵法): R = L × S on a 5 × 5 grid.
// docs/rules.md §4.3 marks the bands L: sources disagree, so bands are per-deployment configuration objects (one per
// tenant or industry), validated before use. The L and S scoring criteria themselves are out of scope there and
// are not modelled; only the integer scores 1–5 are.
import type { Bilingual } from '@anjian/contracts';
import { isRiskLevel, riskLevels, severityRank, type RiskLevel } from './levels';

export const matrixScores = [1, 2, 3, 4, 5] as const;

/** Inclusive integer range of R mapped to one level. */
export interface MatrixBand {
  level: RiskLevel;
  min: number;
  max: number;
}

export interface MatrixBandConfig {
  id: string;
  name: Bilingual;
  /** Where the bands were published; shown beside the matrix so users know whose thresholds they see. */
  source: string;
  bands: readonly MatrixBand[];
}

// Shandong-style (DB37/T 2882 family), the platform default: 1–8 低, 9–12 一般, 15–16 较大, 20–25 重大.
// 13, 14 and 17–19 are not products of 1–5 × 1–5, so these bands are complete without covering them.
export const shandongMatrixBands: MatrixBandConfig = {
  id: 'shandong',
  name: { zh: '山东地方标准式（默认）', en: 'Shandong-style (default)' },
  source: 'docs/rules.md §4.3: DB37/T 2882 family',
  bands: [
    { level: 'low', min: 1, max: 8 },
    { level: 'general', min: 9, max: 12 },
    { level: 'significant', min: 15, max: 16 },
    { level: 'major', min: 20, max: 25 },
  ],
};

export const zgmkwMatrixBands: MatrixBandConfig = {
  id: 'zgmkw',
  name: { zh: '变体一（1–3/4–8/9–16/20–25）', en: 'Variant 1 (1–3/4–8/9–16/20–25)' },
  source: 'docs/rules.md §4.3: zgmkw.com',
  bands: [
    { level: 'low', min: 1, max: 3 },
    { level: 'general', min: 4, max: 8 },
    { level: 'significant', min: 9, max: 16 },
    { level: 'major', min: 20, max: 25 },
  ],
};

export const mtoouMatrixBands: MatrixBandConfig = {
  id: 'mtoou',
  name: { zh: '变体二（1–3/4–9/10–16/20–25）', en: 'Variant 2 (1–3/4–9/10–16/20–25)' },
  source: 'docs/rules.md §4.3: mtoou.info',
  bands: [
    { level: 'low', min: 1, max: 3 },
    { level: 'general', min: 4, max: 9 },
    { level: 'significant', min: 10, max: 16 },
    { level: 'major', min: 20, max: 25 },
  ],
};

export const defaultMatrixBands = shandongMatrixBands;

export const matrixBandPresets: readonly MatrixBandConfig[] = [shandongMatrixBands, zgmkwMatrixBands, mtoouMatrixBands];

/** The 14 distinct values of L × S for L, S ∈ 1..5, ascending. */
export function reachableMatrixProducts(): number[] {
  const products = new Set<number>();
  for (const l of matrixScores) for (const s of matrixScores) products.add(l * s);
  return [...products].sort((a, b) => a - b);
}

export interface MatrixIssue {
  field: 'l' | 's' | 'config';
  message: Bilingual;
}

export class MatrixError extends Error {
  constructor(public readonly issues: readonly MatrixIssue[]) {
    super(issues.map((i) => i.message.en).join('; '));
  }
}

/**
 * A configuration is usable when every reachable product falls in exactly one band, each band names a known
 * level, and a higher R never maps to a less severe level. Returns the problems; empty when usable.
 */
export function validateMatrixBands(config: MatrixBandConfig): MatrixIssue[] {
  const issues: MatrixIssue[] = [];
  const issue = (zh: string, en: string) => issues.push({ field: 'config', message: { zh, en } });
  for (const band of config.bands) {
    if (!isRiskLevel(band.level)) issue(`未知风险等级：${String(band.level)}`, `Unknown risk level: ${String(band.level)}`);
    if (!(band.min <= band.max)) issue(`区间 ${band.min}–${band.max} 无效`, `Band ${band.min}–${band.max} is empty or invalid`);
  }
  let previousRank: number = riskLevels.length;
  for (const r of reachableMatrixProducts()) {
    const hits = config.bands.filter((b) => r >= b.min && r <= b.max);
    if (hits.length === 0) issue(`R=${r} 未被任何区间覆盖`, `R=${r} is not covered by any band`);
    if (hits.length > 1) issue(`R=${r} 被多个区间覆盖`, `R=${r} is covered by more than one band`);
    const hit = hits[0];
    if (hits.length !== 1 || !hit || !isRiskLevel(hit.level)) continue;
    const rank = severityRank(hit.level);
    if (rank > previousRank) issue(`R=${r} 的等级低于更小的 R`, `R=${r} maps to a lower level than a smaller R`);
    previousRank = rank;
  }
  return issues;
}

export interface MatrixInput {
  l: number;
  s: number;
}

export interface MatrixAssessment {
  r: number;
  level: RiskLevel;
}

export function validateMatrixInput(input: MatrixInput): MatrixIssue[] {
  const issues: MatrixIssue[] = [];
  const names = { l: { zh: 'L（可能性）', en: 'L (likelihood)' }, s: { zh: 'S（严重性）', en: 'S (severity)' } };
  for (const field of ['l', 's'] as const) {
    const value = input[field];
    if ((matrixScores as readonly number[]).includes(value)) continue;
    issues.push({
      field,
      message: {
        zh: `${names[field].zh}取值 ${String(value)} 无效，应为 1～5 的整数`,
        en: `${names[field].en}: ${String(value)} is invalid; use an integer from 1 to 5`,
      },
    });
  }
  return issues;
}

/** Throws MatrixError for scores outside 1–5 or a configuration that fails validateMatrixBands. */
export function assessMatrix(input: MatrixInput, config: MatrixBandConfig = defaultMatrixBands): MatrixAssessment {
  const issues = [...validateMatrixInput(input), ...validateMatrixBands(config)];
  if (issues.length > 0) throw new MatrixError(issues);
  const r = input.l * input.s;
  const band = config.bands.find((b) => r >= b.min && r <= b.max);
  // Unreachable after validation; kept so a future edit that skips validation fails loudly, not silently blue.
  if (!band) throw new MatrixError([{ field: 'config', message: { zh: `R=${r} 无对应等级`, en: `No band for R=${r}` } }]);
  return { r, level: band.level };
}
