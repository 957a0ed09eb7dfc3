// Adds or edits a shift of the duty roster. The post is locked for the transaction (an advisory lock on area + post),
// then any other shift of the same post overlapping the new times refuses the write (bilingual, naming the other
// shift's times). The officer must be able to take calls and the leader to acknowledge them, both of the caller's area.
import { eq } from 'drizzle-orm';
import { can, type Role, type ShiftBody, type UpdateShiftBody } from '@anjian/contracts';
import { dutyShifts } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { AppError, fieldError, type BilingualDetail } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { inScope } from '../../../platform/scope';
import { areaExists } from '../resources.queries';
import { findDutyPeople, findOverlap, findShift, lockPost, type ShiftRow } from '../duty.queries';
import { auditShift, presentShift } from '../duty.presenter';

const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

async function checkShift(
  tx: Tx,
  actor: Actor,
  s: { areaCode: string; post: string; startsAt: Date; endsAt: Date; officerId: string; leaderId: string },
  id: string | null,
) {
  const details: BilingualDetail[] = [];
  if (s.endsAt.getTime() <= s.startsAt.getTime())
    details.push({ field: 'endsAt', zh: '结束时间须晚于开始时间', en: 'The shift must end after it starts' });
  if (s.endsAt.getTime() - s.startsAt.getTime() > 7 * 86_400_000)
    details.push({ field: 'endsAt', zh: '一个班次不超过7天', en: 'A shift lasts at most 7 days' });
  const people = new Map((await findDutyPeople(tx, actor, [s.officerId, s.leaderId])).map((p) => [p.id, p]));
  const officer = people.get(s.officerId);
  const leader = people.get(s.leaderId);
  if (!officer || !can(officer.role as Role, 'incident.intake'))
    details.push({
      field: 'officerId',
      zh: '值班员须为本辖区可接警的人员',
      en: 'The duty officer must be staff of your area who takes calls',
    });
  if (!leader || !can(leader.role as Role, 'incident.act'))
    details.push({ field: 'leaderId', zh: '带班领导须为本辖区人员', en: 'The leader on duty must be staff of your area' });
  if (details.length) throw new AppError('VALIDATION', details);
  await lockPost(tx, s.areaCode, s.post);
  const other = await findOverlap(tx, s.areaCode, s.post, s.startsAt, s.endsAt, id);
  if (other) {
    throw fieldError(
      'startsAt',
      `与该岗位已有班次（${fmt(other.startsAt)}—${fmt(other.endsAt)}）时间重叠`,
      `Overlaps another shift of this post (${other.startsAt.toISOString()} – ${other.endsAt.toISOString()})`,
    );
  }
}

export async function createShift(db: Db, actor: Actor, ip: string | null, input: ShiftBody) {
  return db.transaction((tx) => createShiftIn(tx, actor, ip, input));
}

export async function createShiftIn(tx: Tx, actor: Actor, ip: string | null, input: ShiftBody) {
  if (!(await areaExists(tx, input.areaCode))) throw fieldError('areaCode', '区划不存在', 'Unknown area');
  if (!inScope(actor, { areaCode: input.areaCode }))
    throw fieldError('areaCode', '该地区不在本单位辖区内', 'This area is outside your jurisdiction');
  const s = { ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
  await checkShift(tx, actor, s, null);
  const [row] = await tx
    .insert(dutyShifts)
    .values({ ...s, notes: input.notes ?? null, createdBy: actor.id })
    .returning();
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'duty.shift.create', entityType: 'duty_shift', entityId: row!.id, after: auditShift(row!) },
  );
  return row!;
}

export async function updateShift(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateShiftBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findShift(tx, actor, id, true),
      version: input.version,
      present: (row: ShiftRow) => presentShift(tx, actor, row),
    });
    const s = {
      areaCode: before.areaCode,
      post: input.post ?? before.post,
      startsAt: input.startsAt ? new Date(input.startsAt) : before.startsAt,
      endsAt: input.endsAt ? new Date(input.endsAt) : before.endsAt,
      officerId: input.officerId ?? before.officerId,
      leaderId: input.leaderId ?? before.leaderId,
    };
    await checkShift(tx, actor, s, id);
    const [after] = await tx
      .update(dutyShifts)
      .set({ ...s, notes: input.notes === undefined ? before.notes : input.notes, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(dutyShifts.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'duty.shift.update', entityType: 'duty_shift', entityId: id, before: auditShift(before), after: auditShift(after!) },
    );
    return after!;
  });
}
