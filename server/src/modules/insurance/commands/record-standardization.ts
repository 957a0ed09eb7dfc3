// Recording a standardization grade: 达标定级, 复评延期, 降级 or 撤销. The record is the grade's history and its source of
// truth; the resulting grade, date and expiry are mirrored onto the enterprise file in the same transaction (its
// version moves on, so an enterprise form opened before this write gets a 409 instead of overwriting the grade).
// `applyStandardization` is the one writer, shared by the officers' command and the accidents consumer.
import { eq } from 'drizzle-orm';
import type { StandardizationGrade, StandardizationRecordBody, StandardizationRecordKind } from '@anjian/contracts';
import { enterprises, standardizationRecords } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { appendEvent } from '../../../platform/outbox';
import { cstDate } from '../../../platform/time';
import { findEnterpriseInScope, type EnterpriseRow } from '../insurance.queries';
import { gradeInForce, isLower, standardizationExpiry } from '../standardization.rules';
import type { StandardizationRecordRow } from '../standardization.queries';

export interface StandardizationChange {
  kind: StandardizationRecordKind;
  grade: StandardizationGrade | null;
  certifyingBody?: string | null;
  certifiedOn?: string | null;
  note?: string | null;
  accidentId?: string | null;
  sourceKey?: string | null;
}

/**
 * Inserts the record and mirrors the grade onto the enterprise (locked by the caller). A downgrade keeps the grant
 * date and expiry; a revocation clears all three. Returns null when a record with the same source key exists.
 */
export async function applyStandardization(
  tx: Tx,
  actor: Actor | null,
  ip: string | null,
  e: EnterpriseRow,
  c: StandardizationChange,
): Promise<StandardizationRecordRow | null> {
  const keepsDates = c.kind === 'downgraded';
  const certifiedOn = c.kind === 'revoked' ? null : keepsDates ? e.standardizationDate : (c.certifiedOn ?? null);
  const expiresOn =
    c.kind === 'revoked' ? null : keepsDates ? e.standardizationExpiry : certifiedOn ? standardizationExpiry(certifiedOn) : null;
  const [row] = await tx
    .insert(standardizationRecords)
    .values({
      enterpriseId: e.id,
      areaCode: e.areaCode,
      sector: e.sector,
      parkId: e.parkId,
      kind: c.kind,
      grade: c.kind === 'revoked' ? null : c.grade,
      previousGrade: e.standardizationGrade,
      certifyingBody: c.certifyingBody ?? null,
      certifiedOn,
      expiresOn,
      note: c.note ?? null,
      accidentId: c.accidentId ?? null,
      sourceKey: c.sourceKey ?? null,
      createdBy: actor?.id ?? null,
    })
    .onConflictDoNothing({ target: [standardizationRecords.enterpriseId, standardizationRecords.sourceKey] })
    .returning();
  if (!row) return null;
  await tx
    .update(enterprises)
    .set({
      standardizationGrade: row.grade,
      standardizationDate: row.certifiedOn,
      standardizationExpiry: row.expiresOn,
      updatedAt: new Date(),
      version: e.version + 1,
    })
    .where(eq(enterprises.id, e.id));
  await appendEvent(tx, `standardization.${c.kind}`, 'standardization_record', row, actor, {
    grade: row.grade,
    previousGrade: row.previousGrade,
    expiresOn: row.expiresOn,
  });
  // Entered under the enterprise so the enterprise file's history shows the grade change like any other edit.
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: `standardization.${c.kind}`,
      entityType: 'enterprise',
      entityId: e.id,
      before: {
        standardizationGrade: e.standardizationGrade,
        standardizationDate: e.standardizationDate,
        standardizationExpiry: e.standardizationExpiry,
        version: e.version,
      },
      after: {
        standardizationGrade: row.grade,
        standardizationDate: row.certifiedOn,
        standardizationExpiry: row.expiresOn,
        version: e.version + 1,
        recordId: row.id,
        note: row.note,
        accidentId: row.accidentId,
      },
    },
  );
  return row;
}

export async function recordStandardization(db: Db, actor: Actor, ip: string | null, input: StandardizationRecordBody) {
  return db.transaction(async (tx) => {
    const e = await findEnterpriseInScope(tx, actor, input.enterpriseId, true);
    if (!e) throw notFound();
    const current = gradeInForce(
      { grade: e.standardizationGrade, expiresOn: e.standardizationExpiry },
      cstDate(),
    ) as StandardizationGrade | null;
    const change: StandardizationChange = { kind: input.kind, grade: input.grade ?? null, note: input.note ?? null };
    switch (input.kind) {
      case 'certified':
      case 'renewed': {
        if (!input.grade) throw fieldError('grade', '请选择标准化等级', 'Choose the grade');
        if (!input.certifyingBody) throw fieldError('certifyingBody', '请填写评审/公告单位', 'Name the certifying body');
        if (!input.certifiedOn) throw fieldError('certifiedOn', '请填写达标（公告）日期', 'Give the date of the grade');
        if (input.certifiedOn > cstDate())
          throw fieldError('certifiedOn', '达标日期不能晚于今天', 'The grade cannot be dated in the future');
        if (input.kind === 'renewed' && !e.standardizationGrade)
          throw fieldError('kind', '该企业尚无标准化等级，请登记达标定级', 'No grade to renew: record a certification');
        change.certifyingBody = input.certifyingBody;
        change.certifiedOn = input.certifiedOn;
        break;
      }
      case 'downgraded': {
        if (!current) throw fieldError('kind', '该企业没有有效的标准化等级', 'The enterprise has no grade in force');
        if (!input.grade || !isLower(current, input.grade))
          throw fieldError('grade', '降级后的等级须低于现有等级', 'A downgrade needs a lower grade than the current one');
        if (!input.note) throw fieldError('note', '请填写降级原因', 'Give the reason for the downgrade');
        break;
      }
      case 'revoked': {
        if (!e.standardizationGrade) throw fieldError('kind', '该企业没有标准化等级', 'The enterprise has no grade');
        if (!input.note) throw fieldError('note', '请填写撤销原因', 'Give the reason for the revocation');
        break;
      }
    }
    return (await applyStandardization(tx, actor, ip, e, change))!;
  });
}
