// 交接班: someone on the outgoing shift (its duty officer or leader) hands over to the next shift of the same post in
// the roster, once per shift, with notes; the incidents of the area still open are listed automatically, and the
// incoming duty officer is told through the inbox. Someone on the incoming shift acknowledges (version-checked).
import type { HandoverBody } from '@anjian/contracts';
import { dutyHandovers } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { eq } from 'drizzle-orm';
import { notify } from '../../notifications/notifications.service';
import {
  auditHandover,
  findHandover,
  findHandoverOf,
  findKeptShift,
  findNextShift,
  findOpenIncidents,
  onShift,
  presentHandovers,
  type HandoverRow,
} from '../handovers';

export async function handOver(db: Db, actor: Actor, ip: string | null, input: HandoverBody, now = new Date()) {
  return db.transaction(async (tx) => {
    const from = await findKeptShift(tx, actor, input.fromShiftId, true);
    if (!from) throw notFound();
    if (!onShift(actor, from))
      throw fieldError('fromShiftId', '只有本班值班人员或带班领导可以交班', 'Only someone on the outgoing shift can hand it over');
    if (from.startsAt > now) throw fieldError('fromShiftId', '该班次尚未开始，不能交班', 'The shift has not started yet');
    if (await findHandoverOf(tx, from.id)) throw fieldError('fromShiftId', '该班次已交班', 'This shift has already been handed over');
    const to = await findNextShift(tx, from);
    if (!to) throw fieldError('fromShiftId', '值班表中没有该岗位的下一班次', 'The roster has no next shift of this post');
    const openIncidents = await findOpenIncidents(tx, from.areaCode);
    const [row] = await tx
      .insert(dutyHandovers)
      .values({
        areaCode: from.areaCode,
        fromShiftId: from.id,
        toShiftId: to.id,
        handedBy: actor.id,
        notes: input.notes ?? null,
        openIncidents,
        handedAt: now,
      })
      .returning();
    await notify(tx, [to.officerId], {
      kind: 'awaiting_action',
      title: { zh: `交接班：${from.post}（未结事件 ${openIncidents.length} 起）`, en: `Duty handover: ${from.post}` },
      entityType: 'duty_handover',
      entityId: row!.id,
      link: '/emergency/duty',
      dedupeKey: `handover:${row!.id}`,
    });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'duty.handover', entityType: 'duty_handover', entityId: row!.id, after: auditHandover(row!) },
    );
    return row!;
  });
}

export async function acknowledgeHandover(
  db: Db,
  actor: Actor,
  ip: string | null,
  id: string,
  input: { version: number },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findHandover(tx, actor, id, true),
      version: input.version,
      present: async (row: HandoverRow) => (await presentHandovers(tx, actor, [row]))[0]!,
    });
    const to = await findKeptShift(tx, actor, before.toShiftId);
    if (!onShift(actor, to ?? undefined))
      throw fieldError('version', '只有接班的值班人员或带班领导可以确认接班', 'Only someone on the incoming shift can acknowledge');
    if (before.acknowledgedAt) throw fieldError('version', '已确认接班', 'Already acknowledged');
    const [after] = await tx
      .update(dutyHandovers)
      .set({ acknowledgedBy: actor.id, acknowledgedAt: now, version: before.version + 1 })
      .where(eq(dutyHandovers.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'duty.handover.acknowledge',
        entityType: 'duty_handover',
        entityId: id,
        before: auditHandover(before),
        after: auditHandover(after!),
      },
    );
    return after!;
  });
}
