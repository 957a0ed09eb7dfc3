// POST /api/people/:id/certificates and PUT /api/certificates/:id: the enterprise records a certificate of one of its
// people or corrects one (a review done, an extension granted). Special-operations certificates take the operation
// item from the national catalogue and their expiry and review dates from the rules (rules.md §5.1–5.2); the other
// kinds carry the expiry printed on them. The due date is kept on the row for the expiry list; the enterprise's
// summary row is rewritten and the write audited in the same transaction.
import { eq } from 'drizzle-orm';
import type { CreateCertificateBody, UpdateCertificateBody } from '@anjian/contracts';
import { certificates } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findCertificate, findPerson, namesFor, refreshSummary, type CertificateRow } from '../people.queries';
import { auditCertificate, presentCertificate, presentPersonDetail } from '../people.presenter';
import { certificateSchedule, operationItemName, reviewInWindow } from '../people.rules';
import type { PeopleContext } from './save-person';

/** The checked columns of a certificate (bilingual 400 on a rule broken). */
export function certificateColumns(input: CreateCertificateBody, today: string) {
  if (input.issuedOn > today) throw fieldError('issuedOn', '发证日期不能晚于今天', 'The issue date cannot be in the future');
  const special = input.kind === 'special_operation';
  if (special) {
    if (!input.operationItem || !operationItemName(input.operationItem)) {
      throw fieldError(
        'operationItem',
        '请从特种作业目录中选择操作项目',
        'Choose the operation item from the special-operations catalogue',
      );
    }
  } else {
    if (!input.expiresOn) throw fieldError('expiresOn', '请填写证书有效期至', 'Enter the expiry date printed on the certificate');
    if (input.expiresOn <= input.issuedOn)
      throw fieldError('expiresOn', '有效期至应晚于发证日期', 'The expiry must be after the issue date');
    if (input.reviewedOn || input.reviewExtended) {
      throw fieldError('reviewedOn', '仅特种作业操作证按复审周期管理', 'Only special-operations certificates have reviews here');
    }
  }
  const s = certificateSchedule({ ...input, expiresOn: input.expiresOn ?? null });
  if (special && input.expiresOn && input.expiresOn !== s.expiresOn) {
    throw fieldError(
      'expiresOn',
      `特种作业操作证有效期为6年，应至 ${s.expiresOn}`,
      `A special-operations certificate is valid for 6 years, to ${s.expiresOn}`,
    );
  }
  if (input.reviewedOn) {
    if (input.reviewedOn > today) throw fieldError('reviewedOn', '复审日期不能晚于今天', 'The review date cannot be in the future');
    if (!reviewInWindow(input.issuedOn, input.reviewedOn)) {
      throw fieldError('reviewedOn', '复审应在复审期满前60日内办理', 'A review is done within the 60 days before it is due');
    }
  }
  return {
    kind: input.kind,
    operationItem: special ? input.operationItem! : null,
    itemText: input.itemText ?? null,
    number: input.number,
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    expiresOn: s.expiresOn,
    reviewedOn: special ? (input.reviewedOn ?? null) : null,
    reviewExtended: special ? (input.reviewExtended ?? false) : false,
    nextReviewOn: s.nextReviewOn,
    dueOn: s.dueOn,
  };
}

export async function addCertificate(db: Db, ctx: PeopleContext, personId: string, input: CreateCertificateBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    // The person is locked so the summary rewrite sees one writer at a time per person.
    const person = await findPerson(tx, actor, personId, true);
    if (!person) throw notFound();
    const cols = certificateColumns(input, today);
    const [row] = await tx
      .insert(certificates)
      .values({
        ...cols,
        personId,
        enterpriseId: person.enterpriseId,
        areaCode: person.areaCode,
        sector: person.sector,
        parkId: person.parkId,
      })
      .returning();
    await refreshSummary(tx, person.enterpriseId, today);
    await recordAudit(tx, ctx, {
      action: 'certificate.create',
      entityType: 'certificate',
      entityId: row!.id,
      after: auditCertificate(row!),
    });
    return presentPersonDetail(tx, actor, person, ctx.vaultKey, today);
  });
}

export async function updateCertificate(db: Db, ctx: PeopleContext, id: string, input: UpdateCertificateBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const present = async (row: CertificateRow) =>
      presentCertificate(actor, row, await namesFor(tx, [row.personId], [row.enterpriseId]), today);
    const before = await loadForUpdate<CertificateRow>({
      load: () => findCertificate(tx, actor, id, true),
      version: input.version,
      present,
    });
    if (before.revokedOn) throw fieldError('version', '已吊销的证书不能修改', 'A revoked certificate cannot be changed');
    const cols = certificateColumns(input, today);
    const [row] = await tx
      .update(certificates)
      .set({ ...cols, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(certificates.id, id))
      .returning();
    await refreshSummary(tx, before.enterpriseId, today);
    await recordAudit(tx, ctx, {
      action: 'certificate.update',
      entityType: 'certificate',
      entityId: id,
      before: auditCertificate(before),
      after: auditCertificate(row!),
    });
    return present(row!);
  });
}
