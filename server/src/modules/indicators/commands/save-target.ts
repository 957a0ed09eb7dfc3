// Sets the target of one rate for an area and year: an absolute ceiling, or a reduction in % from a
// base year (reference/indicators/targets.ts). The base value may be left to the base year's figures.
import type { z } from 'zod';
import type { indicatorTargetBody, RateIdKey } from '@anjian/contracts';
import { indicatorTargets } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { fieldError, notFound } from '../../../platform/errors';
import { findAreaRow, mayReadArea } from '../indicators.queries';

export async function saveTarget(
  db: Db,
  actor: Actor | null,
  ip: string | null,
  key: { areaCode: string; year: number; indicator: RateIdKey },
  input: z.infer<typeof indicatorTargetBody>,
) {
  if (input.kind === 'reduction' && input.baseYear >= key.year) {
    throw fieldError('baseYear', '基准年须早于目标年', 'The base year must come before the target year');
  }
  return db.transaction(async (tx) => {
    if (!(await findAreaRow(tx, key.areaCode)) || !mayReadArea(actor, key.areaCode)) throw notFound();
    const values = {
      ...key,
      kind: input.kind,
      value: input.kind === 'absolute' ? input.value : null,
      baseYear: input.kind === 'reduction' ? input.baseYear : null,
      baseValue: input.kind === 'reduction' ? (input.baseValue ?? null) : null,
      reductionPercent: input.kind === 'reduction' ? input.reductionPercent : null,
      setBy: input.setBy ?? null,
      updatedBy: actor?.id ?? null,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(indicatorTargets)
      .values(values)
      .onConflictDoUpdate({ target: [indicatorTargets.areaCode, indicatorTargets.year, indicatorTargets.indicator], set: values })
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'indicator.target.save',
        entityType: 'indicator_target',
        entityId: `${key.areaCode}/${key.year}/${key.indicator}`,
        after: row,
      },
    );
    return row!;
  });
}
