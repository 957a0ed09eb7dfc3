// POST /api/duty-records: the enterprise records one of the 八个一次 for a period with its evidence (photos, minutes,
// attendance sheets uploaded through the files module and claimed here). One record per duty and period: a second
// one answers 409 with the existing record (a returned one is corrected through resubmit).
import type { RecordDutyBody, ResubmitDutyBody } from '@anjian/contracts';
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, fieldError, notFound } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { recordRefusal } from '../commitments.rules';
import { presentDutyRecord } from '../commitments.presenter';
import { findDutyRecord, findDutyRecordOf, findEnterprise } from '../commitments.queries';
import { writeDutyRecord } from '../duties.workflow';
import type { CommitmentContext } from './context';

export const DUTY_FILE_OWNER = 'duty_record';

export async function recordDuty(db: Db, ctx: CommitmentContext, input: RecordDutyBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  const refusal = recordRefusal(input.duty, input.period, input.heldOn, today);
  if (refusal) throw fieldError(refusal.field, refusal.zh, refusal.en);
  return db.transaction(async (tx) => {
    const ent = await findEnterprise(tx, actor, input.enterpriseId, true);
    if (!ent) throw notFound();
    const existing = await findDutyRecordOf(tx, actor, ent.id, input.duty, input.period);
    if (existing) throw new AppError('CONFLICT', [], { current: await presentDutyRecord(tx, actor, existing) });
    const id = randomUUID();
    const attachments = await claimFiles(tx, actor, input.attachments, { type: DUTY_FILE_OWNER, id });
    const row = await writeDutyRecord(tx, actor, null, 'record', {
      id,
      enterpriseId: ent.id,
      areaCode: ent.areaCode,
      sector: ent.sector,
      parkId: ent.parkId,
      duty: input.duty,
      period: input.period,
      year: Number(input.period.slice(0, 4)),
      heldOn: input.heldOn,
      summary: input.summary,
      participants: input.participants ?? null,
      attachments,
      recordedBy: actor.id,
    });
    await recordAudit(tx, ctx, {
      action: 'duty_record.record',
      entityType: 'duty_record',
      entityId: id,
      after: { duty: input.duty, period: input.period, heldOn: input.heldOn, attachments, version: row.version },
    });
    return presentDutyRecord(tx, actor, { ...row, enterpriseName: ent.name });
  });
}

export async function resubmitDuty(db: Db, ctx: CommitmentContext, id: string, input: ResubmitDutyBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findDutyRecord(tx, actor, id, true),
      version: input.version,
      present: (r) => presentDutyRecord(tx, actor, r),
    });
    const refusal = recordRefusal(before.duty as RecordDutyBody['duty'], before.period, input.heldOn, today);
    if (refusal) throw fieldError(refusal.field, refusal.zh, refusal.en);
    const added = await claimFiles(tx, actor, input.attachments ?? [], { type: DUTY_FILE_OWNER, id });
    const attachments = [...before.attachments, ...added];
    const row = await writeDutyRecord(tx, actor, before, 'resubmit', {
      heldOn: input.heldOn,
      summary: input.summary,
      participants: input.participants ?? before.participants,
      attachments,
    });
    await recordAudit(tx, ctx, {
      action: 'duty_record.resubmit',
      entityType: 'duty_record',
      entityId: id,
      before: { heldOn: before.heldOn, summary: before.summary, status: before.status, version: before.version },
      after: { heldOn: row.heldOn, summary: row.summary, added, status: row.status, version: row.version },
    });
    return presentDutyRecord(tx, actor, { ...row, enterpriseName: before.enterpriseName });
  });
}
