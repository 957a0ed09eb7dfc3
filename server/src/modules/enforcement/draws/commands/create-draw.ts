// 双随机 draw: pick k enterprises from the filtered pool with risk-weighted probability, then inspectors for each
// avoiding conflicts (回避), record everything needed to reproduce it, and optionally create the inspection tasks.
import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { CreateDrawBody } from '@anjian/contracts';
import { enforcementDraws, enterprises, inspections, parks } from '../../../../db/schema';
import type { Actor } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { AppError, fieldError } from '../../../../platform/errors';
import { cstDate } from '../../../../platform/time';
import { currentUniformMethod, defaultWeightTable, drawInspectors, type WeightTable } from '../../../../reference/enforcement/draw';
import { reasonsOfDrawn } from '../draws.reasons';
import { drawInSql, findDraw, findInspectorCandidates, poolRegion, poolScopeOf, previousPairs, type StoredFilter } from '../draws.queries';

export async function createDraw(db: Db, actor: Actor, ip: string | null, input: CreateDrawBody) {
  if (!actor.areaPrefix || !actor.areaCode) throw new AppError('FORBIDDEN');
  if (input.filter.areaCode && !input.filter.areaCode.startsWith(actor.areaPrefix) && !actor.areaPrefix.startsWith(input.filter.areaCode)) {
    throw fieldError('filter.areaCode', '区域不在您的管辖范围内', 'The area is outside your jurisdiction');
  }
  // A table sent without the credit factors (a client from before them) gets the defaults' factors.
  const weights: WeightTable = { ...defaultWeightTable, ...input.weights };
  const seed = randomBytes(16).toString('hex');
  const filter: StoredFilter = { ...input.filter, scope: poolScopeOf(actor), asOf: cstDate() };

  return db.transaction(async (tx) => {
    const [park] = actor.parkId ? await tx.select({ areaCode: parks.areaCode }).from(parks).where(eq(parks.id, actor.parkId)) : [];
    const region = poolRegion(filter, park?.areaCode ?? null);
    // The row first, so the draw's statement can write the pool's weights (megabytes for a province) straight into it.
    const [row] = await tx
      .insert(enforcementDraws)
      .values({
        orgId: actor.orgId,
        orgName: actor.orgName,
        areaCode: actor.areaCode!,
        poolAreaCode: region.areaCode,
        poolSectors: region.sectors,
        poolParkId: region.parkId,
        title: input.title,
        seed,
        filter,
        weightTable: weights,
        k: input.k,
        inspectorsPerEnterprise: input.inspectorsPerEnterprise,
        poolCount: 0,
        poolWeightTotal: 0,
        poolChecksum: '0',
        uniform: currentUniformMethod,
        poolWeights: { common: 0 },
        result: [],
        createdBy: actor.id,
        createdByName: actor.displayName,
      })
      .returning({ id: enforcementDraws.id });
    const sample = await drawInSql(tx, filter, weights, seed, input.k, currentUniformMethod, row!.id);
    if (sample.poolCount === 0) throw fieldError('filter', '筛选条件下没有企业', 'No enterprise matches the filter');
    const candidates = await findInspectorCandidates(tx, actor.areaPrefix!);
    const names = new Map(candidates.map((c) => [c.id, c.displayName]));
    const assignments = drawInspectors(
      sample.top.map((t) => ({ id: t.id, areaCode: t.areaCode })),
      candidates.map((c) => ({ id: c.id, orgAreaCode: c.orgAreaCode })),
      seed,
      {
        rootAreaCode: actor.areaCode!,
        previousPairs: await previousPairs(tx, actor.orgId, row!.id),
        perEnterprise: input.inspectorsPerEnterprise,
      },
    );
    const why = await reasonsOfDrawn(
      tx,
      sample.top.map((t) => t.id),
      filter.asOf,
      weights,
    );
    const result = sample.top.map((t, i) => {
      const ids = assignments[i]!.inspectorIds;
      return {
        ...why.get(t.id)!,
        enterpriseId: t.id,
        name: t.name,
        areaCode: t.areaCode,
        weight: t.weight,
        key: t.key,
        inspectorIds: ids,
        inspectorNames: ids.map((id) => names.get(id) ?? ''),
        short: assignments[i]!.short,
      };
    });
    await tx
      .update(enforcementDraws)
      .set({ poolCount: sample.poolCount, poolWeightTotal: sample.poolWeightTotal, poolChecksum: sample.poolChecksum, result })
      .where(eq(enforcementDraws.id, row!.id));
    if (input.plannedOn) await createDrawnTasks(tx, actor, row!.id, result, input.plannedOn);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'enforcement.draw',
        entityType: 'enforcement_draw',
        entityId: row!.id,
        after: { seed, k: input.k, filter, weights, poolCount: sample.poolCount, selected: result.map((r) => r.enterpriseId) },
      },
    );
    return (await findDraw(tx, actor, row!.id))!;
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** One 'drawn' inspection task per selected enterprise, carrying the enterprise's scope columns. */
async function createDrawnTasks(
  tx: Tx,
  actor: Actor,
  drawId: string,
  result: { enterpriseId: string; inspectorIds: string[]; inspectorNames: string[] }[],
  plannedOn: string,
) {
  if (result.length === 0) return;
  const rows = await tx
    .select({ id: enterprises.id, areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(
      inArray(
        enterprises.id,
        result.map((r) => r.enterpriseId),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  await tx.insert(inspections).values(
    result.map((r) => {
      const e = byId.get(r.enterpriseId)!;
      return {
        orgId: actor.orgId,
        orgName: actor.orgName,
        enterpriseId: e.id,
        areaCode: e.areaCode,
        sector: e.sector,
        parkId: e.parkId,
        kind: 'drawn',
        drawId,
        inspectorIds: r.inspectorIds,
        inspectorNames: r.inspectorNames,
        plannedOn,
        createdBy: actor.id,
      };
    }),
  );
}
