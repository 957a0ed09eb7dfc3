// The compliance aggregates, written in the transaction of each record's insert and acceptance (duties.workflow.ts):
// the enterprise-year masks (duty_enterprise_years) and the counts per obligation at the province, city, district
// and street levels (duty_compliance). Reads (duties.compliance.ts) sum the rows of one level and never the records.
import { sql } from 'drizzle-orm';
import type { DutyKind } from '@anjian/contracts';
import { dutyCompliance, dutyEnterpriseYears, NO_PARK } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import { dutyBit } from './commitments.rules';

/** Area code lengths the compliance rows keep: province, city, district, street. */
export const COMPLIANCE_LEVELS = [2, 4, 6, 9] as const;

export interface DutyFactsForAggregate {
  enterpriseId: string;
  year: number;
  areaCode: string;
  sector: string;
  parkId: string | null;
  duty: DutyKind;
  period: string;
}

export async function bumpDutyAggregates(tx: DbOrTx, r: DutyFactsForAggregate, by: { recorded: boolean; accepted: boolean }) {
  const bit = dutyBit(r.duty, r.period);
  await tx
    .insert(dutyEnterpriseYears)
    .values({
      enterpriseId: r.enterpriseId,
      year: r.year,
      areaCode: r.areaCode,
      sector: r.sector,
      parkId: r.parkId,
      recordedMask: by.recorded ? bit : 0,
      acceptedMask: by.accepted ? bit : 0,
    })
    .onConflictDoUpdate({
      target: [dutyEnterpriseYears.enterpriseId, dutyEnterpriseYears.year],
      set: {
        recordedMask: sql`${dutyEnterpriseYears.recordedMask} | excluded.recorded_mask`,
        acceptedMask: sql`${dutyEnterpriseYears.acceptedMask} | excluded.accepted_mask`,
        updatedAt: sql`now()`,
      },
    });
  await tx
    .insert(dutyCompliance)
    .values(
      COMPLIANCE_LEVELS.map((len) => ({
        areaLen: len,
        areaCode: r.areaCode.slice(0, len),
        sector: r.sector,
        parkKey: r.parkId ?? NO_PARK,
        year: r.year,
        duty: r.duty,
        period: r.period,
        recorded: by.recorded ? 1 : 0,
        accepted: by.accepted ? 1 : 0,
      })),
    )
    .onConflictDoUpdate({
      target: [
        dutyCompliance.year,
        dutyCompliance.areaLen,
        dutyCompliance.areaCode,
        dutyCompliance.sector,
        dutyCompliance.parkKey,
        dutyCompliance.duty,
        dutyCompliance.period,
      ],
      set: {
        recorded: sql`${dutyCompliance.recorded} + excluded.recorded`,
        accepted: sql`${dutyCompliance.accepted} + excluded.accepted`,
      },
    });
}
