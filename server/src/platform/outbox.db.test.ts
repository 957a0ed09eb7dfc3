// The outbox is written with its record or not at all: a state change through the API appends its event with the
// record's scope, and a transaction that fails after the writer ran leaves neither the change nor the event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { domainEvents, hazards } from '../db/schema';
import { buildHazardWorld, report, type HazardWorld } from '../modules/hazards/hazards.fixtures';
import { writeHazard } from '../modules/hazards/hazards.workflow';
import type { Actor } from './actor';

let w: HazardWorld;
beforeAll(async () => {
  w = await buildHazardWorld();
});
afterAll(() => w.close());

const general = (enterpriseId: string) => ({
  enterpriseId,
  source: 'enterprise_self_check',
  description: '配电箱门缺失，带电部位裸露',
  location: '二号车间东侧',
  category: 'unsafe_condition',
  accidentType: '05',
  grade: 'general',
});

const eventsOf = (id: string) => w.t.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, id));

describe('outbox', () => {
  it('appends the event with the record, carrying its scope and actor', async () => {
    const h = await report(w.entA, general(w.enterpriseA.id));
    const [e, ...more] = await eventsOf(h.id);
    expect(more).toEqual([]);
    expect(e).toMatchObject({
      type: 'hazard.report',
      entityType: 'hazard',
      enterpriseId: w.enterpriseA.id,
      areaCode: w.enterpriseA.areaCode,
      payload: { from: null, to: 'reported' },
    });
    expect(e!.actorId).toBeTruthy();
  });

  it("shows events only inside the caller's scope, like records", async () => {
    const h = await report(w.entA, general(w.enterpriseA.id));
    const seen = async (c: typeof w.entA) =>
      ((await c.get(`/api/events?entityType=hazard&entityId=${h.id}`)).json().items as { type: string }[]).map((e) => e.type);
    expect(await seen(w.streetOfficerA)).toEqual(['hazard.report']);
    expect(await seen(w.entA)).toEqual(['hazard.report']);
    expect(await seen(w.districtOfficer)).toEqual(['hazard.report']);
    expect(await seen(w.streetOfficerB)).toEqual([]);
    expect(await seen(w.entB)).toEqual([]);
  });

  it('leaves neither the change nor the event when the transaction fails', async () => {
    const h = await report(w.entA, general(w.enterpriseA.id));
    const db = w.t.database.db;
    const [row] = await db.select().from(hazards).where(eq(hazards.id, h.id));
    const actor = { id: row!.reportedBy ?? h.id, displayName: '测试', role: 'street_officer' } as unknown as Actor;
    await expect(
      db.transaction(async (tx) => {
        await writeHazard(tx, actor, { ...row!, enterpriseName: '', areaName: null, listing: null }, 'regrade', {
          patch: { grade: 'general' },
          event: { evidence: { reason: '复核' } },
        });
        expect(await tx.select().from(domainEvents).where(eq(domainEvents.entityId, h.id))).toHaveLength(2);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    const [after] = await db.select().from(hazards).where(eq(hazards.id, h.id));
    expect(after!.version).toBe(row!.version);
    expect((await eventsOf(h.id)).map((e) => e.type)).toEqual(['hazard.report']);
  });
});
