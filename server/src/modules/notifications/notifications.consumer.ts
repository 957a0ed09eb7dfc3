// The notifications consumer of domain events: who must act next gets "waiting for your action", an inspector
// put on an inspection gets "assigned to you". Runs in the consumer's transaction (platform/queue.ts), so each
// event adds its notices once; the dedupe key also holds if an event were processed under another consumer name.
import type { DomainEvent, EventConsumer } from '../../platform/queue';
import type { Tx } from '../../platform/db';
import { hazardWorkflow } from '../../reference/hazards/workflow';
import { caseAwaiting, hazardAwaiting } from './notifications.rules';
import { recipientsFor } from './notifications.recipients';
import { notify, recordLink } from './notifications.service';
import { onWorkTaskEvent } from './notifications.workplans';
import { onRewardEvent } from './notifications.rewards';
import { onReportMerged } from './notifications.reports';
import { onLetterIssued } from './notifications.letters';

const scopeOf = (e: DomainEvent) => ({ areaCode: e.areaCode, enterpriseId: e.enterpriseId, sector: e.sector, parkId: e.parkId });
const others = (ids: string[], e: DomainEvent) => ids.filter((id) => id !== e.actorId);

async function onHazard(tx: Tx, e: DomainEvent) {
  const p = e.payload as { from?: string | null; to?: string; deadline?: string | null };
  if (!p.to || p.from === p.to) return;
  const rule = hazardAwaiting[p.to];
  if (!rule) return;
  const to = others(await recipientsFor(tx, scopeOf(e), rule.recipients), e);
  await notify(tx, to, {
    kind: 'awaiting_action',
    title: rule.title,
    entityType: 'hazard',
    entityId: e.entityId,
    link: recordLink.hazard!(e.entityId),
    dueOn: p.deadline ?? null,
    eventId: e.id,
    dedupeKey: `event:${e.id}`,
  });
}

async function onCaseStep(tx: Tx, e: DomainEvent) {
  const p = e.payload as { from?: string | null; to?: string };
  const rule = p.to && p.from !== p.to ? caseAwaiting[p.to] : undefined;
  if (!rule) return;
  const to = others(await recipientsFor(tx, scopeOf(e), rule.recipients), e);
  await notify(tx, to, {
    kind: 'awaiting_action',
    title: rule.title,
    entityType: 'penalty_case',
    entityId: e.entityId,
    link: recordLink.penalty_case!(e.entityId),
    eventId: e.id,
    dedupeKey: `event:${e.id}`,
  });
}

async function onInspectionCreated(tx: Tx, e: DomainEvent) {
  const p = e.payload as { plannedOn?: string; inspectorIds?: string[] };
  const to = others(await recipientsFor(tx, scopeOf(e), [], p.inspectorIds ?? []), e);
  await notify(tx, to, {
    kind: 'assigned',
    title: { zh: '新的执法检查任务', en: 'New inspection assigned to you' },
    entityType: 'inspection',
    entityId: e.entityId,
    link: recordLink.inspection!(e.entityId),
    dueOn: p.plannedOn ?? null,
    eventId: e.id,
    dedupeKey: `event:${e.id}`,
  });
}

/** 网格化巡查: a visit's information reports and a unit registered on patrol go to the street (grid module events). */
async function onGrid(tx: Tx, e: DomainEvent) {
  const p = e.payload as { infoReports?: { kind: string }[]; name?: string; enterpriseName?: string };
  let title: { zh: string; en: string } | null = null;
  if (e.type === 'grid_visit.record' && (p.infoReports?.length ?? 0) > 0) {
    title = { zh: `网格信息报告：${p.enterpriseName ?? ''}`, en: `Grid information report: ${p.enterpriseName ?? ''}` };
  } else if (e.type === 'grid_registration.register') {
    title = { zh: `网格登记新单位待确认：${p.name ?? ''}`, en: `New unit registered on patrol: ${p.name ?? ''}` };
  }
  if (!title) return;
  const to = others(await recipientsFor(tx, scopeOf(e), ['street']), e);
  await notify(tx, to, {
    kind: 'awaiting_action',
    title,
    entityType: e.entityType,
    entityId: e.entityId,
    link: recordLink[e.entityType]!(e.entityId),
    eventId: e.id,
    dedupeKey: `event:${e.id}`,
  });
}

/**
 * 抽查 (people module): a failed outcome of a spot check, and a certificate revoked on the bureau's decision, go to the
 * enterprise's own accounts and its street (a revocation after a spot check is announced once, by the outcome).
 */
async function onCertificateFinding(tx: Tx, e: DomainEvent) {
  const p = e.payload as { outcome?: string; revoked?: boolean; number?: string; spotCheckItemId?: string | null };
  if (e.type === 'certificate.revoke' && p.spotCheckItemId) return;
  const title =
    e.type === 'certificate.revoke'
      ? { zh: `证书已吊销：${p.number ?? ''}`, en: `Certificate revoked: ${p.number ?? ''}` }
      : p.revoked
        ? { zh: '抽查不合格，证书已吊销', en: 'Spot check failed: the certificate was revoked' }
        : { zh: '持证人员抽查发现问题', en: 'A spot check of certificate holders found a problem' };
  const to = others(await recipientsFor(tx, scopeOf(e), ['enterprise', 'street']), e);
  await notify(tx, to, {
    kind: 'announcement',
    title,
    entityType: 'certificate',
    entityId: e.type === 'certificate.revoke' ? e.entityId : ((e.payload as { certificateId?: string }).certificateId ?? null),
    link: recordLink.certificate!(e.entityId),
    eventId: e.id,
    dedupeKey: `event:${e.id}`,
  });
}

/**
 * The hidden-danger events that can notify anyone: a report, and the loop's steps into a state someone must act on
 * (hazardAwaiting). A closing step (accept, fix on the spot), a 挂牌督办 step or a regrade leaves nobody waiting, so
 * the relay does not queue it here at all.
 */
const hazardTypesNotified = new Set([
  'hazard.report',
  ...Object.entries(hazardWorkflow)
    .filter(([, step]) => step.to in hazardAwaiting)
    .map(([action]) => `hazard.${action}`),
]);

export const notificationsConsumer: EventConsumer = {
  name: 'notifications',
  accepts: (e) =>
    e.entityType === 'hazard'
      ? hazardTypesNotified.has(e.type)
      : ['penalty_case', 'work_task', 'grid_visit', 'grid_registration', 'report_reward'].includes(e.entityType) ||
        ['inspection.plan', 'report.merge', 'certificate.revoke', 'spot_check_item.record', 'responsibility_letter.issue'].includes(e.type),
  async handle(tx, e) {
    if (e.entityType === 'hazard') await onHazard(tx, e);
    else if (e.entityType === 'penalty_case') await onCaseStep(tx, e);
    else if (e.type === 'inspection.plan') await onInspectionCreated(tx, e);
    else if (e.entityType === 'work_task') await onWorkTaskEvent(tx, e);
    else if (e.entityType === 'grid_visit' || e.entityType === 'grid_registration') await onGrid(tx, e);
    else if (e.entityType === 'report_reward') await onRewardEvent(tx, e);
    else if (e.type === 'report.merge') await onReportMerged(tx, e);
    else if (e.type === 'certificate.revoke' || e.type === 'spot_check_item.record') await onCertificateFinding(tx, e);
    else if (e.type === 'responsibility_letter.issue') await onLetterIssued(tx, e);
  },
};
