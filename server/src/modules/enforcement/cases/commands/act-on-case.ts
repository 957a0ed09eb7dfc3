// One step of a penalty case: the case machine (case.workflow.ts) decides whether it is allowed and what input it
// requires; this file holds, per step as a table, the legal conditions it checks and the columns it writes (fine inside the article's range, rights period before review, a hearing asked
// within 5 working days of the notice and notified 7 working days ahead (行政处罚法 §64, §85) with a presiding officer
// who did not investigate, payment with the 加处罚款 due on the day paid), issues the 告知书 / 听证通知书 / 决定书, and
// audits — in one transaction. The hearing threshold and periods are the deployment's settings
// (enforcement.settings.ts), read in the transaction. A working-day period that needs a year the holiday calendar
// lacks is refused with that reason on the step's field, never counted on weekdays alone.
import { and, eq } from 'drizzle-orm';
import type { CaseAction, CaseActionBody } from '@anjian/contracts';
import { enforcementDocuments, type penaltyCases } from '../../../../db/schema';
import type { Actor } from '../../../../platform/actor';
import { loadForUpdate } from '../../../../platform/load-for-update';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { AppError, fieldError } from '../../../../platform/errors';
import { CalendarGapError } from '../../../../platform/calendar';
import { checkFine, type FineBand } from '../../../../reference/enforcement/penalty-basis';
import {
  calendarGapRefusal,
  hearingIsARight,
  hearingNoticeRefusal,
  hearingRequestDue,
  hearingRequestRefusal,
  hearingRequestTimely,
  lateSurchargeFen,
  paymentDue,
  unlessCalendarGap,
  type HearingConfig,
  type PartyKind,
} from '../../../../reference/enforcement/penalty-limits';
import type { DbOrTx } from '../../../../platform/db';
import { assertAllowed, decide } from '../../../../platform/state-machine';
import { users } from '../../../../db/schema';
import { authorityOrgIds, caseInvestigatorIds } from '../hearing.queries';
import { findCase, type CaseRow } from '../cases.queries';
import { findCaseDetail } from '../cases.detail';
import { caseMachine, writeCase } from '../case.workflow';
import { issueDocument } from '../../documents/documents';
import { caseOfficerIds } from '../../documents/documents.party';
import { enforcementClock } from '../../enforcement.clock';
import { loadHearingConfig } from '../../settings/enforcement.settings';
import { decisionFields, hearingNoticeFields, penaltyNoticeFields } from './case-fields';
import { findEnterpriseInScope } from '../../../enterprises/enterprises.queries';

type Patch = Partial<typeof penaltyCases.$inferInsert>;

function fineOf(c: CaseRow, body: CaseActionBody): number {
  const fine = body.fine ?? (c.fine === null ? undefined : Number(c.fine));
  if (fine === undefined) throw fieldError('fine', '须确定罚款数额', 'The fine is required');
  const bad = checkFine(c.basisId, c.fineBand as FineBand, fine);
  if (bad) throw new AppError('VALIDATION', [{ field: 'fine', ...bad }]);
  return fine;
}

/** `check()` with a missing year of the holiday calendar turned into a refusal on `field`. */
function withCalendar<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    // The year rides along so the page can point to the holiday-calendar page.
    if (e instanceof CalendarGapError)
      throw new AppError('VALIDATION', [{ field, ...calendarGapRefusal(e.year) }], { calendarGapYear: e.year });
    throw e;
  }
}

async function noticeIssuedOn(tx: DbOrTx, caseId: string): Promise<string | null> {
  const [notice] = await tx
    .select({ on: enforcementDocuments.issuedOn })
    .from(enforcementDocuments)
    .where(and(eq(enforcementDocuments.caseId, caseId), eq(enforcementDocuments.kind, 'penalty_notice')));
  return notice?.on ?? null;
}

/** The presiding officer: an active member of the caller's authority (bureau and divisions) who did not investigate. */
async function presiderOf(tx: DbOrTx, actor: Actor, c: CaseRow, presiderId: string | undefined) {
  if (!presiderId) throw fieldError('presiderId', '须指定听证主持人', 'The presiding officer is required');
  const [u] = await tx
    .select({ id: users.id, name: users.displayName, orgId: users.orgId, status: users.status })
    .from(users)
    .where(eq(users.id, presiderId));
  if (!u || u.status !== 'active' || !u.orgId || !(await authorityOrgIds(tx, actor)).includes(u.orgId))
    throw fieldError('presiderId', '听证主持人须为本机关在职人员', 'The presiding officer must be active staff of this authority');
  if ((await caseInvestigatorIds(tx, c)).has(u.id))
    throw fieldError(
      'presiderId',
      '听证由行政机关指定的非本案调查人员主持（《行政处罚法》第六十四条）',
      'The hearing must be presided over by someone who did not investigate the case (行政处罚法 §64)',
    );
  return u;
}

interface StepContext {
  tx: DbOrTx;
  actor: Actor;
  c: CaseRow;
  body: CaseActionBody;
  today: string;
  config: HearingConfig;
}

type DocKind = 'penalty_notice' | 'hearing_notice' | 'penalty_decision';

/**
 * Per step: its legal conditions (refusing with the field at fault) and the columns it writes. The machine has
 * already checked the status, the permission and the required input (caseMachine.actions[…].requires).
 */
const caseSteps: Partial<Record<CaseAction, (s: StepContext) => Promise<Patch> | Patch>> = {
  notify: ({ c, body }) => ({ fine: fineOf(c, body).toFixed(2) }),
  async request_hearing({ tx, c, body, today, config }) {
    const on = body.on ?? today;
    const noticeOn = (await noticeIssuedOn(tx, c.id)) ?? today;
    if (on > today) throw fieldError('on', '要求听证的日期不能晚于今天', 'The request cannot be dated after today');
    const late = withCalendar('on', () => hearingRequestRefusal(noticeOn, on, config));
    if (late) throw new AppError('VALIDATION', [{ field: 'on', ...late }]);
    return { hearingRequestedOn: on };
  },
  async schedule_hearing({ tx, actor, c, body, today, config }) {
    const short = withCalendar('hearingOn', () => hearingNoticeRefusal(today, body.hearingOn!, config));
    if (short) throw new AppError('VALIDATION', [{ field: 'hearingOn', ...short }]);
    const presider = await presiderOf(tx, actor, c, body.presiderId);
    return {
      hearingOn: body.hearingOn,
      hearingPlace: body.hearingPlace,
      hearingPresiderId: presider.id,
      hearingPresiderName: presider.name,
    };
  },
  async hold_hearing({ tx, actor, c, body, today }) {
    const on = body.on ?? today;
    if (on < c.hearingOn! || on > today)
      throw fieldError(
        'on',
        `听证举行日期须在通知的听证日期（${c.hearingOn}）与今天之间`,
        `The hearing is held on or after ${c.hearingOn}, and not after today`,
      );
    const patch: Patch = { hearingHeldOn: on, hearingRecord: body.hearingRecord };
    if (body.presiderId && body.presiderId !== c.hearingPresiderId) {
      const presider = await presiderOf(tx, actor, c, body.presiderId);
      patch.hearingPresiderId = presider.id;
      patch.hearingPresiderName = presider.name;
    }
    return patch;
  },
  async submit_review({ tx, c, body, today, config }) {
    // After a hearing the rights period is over; straight from 告知 the party keeps its request period (the setting, 5
    // working days by default) unless it waived it.
    if (c.status === 'heard' || body.waived) return {};
    const noticeOn = (await noticeIssuedOn(tx, c.id)) ?? today;
    if (withCalendar('waived', () => hearingRequestTimely(noticeOn, today, config))) {
      const until = unlessCalendarGap(() => hearingRequestDue(noticeOn, config));
      throw fieldError(
        'waived',
        `当事人陈述申辩、要求听证的期限（告知后${config.requestDays}个工作日）${until ? `至${until}止` : '尚未届满'}，或须当事人明确放弃`,
        `The party has ${config.requestDays} working days after the notice${until ? `, until ${until},` : ''} to respond, unless it waives`,
      );
    }
    return {};
  },
  decide: ({ c, body, today }) => ({
    fine: fineOf(c, body).toFixed(2),
    decidedOn: today,
    ...(body.publish !== undefined ? { publish: body.publish } : {}),
  }),
  serve({ c, body, today }) {
    const on = body.on ?? today;
    if (on < c.decidedOn! || on > today)
      throw fieldError('on', '送达日期须在决定日期与今天之间', 'Service must fall between the decision and today');
    return { servedOn: on };
  },
  pay({ c, body, today }) {
    const on = body.on ?? today;
    if (on < c.servedOn! || on > today)
      throw fieldError('on', '缴款日期须在送达日期与今天之间', 'Payment must fall between service and today');
    const fineFen = Math.round(Number(c.fine) * 100);
    const dueFen = fineFen + lateSurchargeFen(fineFen, c.servedOn!, on);
    if (Math.round((body.amountPaid ?? 0) * 100) < dueFen) {
      const due = (dueFen / 100).toFixed(2);
      throw fieldError('amountPaid', `应缴金额为${due}元（含加处罚款）`, `Amount due is ${due} yuan (surcharge included)`);
    }
    return { paidOn: on };
  },
  enforce({ c, today }) {
    if (today <= paymentDue(c.servedOn!)) throw fieldError('action', '缴款期限尚未届满', 'The payment period has not ended');
    return {};
  },
  close: ({ today }) => ({ closedOn: today }),
  extend: ({ c, body }) => ({ extensionDays: [...c.extensionDays, body.extensionDays!] }),
  change_decision: ({ today }) => ({ changedOn: today }),
};

/** The document a step issues. */
const caseDocuments: Partial<Record<CaseAction, DocKind>> = {
  notify: 'penalty_notice',
  schedule_hearing: 'hearing_notice',
  decide: 'penalty_decision',
};

/** What the machine checks a step's required input against: the body, with the fine the case already proposes. */
function inputOf(c: CaseRow, body: CaseActionBody): Record<string, unknown> {
  return { ...body, fine: body.fine ?? (c.fine === null ? undefined : Number(c.fine)) };
}

export async function actOnCase(db: Db, actor: Actor, ip: string | null, id: string, action: CaseAction, body: CaseActionBody) {
  const today = enforcementClock.today();
  return db.transaction(async (tx) => {
    const c = await loadForUpdate({
      load: () => findCase(tx, actor, id, true),
      version: body.version,
      present: () => findCaseDetail(tx, actor, id),
    });
    assertAllowed(caseMachine, c, actor, action);
    decide(caseMachine, c, actor, action, inputOf(c, body));
    const config = await loadHearingConfig(tx);
    const patch: Patch = (await caseSteps[action]?.({ tx, actor, c, body, today, config })) ?? {};
    await writeCase(tx, actor, c, action, { patch, input: inputOf(c, body), evidence: { note: body.note, ...patch } });
    const doc = caseDocuments[action];
    if (doc) {
      const e = (await findEnterpriseInScope(tx, actor, c.enterpriseId))!;
      const fine = Number(patch.fine);
      const fields =
        doc === 'hearing_notice'
          ? hearingNoticeFields(c, e, patch)
          : doc === 'penalty_notice'
            ? penaltyNoticeFields(c, e, fine, {
                offered: hearingIsARight(c.partyKind as PartyKind, fine, config),
                requestDays: config.requestDays,
              })
            : decisionFields(c, e, fine);
      await issueDocument(tx, actor, {
        kind: doc,
        enterpriseId: e.id,
        areaCode: e.areaCode,
        caseId: id,
        fields,
        officerIds: await caseOfficerIds(tx, c),
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
