// 通报: generating a bulletin from the completion data of a period (the issuer side's tasks, optionally one plan's:
// each task's monthly reports that fell due in the period, filed on time, late or missing), ranked fairly
// (bulletins.rules.ts) with the rule printed on it; editing it while draft; publishing it to the units concerned
// (the machine's 'publish' event; the bulletins consumer notifies their users). Each audited in its transaction.
import type { EditBulletinBody, GenerateBulletinBody, VersionBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { addDays } from '../../../platform/time';
import { findIssuedPlan, orgNames } from '../workplans.queries';
import { monthlyReportDue, monthOf, reportState } from '../workplans.rules';
import { findIssuedBulletin, orgsInArea, reportsInMonths, tasksForTally } from '../supervision.queries';
import { areaPrefixOf } from '../../../platform/scope';
import { auditBulletin, presentBulletins } from '../supervision.presenter';
import { bulletinBody, fairnessRule, rankFairly, type UnitTally } from '../bulletins.rules';
import { writeBulletin } from '../bulletins.workflow';

function monthsBetween(from: string, to: string) {
  const out: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = monthOf(addDays(`${m}-28`, 5))) out.push(m);
  return out;
}

export async function tallyCompletion(
  tx: Tx,
  actor: Actor,
  input: Pick<GenerateBulletinBody, 'planId' | 'periodFrom' | 'periodTo'>,
  today: string,
) {
  const tasks = await tasksForTally(tx, actor, input.planId);
  const months = monthsBetween(input.periodFrom, input.periodTo);
  const reports = await reportsInMonths(
    tx,
    tasks.map((t) => t.id),
    months[0]!,
    months[months.length - 1]!,
  );
  const filed = new Map(reports.map((r) => [`${r.taskId}|${r.month}`, r.submittedOn]));
  const tallies = new Map<string, UnitTally>();
  for (const t of tasks) {
    for (const month of months) {
      const dueOn = monthlyReportDue(month, t.reportDay);
      if (dueOn < input.periodFrom || dueOn > input.periodTo) continue;
      const state = reportState({
        submittedOn: filed.get(`${t.id}|${month}`) ?? null,
        dueOn,
        today,
        assignedOn: t.assignedOn,
        status: t.status,
      });
      if (state === 'pending' || state === 'not_required') continue;
      const tally = tallies.get(t.leadOrgId) ?? { orgId: t.leadOrgId, orgName: '', onTime: 0, late: 0, missing: 0 };
      if (state === 'filed') tally.onTime++;
      else if (state === 'late') tally.late++;
      else tally.missing++;
      tallies.set(t.leadOrgId, tally);
    }
  }
  const names = await orgNames(tx, [...tallies.keys()]);
  return [...tallies.values()].map((t) => ({ ...t, orgName: names.get(t.orgId) ?? '' }));
}

export async function generateBulletin(db: Db, actor: Actor, ip: string | null, input: GenerateBulletinBody, today: string) {
  return db.transaction((tx) => generateBulletinIn(tx, actor, ip, input, today));
}

export async function generateBulletinIn(tx: Tx, actor: Actor, ip: string | null, input: GenerateBulletinBody, today: string) {
  if (!actor.orgId || !actor.areaCode)
    throw fieldError('title', '您的账号未归属单位，不能发布通报', 'Your account has no organisation to issue a bulletin');
  if (input.planId && !(await findIssuedPlan(tx, actor, input.planId)))
    throw fieldError('planId', '工作方案不存在或不在您的辖区', 'No such work plan in your area');
  const rows = rankFairly(await tallyCompletion(tx, actor, input, today), input.minItems);
  const row = await writeBulletin(tx, actor, null, 'create', {
    create: {
      areaCode: actor.areaCode,
      issuerOrgId: actor.orgId,
      kind: input.kind,
      title: input.title,
      planId: input.planId ?? null,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      minItems: input.minItems,
      rule: fairnessRule(input.minItems),
      body: bulletinBody(input.kind, rows, { from: input.periodFrom, to: input.periodTo }, input.minItems),
      rows,
      recipientOrgIds: rows.map((r) => r.orgId),
      createdBy: actor.id,
    },
  });
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'workplan.bulletin', entityType: 'work_bulletin', entityId: row.id, after: auditBulletin(row) },
  );
  return row;
}

const loadBulletin = (tx: Tx, actor: Actor, id: string, version: number) =>
  loadForUpdate({
    load: () => findIssuedBulletin(tx, actor, id, true),
    version,
    present: async (row) => (await presentBulletins(tx, actor, [row]))[0],
  });

export async function editBulletin(db: Db, actor: Actor, ip: string | null, id: string, input: EditBulletinBody) {
  return db.transaction((tx) => editBulletinIn(tx, actor, ip, id, input));
}

export async function editBulletinIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: EditBulletinBody) {
  const before = await loadBulletin(tx, actor, id, input.version);
  if (input.recipientOrgIds) {
    const ok = await orgsInArea(tx, input.recipientOrgIds, areaPrefixOf(before.areaCode));
    const bad = input.recipientOrgIds.findIndex((o) => !ok.has(o));
    if (bad >= 0)
      throw fieldError(`recipientOrgIds.${bad}`, '通报对象须为本辖区内的单位', 'Recipients must be organisations within your area');
  }
  const after = await writeBulletin(tx, actor, before, 'edit', {
    patch: {
      title: input.title ?? before.title,
      body: input.body ?? before.body,
      recipientOrgIds: input.recipientOrgIds ? [...new Set(input.recipientOrgIds)] : before.recipientOrgIds,
    },
  });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'workplan.bulletinEdit',
      entityType: 'work_bulletin',
      entityId: id,
      before: auditBulletin(before),
      after: auditBulletin(after),
    },
  );
  return after;
}

export async function publishBulletin(db: Db, actor: Actor, ip: string | null, id: string, input: VersionBody) {
  return db.transaction((tx) => publishBulletinIn(tx, actor, ip, id, input));
}

export async function publishBulletinIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: VersionBody) {
  const before = await loadBulletin(tx, actor, id, input.version);
  if (before.status === 'draft' && before.recipientOrgIds.length === 0)
    throw fieldError('recipientOrgIds', '请指定通报发送的单位', 'Name the units the bulletin goes to');
  const after = await writeBulletin(tx, actor, before, 'publish', { patch: { publishedAt: new Date() } });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'workplan.bulletinPublish',
      entityType: 'work_bulletin',
      entityId: id,
      before: auditBulletin(before),
      after: auditBulletin(after),
    },
  );
  return after;
}
