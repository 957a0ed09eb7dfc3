// Enters or replaces base data (GDP, 工矿商贸 workers, motor vehicles) of one area and year, one row
// at a time (PUT) or many (import). `actor` null is the operator's seed, which has no record scope.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { indicatorBaseBody } from '@anjian/contracts';
import { indicatorBase } from '../../../db/schema';
import type { Db, DbOrTx } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError, type BilingualDetail } from '../../../platform/errors';
import { findAreaRow, mayReadArea } from '../indicators.queries';

export type BaseInput = z.infer<typeof indicatorBaseBody> & { areaCode: string; year: number };

async function checkArea(db: DbOrTx, actor: Actor | null, areaCode: string, field: string): Promise<BilingualDetail | null> {
  if (!(await findAreaRow(db, areaCode)) || !mayReadArea(actor, areaCode)) {
    return { field, zh: `区划${areaCode}不存在或不在管辖范围内`, en: `Area ${areaCode} is unknown or outside your jurisdiction` };
  }
  return null;
}

async function upsert(tx: DbOrTx, actor: Actor | null, r: BaseInput) {
  const values = {
    areaCode: r.areaCode,
    year: r.year,
    gdpYi: r.gdpYi ?? null,
    imcWorkers: r.imcWorkers ?? null,
    motorVehicles: r.motorVehicles ?? null,
    source: r.source ?? null,
    updatedBy: actor?.id ?? null,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(indicatorBase)
    .values(values)
    .onConflictDoUpdate({ target: [indicatorBase.areaCode, indicatorBase.year], set: values })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return row!.inserted;
}

export async function saveBase(db: Db, actor: Actor | null, ip: string | null, rows: BaseInput[]) {
  return db.transaction(async (tx) => {
    const problems: BilingualDetail[] = [];
    for (const [i, r] of rows.entries()) {
      const p = await checkArea(tx, actor, r.areaCode, rows.length > 1 ? `rows.${i}.areaCode` : 'areaCode');
      if (p) problems.push(p);
    }
    if (problems.length > 0) throw new AppError(rows.length > 1 ? 'VALIDATION' : 'NOT_FOUND', problems);
    let inserted = 0;
    for (const r of rows) if (await upsert(tx, actor, r)) inserted++;
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'indicator.base.save',
        entityType: 'indicator_base',
        entityId: rows.length === 1 ? `${rows[0]!.areaCode}/${rows[0]!.year}` : null,
        after: rows,
      },
    );
    return { inserted, updated: rows.length - inserted };
  });
}
