// Recording the verification finding (核查结果) of a report: a handler, while the report is being handled or has
// been replied to, records verified / partly verified / unfounded with a note. Not a status change of the report:
// its own row, the domain event `report.verified` (the credit consumer reads it), and the audit entry, in one
// transaction. A verified or partly verified named report makes a reward due (rules.md §8: real name, verified);
// an anonymous one cannot be rewarded, since nobody could claim it.
import type { RecordFindingBody, ReportVerificationView } from '@anjian/contracts';
import { reportVerifications } from '../../../../db/schema';
import type { Actor } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import type { Db, DbOrTx, Tx } from '../../../../platform/db';
import { fieldError } from '../../../../platform/errors';
import { loadForUpdate } from '../../../../platform/load-for-update';
import { appendEvent } from '../../../../platform/outbox';
import { cstDate } from '../../../../platform/time';
import { can } from '@anjian/contracts';
import { findReport, findSealedReporter } from '../../reports.queries';
import { presentReportDetail } from '../../reports.presenter';
import type { ReportRow } from '../../reports.workflow';
import { findRewardOfReport, findVerification } from '../rewards.queries';
import { rewardingFindings } from '../rewards.rules';
import { auditReward } from '../rewards.presenter';
import { writeReward } from '../rewards.workflow';

const verifiable = ['handling', 'replied'];

export async function recordFinding(db: Db, actor: Actor, ip: string | null, id: string, input: RecordFindingBody, today = cstDate()) {
  return db.transaction((tx) => recordFindingIn(tx, actor, ip, id, input, today));
}

/** The same in the caller's transaction (the demo seed). */
export async function recordFindingIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: RecordFindingBody, today = cstDate()) {
  const report = await loadForUpdate({
    load: () => findReport(tx, actor, id, true),
    version: input.version,
    present: (row) => presentReportDetail(tx, actor, row, today),
  });
  if (!verifiable.includes(report.status)) {
    throw fieldError(
      'finding',
      '举报处于核查处理中或已答复时才能登记核查结果',
      'A finding is recorded while the report is handled or replied',
    );
  }
  if (await findVerification(tx, report.id)) {
    throw fieldError('finding', '该举报已登记核查结果', 'This report already has a finding');
  }
  await tx.insert(reportVerifications).values({
    reportId: report.id,
    areaCode: report.areaCode,
    finding: input.finding,
    note: input.note,
    recordedOn: today,
    recordedBy: actor.id,
  });
  await appendEvent(tx, 'report.verified', 'report', report, actor, { finding: input.finding });
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'report.verify', entityType: 'report', entityId: report.id, after: { finding: input.finding, note: input.note } },
  );
  if ((rewardingFindings as readonly string[]).includes(input.finding) && report.named && (await findSealedReporter(tx, report.id))) {
    const reward = await writeReward(tx, actor, null, 'create', {
      create: {
        reportId: report.id,
        areaCode: report.areaCode,
        sector: report.sector,
        parkId: report.parkId,
        enterpriseId: report.enterpriseId,
        year: Number(today.slice(0, 4)),
        finding: input.finding,
        dueOn: today,
        reportAcceptedOn: report.acceptedOn,
      },
      input: { finding: input.finding },
    });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'report_reward.create', entityType: 'report_reward', entityId: reward.id, after: auditReward(reward) },
    );
  }
  return presentVerification(tx, actor, report);
}

export async function presentVerification(db: DbOrTx, actor: Actor, report: ReportRow): Promise<ReportVerificationView> {
  const [v, reward] = await Promise.all([findVerification(db, report.id), findRewardOfReport(db, report.id)]);
  const abilities = !v && verifiable.includes(report.status) && can(actor.role, 'report.handle') ? ['verify'] : [];
  return {
    reportId: report.id,
    finding: (v?.finding ?? null) as ReportVerificationView['finding'],
    note: v?.note ?? null,
    recordedOn: v?.recordedOn ?? null,
    recordedByName: v?.recordedByName ?? null,
    rewardId: reward?.id ?? null,
    rewardStatus: (reward?.status ?? null) as ReportVerificationView['rewardStatus'],
    abilities,
  };
}
