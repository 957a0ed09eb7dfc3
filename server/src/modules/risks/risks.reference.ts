// The reference data the risk forms need, sent from the server so the web never keeps a second copy of the LEC
// tables, the level colours or the accident types: value tables with their meanings, the deployment's bands, the
// presets an administrator may choose, and the accident types of both GB 6441 schemes.
import type { RiskReference } from '@anjian/contracts';
import { GB1986_TYPES, GB2025_TYPES } from '../../reference/accidents/accident-types';
import { lecDangerDegreeLabels, lecTables } from '../../reference/risk/lec';
import { riskLevelInfo, riskLevels } from '../../reference/risk/levels';
import { currentAccidentScheme } from './risks.assessment';
import { lecPresets, matrixBandPresets, presentSettings, type EffectiveSettings } from './risks.settings';

const lecPresetLabels: Record<string, { zh: string; en: string }> = {
  'lec-upper-inclusive': { zh: '区间上限含边界（D=70 为低风险，推荐）', en: 'Upper edge inclusive (D = 70 is low; recommended)' },
  'lec-70-substantial': { zh: 'D=70 计为显著危险（一般风险）', en: 'D = 70 counts as substantial (general risk)' },
};

export function buildRiskReference(s: EffectiveSettings): RiskReference {
  const rows = (f: 'l' | 'e' | 'c') => lecTables[f].rows.map((r) => ({ value: r.value, label: r.meaning }));
  return {
    levels: riskLevels.map((key) => ({ key, label: riskLevelInfo[key].label, colour: riskLevelInfo[key].colour })),
    lecTables: { l: rows('l'), e: rows('e'), c: rows('c') },
    lecPresets: lecPresets.map((p) => ({ id: p.id, label: lecPresetLabels[p.id] ?? { zh: p.id, en: p.id } })),
    dangerDegreeLabels: { ...lecDangerDegreeLabels },
    matrixPresets: matrixBandPresets.map((p) => ({ id: p.id, name: p.name, source: p.source, bands: [...p.bands] })),
    accidentTypes: {
      current: currentAccidentScheme(),
      schemes: {
        'GB6441-1986': GB1986_TYPES.map((t) => ({ value: t.code, label: t.label })),
        'GB6441-2025': GB2025_TYPES.map((t) => ({ value: t.key, label: t.label })),
      },
    },
    settings: presentSettings(s),
  };
}
