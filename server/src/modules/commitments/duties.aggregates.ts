// The compliance aggregates, written in the transaction of each record's insert and acceptance (duties.workflow.ts):
// the enterprise-year masks (duty_enterprise_years) and the counts per obligation at the province, city, district
// and street levels (duty_compliance), and the enterprise-years per kept stage (duty_kept_counts, the laggards' count).
// Reads (duties.compliance.ts, duties.laggards.ts) sum the rows of one level and never the records.
import { sql } from 'drizzle-orm';
import type { DutyKind } from '@anjian/contracts';
import { dutyCompliance, dutyEnterpriseYears, dutyKeptCounts, NO_PARK } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import { dutyBit, keptThrough } from './commitments.rules';

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
  const [year] = await tx
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
    })
    .returning({ acceptedMask: dutyEnterpriseYears.acceptedMask });
  // An obligation is accepted once (accepted is the record's last state, one record per duty and period), so the mask
  // before this write is the one after without this bit.
  if (by.accepted) await moveKeptStage(tx, r, year!.acceptedMask & ~bit, year!.acceptedMask);
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

/** Moves the enterprise-year from its old kept stage to its new one at every level (stage 0 has no row). */
async function moveKeptStage(tx: DbOrTx, r: DutyFactsForAggregate, before: number, after: number) {
  const from = keptThrough(before);
  const to = keptThrough(after);
  if (from === to) return;
  const rows = (stage: number, n: number) =>
    COMPLIANCE_LEVELS.map((len) => ({
      areaLen: len,
      areaCode: r.areaCode.slice(0, len),
      sector: r.sector,
      parkKey: r.parkId ?? NO_PARK,
      year: r.year,
      keptThrough: stage,
      n,
    }));
  const values = [...(from > 0 ? rows(from, -1) : []), ...rows(to, 1)];
  await tx
    .insert(dutyKeptCounts)
    .values(values)
    .onConflictDoUpdate({
      target: [
        dutyKeptCounts.year,
        dutyKeptCounts.areaLen,
        dutyKeptCounts.areaCode,
        dutyKeptCounts.sector,
        dutyKeptCounts.parkKey,
        dutyKeptCounts.keptThrough,
      ],
      set: { n: sql`${dutyKeptCounts.n} + excluded.n` },
    });
}
