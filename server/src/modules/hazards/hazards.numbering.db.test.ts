// 隐患编号: drawn in the statement that inserts the hidden danger, with its timeline row and domain event as parts of
// that statement (writeHazard). Reports at once get consecutive numbers with no gap; a report rolled back after its
// draw leaves none; the number grows a digit past 999,999; and each part written together carries the hazard's own
// id, scope, deadline and number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, counters, domainEvents, hazardEvents, hazards } from '../../db/schema';
import { loadActor } from '../../platform/actor-load';
import { buildUser } from '../../seed/factories';
import { hazardClock } from './hazards.clock';
import { act, buildHazardWorld, report, type HazardWorld } from './hazards.fixtures';
import { writeHazard } from './hazards.workflow';

let w: HazardWorld;
beforeAll(async () => {
  w = await buildHazardWorld();
});
afterAll(() => w.close());

const body = (enterpriseId: string, description: string) => ({
  enterpriseId,
  source: 'enterprise_self_check',
  description,
  category: 'unsafe_condition',
  grade: 'general',
});

const year = () => hazardClock.today().slice(0, 4);
const counterNow = async () => {
  const [row] = await w.t.database.db
    .select({ value: counters.value })
    .from(counters)
    .where(eq(counters.key, `hazard:${year()}`));
  return row?.value ?? 0;
};
const numberAt = (n: number) => `YH${year()}-${String(n).padStart(6, '0')}`;

describe('hidden-danger numbers', () => {
  it('are consecutive and gap-free for reports sent at once, each with its timeline row, event and audit entry', async () => {
    const start = await counterNow();
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 ? report(w.entA, body(w.enterpriseA.id, `同时上报 ${i}`)) : report(w.entB, body(w.enterpriseB.id, `同时上报 ${i}`)),
      ),
    );
    const numbers = sent.map((h: { number: string }) => h.number).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => numberAt(start + 1 + i)));
    expect(await counterNow()).toBe(start + 12);

    const db = w.t.database.db;
    for (const h of sent as { id: string; number: string; areaCode: string; enterpriseId: string }[]) {
      const timeline = await db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, h.id));
      expect(timeline.map((e) => [e.action, e.fromState, e.toState])).toEqual([['report', null, 'reported']]);
      const events = await db
        .select()
        .from(domainEvents)
        .where(and(eq(domainEvents.entityType, 'hazard'), eq(domainEvents.entityId, h.id)));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'hazard.report', areaCode: h.areaCode, enterpriseId: h.enterpriseId });
      expect(events[0]!.payload).toEqual({ from: null, to: 'reported', deadline: null });
      const [entry] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'hazard.report'), eq(auditLog.entityId, h.id)));
      expect(entry!.after).toMatchObject({ id: h.id, number: h.number, state: 'reported', version: 1, listing: null });
    }
  });

  it('leave no gap when a report is rolled back after its draw', async () => {
    const start = await counterNow();
    const db = w.t.database.db;
    const [enterprise] = await db.select().from(hazards).where(eq(hazards.enterpriseId, w.enterpriseA.id)).limit(1);
    const user = await buildUser(db, { role: 'enterprise_safety_manager', enterpriseId: w.enterpriseA.id });
    const actor = (await loadActor(db, user.id))!;
    const rolledBack = new Error('rolled back on purpose');
    await expect(
      db.transaction(async (tx) => {
        const row = await writeHazard(tx, actor, null, 'report', {
          create: {
            id: crypto.randomUUID(),
            enterpriseId: enterprise!.enterpriseId,
            areaCode: enterprise!.areaCode,
            sector: enterprise!.sector,
            parkId: enterprise!.parkId,
            source: 'enterprise_self_check',
            description: '回滚的上报',
            category: 'unsafe_condition',
            grade: 'general',
            foundOn: hazardClock.today(),
            reportedBy: actor.id,
            reportedByName: actor.displayName,
          },
        });
        expect(row.number).toBe(numberAt(start + 1)); // drawn inside the transaction…
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await counterNow()).toBe(start); // …and undrawn with it
    const next = await report(w.entA, body(w.enterpriseA.id, '回滚之后的上报'));
    expect(next.number).toBe(numberAt(start + 1));
  });

  it('grow a seventh digit after 999,999 instead of being cut', async () => {
    await w.t.database.db
      .update(counters)
      .set({ value: 999_999 })
      .where(eq(counters.key, `hazard:${year()}`));
    const h = await report(w.entB, body(w.enterpriseB.id, '第一百万条'));
    expect(h.number).toBe(`YH${year()}-1000000`);
  });

  it('carry the new deadline on a step’s event, written in the same statement as the step', async () => {
    const h = await report(w.entA, body(w.enterpriseA.id, '整改期限随事件发出'));
    const res = await act(w.entA, h, 'start_rectification', { deadlineDays: 7, deadlineUnit: 'calendar', responsiblePerson: '陈海燕' });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [event] = await w.t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.entityId, h.id), eq(domainEvents.type, 'hazard.start_rectification')));
    expect(event!.payload).toEqual({ from: 'reported', to: 'rectifying', deadline: after.deadline });
  });
});
