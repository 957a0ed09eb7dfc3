// One step of a penalty case: the workflow decides whether it is allowed; this file collects each step's evidence
// and checks its legal conditions (fine inside the article's range, rights period before review, payment with the
// 加处罚款 due on the day paid), issues the 告知书 / 决定书, and audits — in one transaction.
import { and, eq } from 'drizzle-orm';
import type { CaseAction, CaseActionBody, CaseStatus } from '@anjian/contracts';
import { enforcementDocuments, type penaltyCases } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, fieldError, notFound } from '../../../platform/errors';
import { addDays, cstDate } from '../../../platform/time';
import { checkFine, type FineBand } from '../../../reference/enforcement/penalty-basis';
import { HEARING_REQUEST_DAYS, lateSurchargeFen, paymentDue } from '../../../reference/enforcement/penalty-limits';
import { findCase, type CaseRow } from '../cases.queries';
import { applyCaseStep, checkCaseAction } from '../case.workflow';
import { issueDocument } from '../documents';
import { findEnterpriseInScope, findOrgShortName } from '../inspections.queries';
import { decisionFields } from './case-fields';

type Patch = Partial<typeof penaltyCases.$inferInsert>;

function fineOf(c: CaseRow, body: CaseActionBody): number {
  const fine = body.fine ?? (c.fine === null ? undefined : Number(c.fine));
  if (fine === undefined) throw fieldError('fine', '须确定罚款数额', 'The fine is required');
  const bad = checkFine(c.basisId, c.fineBand as FineBand, fine);
  if (bad) throw new AppError('VALIDATION', [{ field: 'fine', ...bad }]);
  return fine;
}

export async function actOnCase(db: Db, actor: Actor, ip: string | null, id: string, action: CaseAction, body: CaseActionBody) {
  const today = cstDate();
  return db.transaction(async (tx) => {
    const c = await findCase(tx, actor, id, true);
    if (!c) throw notFound();
    if (c.version !== body.version) throw new AppError('CONFLICT');
    const to: CaseStatus = checkCaseAction(actor, c.status as CaseStatus, action);
    const patch: Patch = {};
    let doc: 'penalty_notice' | 'penalty_decision' | null = null;
    switch (action) {
      case 'notify':
        patch.fine = fineOf(c, body).toFixed(2);
        doc = 'penalty_notice';
        break;
      case 'submit_review': {
        const [notice] = await tx
          .select({ on: enforcementDocuments.issuedOn })
          .from(enforcementDocuments)
          .where(and(eq(enforcementDocuments.caseId, id), eq(enforcementDocuments.kind, 'penalty_notice')));
        const waitUntil = notice ? addDays(notice.on, HEARING_REQUEST_DAYS) : today;
        if (!body.waived && today <= waitUntil) {
          throw fieldError(
            'waived',
            `当事人陈述申辩、要求听证的期限至${waitUntil}止，或须当事人明确放弃`,
            `The party has until ${waitUntil} to respond, unless it waives`,
          );
        }
        break;
      }
      case 'decide':
        patch.fine = fineOf(c, body).toFixed(2);
        patch.decidedOn = today;
        if (body.publish !== undefined) patch.publish = body.publish;
        doc = 'penalty_decision';
        break;
      case 'serve': {
        const on = body.on ?? today;
        if (on < c.decidedOn! || on > today)
          throw fieldError('on', '送达日期须在决定日期与今天之间', 'Service must fall between the decision and today');
        patch.servedOn = on;
        break;
      }
      case 'pay': {
        const on = body.on ?? today;
        if (on < c.servedOn! || on > today)
          throw fieldError('on', '缴款日期须在送达日期与今天之间', 'Payment must fall between service and today');
        const fineFen = Math.round(Number(c.fine) * 100);
        const dueFen = fineFen + lateSurchargeFen(fineFen, c.servedOn!, on);
        if (Math.round((body.amountPaid ?? 0) * 100) < dueFen) {
          const due = (dueFen / 100).toFixed(2);
          throw fieldError('amountPaid', `应缴金额为${due}元（含加处罚款）`, `Amount due is ${due} yuan (surcharge included)`);
        }
        patch.paidOn = on;
        break;
      }
      case 'enforce':
        if (today <= paymentDue(c.servedOn!)) throw fieldError('action', '缴款期限尚未届满', 'The payment period has not ended');
        break;
      case 'close':
        patch.closedOn = today;
        break;
      case 'extend':
        if (!body.extensionDays || !body.note) throw fieldError('extensionDays', '须填写延长天数和理由', 'Days and reason are required');
        patch.extensionDays = [...c.extensionDays, body.extensionDays];
        break;
      case 'change_decision':
        if (!body.note) throw fieldError('note', '须说明变更或撤销的理由', 'A reason is required');
        patch.changedOn = today;
        break;
      default:
        break;
    }
    await applyCaseStep(tx, actor, c, action, to, patch, { note: body.note, ...patch });
    if (doc) {
      const e = (await findEnterpriseInScope(tx, actor, c.enterpriseId))!;
      await issueDocument(tx, actor, {
        kind: doc,
        enterpriseId: e.id,
        areaCode: e.areaCode,
        caseId: id,
        orgShortName: await findOrgShortName(tx, actor.orgId),
        fields: decisionFields(c, e, Number(patch.fine)),
      });
    }
    const after = (await findCase(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: `case.${action}`,
        entityType: 'penalty_case',
        entityId: id,
        before: { status: c.status },
        after: { status: after.status, ...patch },
      },
    );
    return after;
  });
}
