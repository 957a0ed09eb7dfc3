// One step on a task (start, report done, accept, return, 督办) through the task machine: loadForUpdate (scope + lock +
// version) → the machine decides (state, permission, lead unit, required fields; bilingual refusals) → the one
// writer → audit with before and after, in one transaction.
import type { WorkTaskActBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import { findTask, planTitles } from '../workplans.queries';
import { auditTask, presentTaskDetail } from '../workplans.presenter';
import { writeWorkTask, type WorkTaskRow } from '../workplans.workflow';

export async function actOnTask(db: Db, actor: Actor, ip: string | null, id: string, input: WorkTaskActBody) {
  return db.transaction((tx) => actOnTaskIn(tx, actor, ip, id, input));
}

export async function actOnTaskIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: WorkTaskActBody) {
  const titleOf = async (row: WorkTaskRow) => (await planTitles(tx, [row.planId])).get(row.planId) ?? '';
  const before = await loadForUpdate({
    load: () => findTask(tx, actor, id, true),
    version: input.version,
    present: async (row) => presentTaskDetail(tx, actor, row, await titleOf(row)),
  });
  let patch: Partial<WorkTaskRow> = {};
  const evidence: Record<string, unknown> = {};
  switch (input.action) {
    case 'start':
    case 'accept':
      break;
    case 'report_done':
      patch = { summary: input.summary ?? null };
      evidence.summary = input.summary;
      break;
    case 'return':
      patch = { returnReason: input.reason ?? null };
      evidence.reason = input.reason;
      break;
    case 'supervise':
      patch = { supervised: true, supervisionLevel: input.level ?? null, supervisionReason: input.reason ?? null };
      Object.assign(evidence, { level: input.level, reason: input.reason });
      break;
  }
  const after = await writeWorkTask(tx, actor, before, input.action, { patch, input: evidence });
  await recordAudit(
    tx,
    { actor, ip },
    { action: `workplan.${input.action}`, entityType: 'work_task', entityId: id, before: auditTask(before), after: auditTask(after) },
  );
  return presentTaskDetail(tx, actor, after, await titleOf(after));
}
