// The accident code tables with their bilingual labels, served to the web app from the reference
// data itself (GET /api/accidents/code-tables), so each label is written once, next to its rule.
import { causeCategoryLabels } from '@anjian/contracts';
import { ACCIDENT_CATEGORY_LABELS, ACCIDENT_LEVEL_LABELS, LEVEL_THRESHOLDS_493 } from '../../reference/accidents/accident-level';
import { DEFAULT_ACCIDENT_TYPE_CONFIG, GB1986_TYPES, GB2025_TYPES } from '../../reference/accidents/accident-types';
import { COMPARISON_GROUPS } from '../../reference/accidents/accident-type-mapping';
import { FOLLOW_UP_DUTY_LABELS } from '../../reference/accidents/investigation';
import { REPORTING_RULES_493, REPORTING_TIER_LABELS, TIMELINESS_LABELS } from '../../reference/accidents/reporting';
import { RATE_DEFINITIONS } from '../../reference/indicators/rates';

const entries = <K extends string>(labels: Record<K, { zh: string; en: string }>) =>
  (Object.keys(labels) as K[]).map((key) => ({ key, label: labels[key] }));

export function accidentCodeTables() {
  return {
    categories: entries(ACCIDENT_CATEGORY_LABELS),
    levels: entries(ACCIDENT_LEVEL_LABELS),
    levelThresholds: LEVEL_THRESHOLDS_493,
    tiers: entries(REPORTING_TIER_LABELS),
    timeliness: entries(TIMELINESS_LABELS),
    duties: entries(FOLLOW_UP_DUTY_LABELS),
    causes: entries(causeCategoryLabels),
    supplementaryWindowDays: {
      default: REPORTING_RULES_493.supplementaryWindowDays,
      ...REPORTING_RULES_493.supplementaryWindowDaysByCategory,
    },
    gb2025EffectiveDate: DEFAULT_ACCIDENT_TYPE_CONFIG.gb2025EffectiveDate,
    types: {
      'GB6441-1986': GB1986_TYPES.map((t) => ({ key: t.code, label: t.label })),
      'GB6441-2025': GB2025_TYPES.map((t) => ({ key: t.key, label: t.label })),
    },
    typeGroups: COMPARISON_GROUPS.map((g) => ({ key: g.id, label: g.label, confidence: g.confidence })),
    rates: Object.values(RATE_DEFINITIONS).map((r) => ({ key: r.id, label: r.label, unit: r.unit })),
  };
}
