// The mandatory sectors and hazard tags of 安责险 as the deployment set them in the app (insurance_settings, key
// 'mandatory'), over the documented defaults of insurance.rules.ts. Every reader (the coverage check, the rates, the
// daily coverage-gap sweep) asks loadInsuranceRules, so an edit applies at once; a stored value that no longer parses
// (a sector since removed from the code table) falls back to the defaults rather than guessing.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hazardTags, sectors } from '@anjian/contracts';
import { insuranceSettings } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import { insuranceRules, type InsuranceRules } from './insurance.rules';

export const MANDATORY_KEY = 'mandatory';
const storedMandatory = z.object({ sectors: z.array(z.enum(sectors)), tags: z.array(z.enum(hazardTags)) });

export interface StoredInsuranceRules {
  rules: InsuranceRules;
  version: number;
  updatedAt: Date | null;
  configured: boolean;
}

export async function loadInsuranceSettings(db: DbOrTx, lock = false): Promise<StoredInsuranceRules> {
  const q = db.select().from(insuranceSettings).where(eq(insuranceSettings.key, MANDATORY_KEY));
  const [row] = lock ? await q.for('update') : await q;
  const parsed = row ? storedMandatory.safeParse(row.value) : null;
  if (!row || !parsed?.success)
    return { rules: insuranceRules, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null, configured: false };
  return {
    rules: { ...insuranceRules, mandatorySectors: parsed.data.sectors, mandatoryTags: parsed.data.tags },
    version: row.version,
    updatedAt: row.updatedAt,
    configured: true,
  };
}

export const loadInsuranceRules = async (db: DbOrTx) => (await loadInsuranceSettings(db)).rules;
