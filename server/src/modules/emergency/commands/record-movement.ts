// A stock movement in a depot: the depot is loaded through the caller's scope and locked (movements of one depot are
// serialised), the batch's balance row locked, the ledger rule applied (stock.ledger.ts), then the movement row
// appended and the balance row written with the same delta — a transfer writes the pair (out here, in at the receiving
// depot, which must be in the caller's scope too) under one transfer id. Audited in the same transaction.
// (Two opposite transfers between the same depots at the same moment may deadlock; PostgreSQL aborts one, which retries.)
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { MovementBody } from '@anjian/contracts';
import { emergencyStock, emergencyStockMovements } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { findBatch, findResource, type ResourceRow } from '../resources.queries';
import { applyToBatch } from '../stock.ledger';

async function loadDepot(tx: Tx, actor: Actor, id: string, field?: string): Promise<ResourceRow> {
  const row = await findResource(tx, actor, id, true);
  if (!row || row.kind !== 'depot') {
    if (field) throw fieldError(field, '请选择辖区内的应急物资库', 'Choose a supply depot in your jurisdiction');
    throw notFound();
  }
  return row;
}

/** Adds `delta` to the batch (created when missing) and appends its movement row; returns the balance after. */
async function move(
  tx: Tx,
  actor: Actor,
  depot: ResourceRow,
  m: {
    itemCode: string;
    batchNo: string;
    expiresOn: string | null;
    kind: string;
    delta: number;
    transferId?: string;
    counterpartId?: string;
    reason?: string | null;
  },
) {
  const existing = await findBatch(tx, depot.id, m.itemCode, m.batchNo, true);
  const [balance] = existing
    ? await tx
        .update(emergencyStock)
        .set({ onHand: sql`${emergencyStock.onHand} + ${m.delta}`, updatedAt: new Date() })
        .where(and(eq(emergencyStock.depotId, depot.id), eq(emergencyStock.itemCode, m.itemCode), eq(emergencyStock.batchNo, m.batchNo)))
        .returning({ onHand: emergencyStock.onHand })
    : await tx
        .insert(emergencyStock)
        .values({
          depotId: depot.id,
          itemCode: m.itemCode,
          batchNo: m.batchNo,
          areaCode: depot.areaCode,
          expiresOn: m.expiresOn,
          onHand: m.delta,
        })
        .returning({ onHand: emergencyStock.onHand });
  const [row] = await tx
    .insert(emergencyStockMovements)
    .values({
      depotId: depot.id,
      areaCode: depot.areaCode,
      itemCode: m.itemCode,
      batchNo: m.batchNo,
      kind: m.kind,
      delta: m.delta,
      balanceAfter: balance!.onHand,
      transferId: m.transferId ?? null,
      counterpartId: m.counterpartId ?? null,
      reason: m.reason ?? null,
      recordedBy: actor.id,
      recordedByName: actor.displayName,
    })
    .returning();
  return row!;
}

export async function recordMovement(db: Db, actor: Actor, ip: string | null, depotId: string, input: MovementBody) {
  return db.transaction((tx) => recordMovementIn(tx, actor, ip, depotId, input));
}

export async function recordMovementIn(tx: Tx, actor: Actor, ip: string | null, depotId: string, input: MovementBody) {
  if (input.kind === 'transfer') {
    if (!input.toDepotId) throw fieldError('toDepotId', '请选择调入的物资库', 'Choose the receiving depot');
    if (input.toDepotId === depotId) throw fieldError('toDepotId', '不能调拨到本库', 'A depot cannot transfer to itself');
  }
  // The source first (a missing or foreign source is 404), then the receiving depot (a field error).
  const depot = await loadDepot(tx, actor, depotId);
  const target = input.kind === 'transfer' ? await loadDepot(tx, actor, input.toDepotId!, 'toDepotId') : null;
  const batch = await findBatch(tx, depot.id, input.itemCode, input.batchNo, true);
  if (!batch && input.kind !== 'in' && input.kind !== 'correction') {
    throw fieldError('batchNo', '该物资库没有这个批次', 'This depot holds no such batch');
  }
  if (batch && input.expiresOn !== undefined && input.expiresOn !== batch.expiresOn) {
    throw fieldError('expiresOn', `该批次的有效期为 ${batch.expiresOn ?? '无'}，不能在入库时更改`, 'A batch keeps its expiry date');
  }
  const outcome = applyToBatch(batch?.onHand ?? 0, input.kind, input.quantity, input.reason);
  if (!outcome.ok) throw fieldError(outcome.field, outcome.zh, outcome.en);
  const expiresOn = batch ? batch.expiresOn : (input.expiresOn ?? null);
  const common = { itemCode: input.itemCode, batchNo: input.batchNo, expiresOn, reason: input.reason ?? null };
  let rows;
  if (input.kind === 'transfer') {
    const transferId = randomUUID();
    const out = await move(tx, actor, depot, {
      ...common,
      kind: 'transfer_out',
      delta: outcome.delta,
      transferId,
      counterpartId: target!.id,
    });
    const inn = await move(tx, actor, target!, {
      ...common,
      kind: 'transfer_in',
      delta: -outcome.delta,
      transferId,
      counterpartId: depot.id,
    });
    rows = [out, inn];
  } else {
    rows = [await move(tx, actor, depot, { ...common, kind: input.kind, delta: outcome.delta })];
  }
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: `emergency.stock.${input.kind}`,
      entityType: 'emergency_depot',
      entityId: depot.id,
      after: rows.map((r) => ({
        depotId: r.depotId,
        itemCode: r.itemCode,
        batchNo: r.batchNo,
        kind: r.kind,
        delta: r.delta,
        balanceAfter: r.balanceAfter,
      })),
    },
  );
  return { depot, rows };
}

/** The on-hand of a batch and the sum of its movements (the ledger invariant, for tests and a consistency check). */
export async function batchAgreement(tx: Tx | Db, depotId: string, itemCode: string, batchNo: string) {
  const batch = await findBatch(tx, depotId, itemCode, batchNo);
  const [sum] = await tx
    .select({ s: sql<number>`coalesce(sum(${emergencyStockMovements.delta}), 0)::int` })
    .from(emergencyStockMovements)
    .where(
      and(
        eq(emergencyStockMovements.depotId, depotId),
        eq(emergencyStockMovements.itemCode, itemCode),
        eq(emergencyStockMovements.batchNo, batchNo),
      ),
    );
  return { onHand: batch?.onHand ?? 0, sum: Number(sum!.s) };
}
