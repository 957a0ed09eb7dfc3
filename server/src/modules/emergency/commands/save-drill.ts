// Drills: an enterprise plans or records its own drill (of one of its plans, or of a plan type), records it held with
// the evaluation, and adds findings that become actions — and, when the plan itself must change (第三十六条), a
// revision duty on the drilled plan. Every held drill moves the enterprise's drill status in the same transaction.
import { eq } from 'drizzle-orm';
import type { DrillBody, DrillRecordBody, FindingBody } from '@anjian/contracts';
import { emergencyDrillFindings, emergencyDrills, enterprises } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findDrill, noteHeldDrill, type DrillRow } from '../drills.queries';
import { auditDrill, presentDrillOne } from '../drills.presenter';
import { findPlan } from '../plans.queries';
import { addRevisionDuty } from './plan-revisions';

export async function createDrill(db: Db, actor: Actor, ip: string | null, input: DrillBody, today = cstDate()) {
  return db.transaction(async (tx) => {
    if (!actor.enterpriseId) throw fieldError('planType', '演练由企业记录', 'The enterprise records its drills');
    const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, actor.enterpriseId));
    if (!e) throw fieldError('planType', '企业不存在', 'Unknown enterprise');
    let planType: string = input.planType;
    if (input.planId) {
      const plan = await findPlan(tx, actor, input.planId);
      if (!plan || plan.enterpriseId !== e.id) throw fieldError('planId', '预案不存在', 'Unknown plan');
      planType = plan.planType;
    }
    if (!input.heldOn && !input.plannedOn) throw fieldError('plannedOn', '请填写计划日期或实施日期', 'Give the planned or the held date');
    if (input.heldOn && input.heldOn > today) throw fieldError('heldOn', '实施日期不能晚于今天', 'A drill cannot be held in the future');
    const [row] = await tx
      .insert(emergencyDrills)
      .values({
        enterpriseId: e.id,
        areaCode: e.areaCode,
        sector: e.sector,
        parkId: e.parkId,
        planId: input.planId ?? null,
        planType,
        kind: input.kind,
        doubleBlind: input.doubleBlind,
        scenario: input.scenario,
        plannedOn: input.plannedOn ?? null,
        heldOn: input.heldOn ?? null,
        participants: input.participants,
        participantsNote: input.participantsNote ?? null,
        createdBy: actor.id,
      })
      .returning();
    if (row!.heldOn) await noteHeldDrill(tx, { ...row!, heldOn: row!.heldOn });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'emergency.drill.create', entityType: 'emergency_drill', entityId: row!.id, after: auditDrill(row!) },
    );
    return row!;
  });
}

const lockDrill = (tx: Tx, actor: Actor, id: string, version: number) =>
  loadForUpdate({ load: () => findDrill(tx, actor, id, true), version, present: (row: DrillRow) => presentDrillOne(tx, actor, row) });

export async function recordDrill(db: Db, actor: Actor, ip: string | null, id: string, input: DrillRecordBody, today = cstDate()) {
  return db.transaction(async (tx) => {
    const before = await lockDrill(tx, actor, id, input.version);
    if (actor.enterpriseId !== before.enterpriseId) throw fieldError('version', '演练由企业记录', 'The enterprise records its drills');
    if (input.heldOn > today) throw fieldError('heldOn', '实施日期不能晚于今天', 'A drill cannot be held in the future');
    const [after] = await tx
      .update(emergencyDrills)
      .set({
        heldOn: input.heldOn,
        participants: input.participants,
        evaluation: input.evaluation,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(emergencyDrills.id, id))
      .returning();
    await noteHeldDrill(tx, { ...after!, heldOn: input.heldOn });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'emergency.drill.record',
        entityType: 'emergency_drill',
        entityId: id,
        before: auditDrill(before),
        after: auditDrill(after!),
      },
    );
    return after!;
  });
}

export async function addFinding(db: Db, actor: Actor, ip: string | null, id: string, input: FindingBody) {
  return db.transaction(async (tx) => {
    const before = await lockDrill(tx, actor, id, input.version);
    if (actor.enterpriseId !== before.enterpriseId) throw fieldError('version', '演练由企业记录', 'The enterprise records its drills');
    if (!before.heldOn) throw fieldError('version', '演练实施后才能记录评估发现的问题', 'Record the drill as held first');
    if (input.dueOn < before.heldOn) throw fieldError('dueOn', '整改期限不能早于演练日期', 'The action cannot be due before the drill');
    let revisionId: string | null = null;
    const [finding] = await tx
      .insert(emergencyDrillFindings)
      .values({ drillId: id, description: input.description, action: input.action, dueOn: input.dueOn })
      .returning();
    if (input.revisePlan) {
      const plan = before.planId ? await findPlan(tx, actor, before.planId, true) : null;
      if (!plan || plan.status !== 'filed') throw fieldError('revisePlan', '该演练未关联已备案的预案', 'The drill is not of a filed plan');
      const duty = await addRevisionDuty(tx, plan, {
        trigger: 'drill_finding',
        occurredOn: before.heldOn,
        note: input.description,
        sourceKey: `finding:${finding!.id}`,
        createdBy: actor.id,
      });
      revisionId = duty?.id ?? null;
      await tx.update(emergencyDrillFindings).set({ revisionId }).where(eq(emergencyDrillFindings.id, finding!.id));
    }
    const [after] = await tx
      .update(emergencyDrills)
      .set({ updatedAt: new Date(), version: before.version + 1 })
      .where(eq(emergencyDrills.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'emergency.drill.finding', entityType: 'emergency_drill', entityId: id, after: { ...finding!, revisionId } },
    );
    return after!;
  });
}
