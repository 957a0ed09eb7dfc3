// The deployment's choices for this capability, stored in `risk_settings` (one JSON value per key) with documented
// defaults: which LEC edge reading applies (docs/rules.md §4.2: D = 70 blue or yellow), which LS-matrix bands
// (docs/rules.md §4.3: sources disagree), how often each control level checks (班组日、部门周、经理月), and whether daily
// checks skip official non-working days.
import { inArray } from 'drizzle-orm';
import type { CheckFrequency, ResponsibleLevel, RiskSettings } from '@anjian/contracts';
import { riskSettings } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import { defaultLecConfig, lecConfigSeventyIsSubstantial, validateLecConfig, type LecConfig } from '../../reference/risk/lec';
import { defaultMatrixBands, matrixBandPresets, validateMatrixBands, type MatrixBandConfig } from '../../reference/risk/matrix';

export interface EffectiveSettings {
  lec: LecConfig;
  matrix: MatrixBandConfig;
  frequencies: Record<ResponsibleLevel, CheckFrequency>;
  dailyOnWorkdaysOnly: boolean;
}

/** The two readings of the LEC band edges the sources allow; the first is docs/rules.md's recommendation. */
export const lecPresets: readonly LecConfig[] = [defaultLecConfig, lecConfigSeventyIsSubstantial];

/** 班组日、部门周、经理月: team daily, department weekly, company (manager) monthly; posts check every day. */
export const defaultFrequencies: Record<ResponsibleLevel, CheckFrequency> = {
  company: 'monthly',
  department: 'weekly',
  team: 'daily',
  post: 'daily',
};

export const defaultSettings: EffectiveSettings = {
  lec: defaultLecConfig,
  matrix: defaultMatrixBands,
  frequencies: defaultFrequencies,
  dailyOnWorkdaysOnly: true,
};

const KEYS = ['lecConfigId', 'matrix', 'frequencies', 'dailyOnWorkdaysOnly'] as const;
type Key = (typeof KEYS)[number];

/**
 * Stored values are re-validated on read: a hand-edited row that no longer passes the reference checks falls
 * back to the default rather than colouring risks with broken bands.
 */
export async function loadRiskSettings(db: DbOrTx): Promise<EffectiveSettings> {
  const rows = await db
    .select()
    .from(riskSettings)
    .where(inArray(riskSettings.key, [...KEYS]));
  const value = (k: Key) => rows.find((r) => r.key === k)?.value;
  const lec = lecPresets.find((p) => p.id === value('lecConfigId')) ?? defaultLecConfig;
  const storedMatrix = value('matrix') as MatrixBandConfig | undefined;
  const matrix = storedMatrix && validateMatrixBands(storedMatrix).length === 0 ? storedMatrix : defaultMatrixBands;
  const storedFreq = (value('frequencies') ?? {}) as Partial<Record<ResponsibleLevel, CheckFrequency>>;
  const workdays = value('dailyOnWorkdaysOnly');
  return {
    lec: validateLecConfig(lec).length === 0 ? lec : defaultLecConfig,
    matrix,
    frequencies: { ...defaultFrequencies, ...storedFreq },
    dailyOnWorkdaysOnly: typeof workdays === 'boolean' ? workdays : defaultSettings.dailyOnWorkdaysOnly,
  };
}

export async function storeRiskSettings(db: DbOrTx, s: EffectiveSettings, by: string): Promise<void> {
  const values: Record<Key, unknown> = {
    lecConfigId: s.lec.id,
    matrix: s.matrix,
    frequencies: s.frequencies,
    dailyOnWorkdaysOnly: s.dailyOnWorkdaysOnly,
  };
  for (const key of KEYS) {
    await db
      .insert(riskSettings)
      .values({ key, value: values[key], updatedBy: by })
      .onConflictDoUpdate({ target: riskSettings.key, set: { value: values[key], updatedAt: new Date(), updatedBy: by } });
  }
}

export function presentSettings(s: EffectiveSettings): RiskSettings {
  return {
    lec: { id: s.lec.id, edges: [...s.lec.edges], levelByDegree: { ...s.lec.levelByDegree } },
    matrix: { id: s.matrix.id, name: s.matrix.name, source: s.matrix.source, bands: [...s.matrix.bands] },
    frequencies: s.frequencies,
    dailyOnWorkdaysOnly: s.dailyOnWorkdaysOnly,
  };
}

export { matrixBandPresets };
