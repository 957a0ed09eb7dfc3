// The deployment's choices for the penalty procedure, stored in `enforcement_settings` (one JSON value per key, as
// risk_settings) with the documented defaults of reference/enforcement/penalty-limits.ts: the 较大数额 threshold from
// which the 告知书 offers a hearing (set by each province, docs/rules.md §10.2), the days to ask for a hearing and of notice
// before it, and whether the hearing's days are left out of the 90-day decision limit.
import { inArray } from 'drizzle-orm';
import type { EnforcementSettings, EnforcementSettingsView } from '@anjian/contracts';
import { enforcementSettings } from '../../../db/schema';
import type { DbOrTx } from '../../../platform/db';
import {
  defaultHearingConfig,
  hearingConfigIssues,
  type ConfigIssue,
  type HearingConfig,
} from '../../../reference/enforcement/penalty-limits';

const KEYS = ['hearingThreshold', 'hearingRequestDays', 'hearingNoticeDays', 'hearingExcludedFromDecisionLimit'] as const;
type Key = (typeof KEYS)[number];

/** The API's field for each part of the configuration, so a refusal names the field the form shows. */
const apiField: Record<ConfigIssue['field'], string> = {
  'threshold.natural_person': 'hearingThreshold.natural_person',
  'threshold.organisation': 'hearingThreshold.organisation',
  requestDays: 'hearingRequestDays',
  noticeDays: 'hearingNoticeDays',
  excludeFromDecisionLimit: 'hearingExcludedFromDecisionLimit',
};
/** The stored key each issue belongs to, so one bad row falls back alone. */
const keyOf: Record<ConfigIssue['field'], Key> = {
  'threshold.natural_person': 'hearingThreshold',
  'threshold.organisation': 'hearingThreshold',
  requestDays: 'hearingRequestDays',
  noticeDays: 'hearingNoticeDays',
  excludeFromDecisionLimit: 'hearingExcludedFromDecisionLimit',
};

export function toHearingConfig(s: EnforcementSettings): HearingConfig {
  return {
    threshold: { ...s.hearingThreshold },
    requestDays: s.hearingRequestDays,
    noticeDays: s.hearingNoticeDays,
    excludeFromDecisionLimit: s.hearingExcludedFromDecisionLimit,
  };
}

export function fromHearingConfig(c: HearingConfig): EnforcementSettings {
  return {
    hearingThreshold: { ...c.threshold },
    hearingRequestDays: c.requestDays,
    hearingNoticeDays: c.noticeDays,
    hearingExcludedFromDecisionLimit: c.excludeFromDecisionLimit,
  };
}

export const defaultEnforcementSettings: EnforcementSettings = fromHearingConfig(defaultHearingConfig);

/** Bilingual refusals of a configuration, with the API's field names (empty when usable). */
export function settingsIssues(c: HearingConfig): { field: string; zh: string; en: string }[] {
  return hearingConfigIssues(c).map((i) => ({ ...i, field: apiField[i.field] }));
}

/**
 * Stored values are re-validated on read: a hand-edited row that no longer passes the checks falls back to its
 * default (that key alone) rather than offering hearings from a broken threshold.
 */
export async function loadHearingConfig(db: DbOrTx): Promise<HearingConfig> {
  const rows = await db
    .select()
    .from(enforcementSettings)
    .where(inArray(enforcementSettings.key, [...KEYS]));
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const pick = <K extends Key>(k: K) => (stored.has(k) ? stored.get(k) : defaultEnforcementSettings[k]) as EnforcementSettings[K];
  let s: EnforcementSettings = {
    hearingThreshold: pick('hearingThreshold'),
    hearingRequestDays: pick('hearingRequestDays'),
    hearingNoticeDays: pick('hearingNoticeDays'),
    hearingExcludedFromDecisionLimit: pick('hearingExcludedFromDecisionLimit'),
  };
  // Each issue belongs to one key and the defaults pass, so replacing the keys at fault leaves a usable whole.
  for (const i of hearingConfigIssues(toHearingConfig(s))) s = { ...s, [keyOf[i.field]]: defaultEnforcementSettings[keyOf[i.field]] };
  return toHearingConfig(s);
}

export async function storeHearingConfig(db: DbOrTx, c: HearingConfig, by: string): Promise<void> {
  const values = fromHearingConfig(c);
  for (const key of KEYS) {
    await db
      .insert(enforcementSettings)
      .values({ key, value: values[key], updatedBy: by })
      .onConflictDoUpdate({ target: enforcementSettings.key, set: { value: values[key], updatedAt: new Date(), updatedBy: by } });
  }
}

export function presentEnforcementSettings(c: HearingConfig): EnforcementSettingsView {
  return { ...fromHearingConfig(c), defaults: defaultEnforcementSettings };
}
