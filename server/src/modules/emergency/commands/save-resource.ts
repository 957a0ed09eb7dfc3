// Registers or edits a resource. The kind decides which fields apply (a team's type, an expert's speciality, a
// shelter's capacity); the area must exist and lie in the caller's jurisdiction. Edits start with loadForUpdate
// (scope, lock, version → 404/409) and write version + 1; both are audited in the same transaction.
import { eq } from 'drizzle-orm';
import type { ResourceBody, UpdateResourceBody } from '@anjian/contracts';
import { emergencyResources } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { inScope } from '../../../platform/scope';
import { areaExists, findResource, type ResourceRow } from '../resources.queries';
import { isAreaAccount } from '../duty.queries';
import { auditResource, presentResourceOne } from '../resources.presenter';

async function checkArea(tx: Tx, actor: Actor, areaCode: string) {
  if (!(await areaExists(tx, areaCode))) throw fieldError('areaCode', '区划不存在', 'Unknown area');
  if (!inScope(actor, { areaCode })) throw fieldError('areaCode', '该地区不在本单位辖区内', 'This area is outside your jurisdiction');
}

async function checkContactUser(tx: Tx, actor: Actor, kind: string, userId: string | null | undefined) {
  if (!userId) return;
  if (kind !== 'team') throw fieldError('contactUserId', '只有救援队伍需要接收出动通知的账号', 'Only a team receives call-outs');
  if (!(await isAreaAccount(tx, actor, userId)))
    throw fieldError('contactUserId', '账号不存在、已停用或不在本辖区', 'Unknown, inactive or out-of-area account');
}

function checkKind(kind: string, v: Partial<ResourceBody>) {
  if (kind === 'team' && v.teamType === null) throw fieldError('teamType', '请选择队伍类型', 'Choose the team type');
  if (kind === 'shelter' && v.capacity === null) throw fieldError('capacity', '请填写可容纳人数', 'Enter the capacity');
}

export async function createResource(db: Db, actor: Actor, ip: string | null, input: ResourceBody) {
  return db.transaction((tx) => createResourceIn(tx, actor, ip, input));
}

export async function createResourceIn(tx: Tx, actor: Actor, ip: string | null, input: ResourceBody) {
  await checkArea(tx, actor, input.areaCode);
  if (input.kind === 'team' && !input.teamType) throw fieldError('teamType', '请选择队伍类型', 'Choose the team type');
  if (input.kind === 'shelter' && input.capacity == null) throw fieldError('capacity', '请填写可容纳人数', 'Enter the capacity');
  await checkContactUser(tx, actor, input.kind, input.contactUserId);
  const [row] = await tx
    .insert(emergencyResources)
    .values({
      kind: input.kind,
      name: input.name,
      areaCode: input.areaCode,
      address: input.address ?? null,
      lng: input.lng,
      lat: input.lat,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      teamType: input.kind === 'team' ? (input.teamType ?? null) : null,
      members: input.kind === 'team' ? (input.members ?? null) : null,
      equipment: input.kind === 'team' ? (input.equipment ?? null) : null,
      speciality: input.kind === 'expert' ? (input.speciality ?? null) : null,
      organisation: input.kind === 'expert' || input.kind === 'team' ? (input.organisation ?? null) : null,
      available: input.available ?? true,
      capacity: input.kind === 'shelter' ? (input.capacity ?? null) : null,
      facilities: input.kind === 'shelter' ? (input.facilities ?? null) : null,
      notes: input.notes ?? null,
      contactUserId: input.contactUserId ?? null,
      createdBy: actor.id,
    })
    .returning();
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'emergency.resource.create', entityType: 'emergency_resource', entityId: row!.id, after: auditResource(row!) },
  );
  return row!;
}

export async function updateResource(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateResourceBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findResource(tx, actor, id, true),
      version: input.version,
      present: (row: ResourceRow) => presentResourceOne(tx, actor, row),
    });
    const { version: _v, ...patch } = input;
    if (patch.areaCode && patch.areaCode !== before.areaCode) await checkArea(tx, actor, patch.areaCode);
    checkKind(before.kind, patch);
    await checkContactUser(tx, actor, before.kind, patch.contactUserId);
    const [after] = await tx
      .update(emergencyResources)
      .set({ ...patch, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(emergencyResources.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'emergency.resource.update',
        entityType: 'emergency_resource',
        entityId: id,
        before: auditResource(before),
        after: auditResource(after!),
      },
    );
    return after!;
  });
}
