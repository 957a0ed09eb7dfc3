// A new report: from the public form (no login, or a citizen's account, which is then linked) or recorded by an
// operator from another channel. The report is routed to the chosen area (its area_code is the scope column), its
// acceptance deadline set on the working-day calendar, the reporter's identity sealed into the vault, the photos
// uploaded beforehand claimed, and the submission audited — without the identity — in the same transaction.
import type { IntakeReportBody, PublicReportBody } from '@anjian/contracts';
import { reportReporters } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import { claimWithTokens } from '../../../platform/public-uploads';
import { inScope } from '../../../platform/scope';
import { cstDate } from '../../../platform/time';
import { TRACKING_CODE_LENGTH } from '../reports.reference';
import { acceptDueOf } from '../reports.rules';
import { routeReport } from '../routing/routing.queries';
import { areaExists } from '../reports.queries';
import { auditRow } from '../reports.presenter';
import { REPORT_PHOTO_OWNER } from '../reports.photos';
import { seal, trackingCode } from '../reports.vault';
import { writeReport, type ReportRow } from '../reports.workflow';
import { guardPublicSubmission, type AbuseLimits } from '../abuse';

// The time-limit rules moved to reports.rules.ts; re-exported for existing callers.
export { acceptDueOf, handleDueOf } from '../reports.rules';

interface SubmitContext {
  actor: Actor | null;
  ip: string | null;
  vaultKey: string;
  today?: string;
  /** The public form's abuse controls (modules/reports/abuse.ts); absent for intake and the demo seed. */
  abuse?: { limits: AbuseLimits; challenge: 'none' | 'passed' | 'failed' };
}

export async function submitReport(db: Db, ctx: SubmitContext, input: PublicReportBody | IntakeReportBody) {
  return db.transaction((tx) => submitReportIn(tx, ctx, input));
}

/** The same in the caller's transaction (the demo seed replays its reports this way). */
export async function submitReportIn(
  tx: Tx,
  ctx: SubmitContext,
  input: PublicReportBody | IntakeReportBody,
): Promise<{ row: ReportRow; trackingCode: string }> {
  const today = ctx.today ?? cstDate();
  const intake = 'channel' in input;
  if (input.occurredOn > today) throw fieldError('occurredOn', '发生日期不能晚于今天', 'The date cannot be in the future');
  if (!(await areaExists(tx, input.areaCode))) throw fieldError('areaCode', '请选择所在街道或区', 'Choose the street or district');
  if (intake && ctx.actor && !inScope(ctx.actor, { areaCode: input.areaCode })) {
    throw fieldError('areaCode', '该地区不在本单位辖区内', 'This area is outside your jurisdiction');
  }
  // Routing rules (routing/): the location's area and the category decide the responsible street, department or park.
  const route = await routeReport(tx, input.areaCode, input.category);
  if (!intake && ctx.abuse) {
    await guardPublicSubmission(tx, { secret: ctx.vaultKey, ip: ctx.ip, phone: input.reporter?.phone ?? null, ...ctx.abuse });
  }
  const code = trackingCode(TRACKING_CODE_LENGTH);
  const row = await writeReport(tx, ctx.actor, null, intake ? 'record' : 'submit', {
    create: {
      trackingCode: code,
      category: input.category,
      channel: intake ? input.channel : 'online',
      channelRef: intake ? (input.channelRef ?? null) : null,
      areaCode: route.areaCode,
      sector: route.sector,
      parkId: route.parkId,
      routingRuleId: route.ruleId,
      address: input.address,
      lon: input.lon ?? null,
      lat: input.lat ?? null,
      enterpriseName: input.enterpriseName ?? null,
      occurredOn: input.occurredOn,
      description: input.description,
      named: !!input.reporter,
      submittedBy: !intake && ctx.actor?.role === 'public' ? ctx.actor.id : null,
      recordedBy: intake ? (ctx.actor?.id ?? null) : null,
      submittedOn: today,
      acceptDue: acceptDueOf(today),
    },
  });
  if (input.reporter) {
    const { sealed, keyId } = seal(ctx.vaultKey, {
      name: input.reporter.name,
      phone: input.reporter.phone,
      idNumber: input.reporter.idNumber?.toUpperCase() ?? null,
    });
    await tx.insert(reportReporters).values({ reportId: row.id, sealed, keyId });
  }
  // The reporter's photos, uploaded beforehand; any refusal rolls the whole submission back. From the public form each
  // is claimed with its token, only the caller's own or anonymous uploads (platform/public-uploads.ts); on intake they
  // are the recording officer's own uploads, claimed by id as any signed-in upload, and must be photos.
  const owner = { type: REPORT_PHOTO_OWNER, id: row.id };
  let photos: string[] = [];
  if (input.photos?.length) {
    if (!intake) photos = await claimWithTokens(tx, ctx.actor, input.photos, owner, 'photos');
    else if (ctx.actor) photos = await claimFiles(tx, ctx.actor, input.photos, owner, { field: 'photos', kinds: ['photo'] });
    else throw new Error('an intake with photos needs the recording officer');
  }
  await recordAudit(
    tx,
    { actor: ctx.actor, ip: ctx.ip },
    {
      action: intake ? 'report.record' : 'report.submit',
      entityType: 'report',
      entityId: row.id,
      after: { ...auditRow(row), named: !!input.reporter, photos },
    },
  );
  return { row, trackingCode: code };
}
