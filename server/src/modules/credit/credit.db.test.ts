// The credit record on a real database: entries written by the credit consumer from domain events (a penalty
// decision, a refusal to rectify, an accident, a major hidden danger), idempotent by event id and by source; a changed
// or revoked decision withdraws its entry; the summary row maintained in the same transaction; the record with its
// calculation and the list by grade through the scope predicate (street A never sees street B: 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { creditEntries, creditSummaries, domainEvents, dutyRecords, insurancePolicies } from '../../db/schema';
import { appendEvent } from '../../platform/outbox';
import { addDays, cstDate } from '../../platform/time';
import { buildEnterprise } from '../../seed/factories';
import { evaluateCoverageGaps } from '../insurance/insurance.job';
import { buildCreditWorld, type CreditWorld } from './credit.fixtures';

let w: CreditWorld;
beforeAll(async () => {
  w = await buildCreditWorld();
});
afterAll(() => w.close());

describe('credit entries from events', () => {
  it('writes one entry for a penalty decision, however often the event is delivered', async () => {
    const { row, eventId } = await w.decideCase(w.entA);
    expect(await w.consume(eventId)).toBe(true);
    expect(await w.consume(eventId)).toBe(false);
    // Even past the consumer's mark (another consumer name, a replay), the source key keeps one entry.
    const { handleCreditEvent } = await import('./credit.consumer');
    const [event] = await w.db.query.domainEvents.findMany({ where: (e, { eq }) => eq(e.id, eventId) });
    await w.db.transaction((tx) => handleCreditEvent(tx, event!));
    const entries = await w.db.select().from(creditEntries).where(eq(creditEntries.sourceId, row.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'penalty', status: 'active', points: 10, sourceRef: row.number, occurredOn: '2026-10-15' });
    const [summary] = await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, w.entA.id));
    expect(summary).toMatchObject({ score: 90, grade: 'A', activeEntries: 1, schemeVersion: '2026.3' });
  });

  it('records a decision after a failed 整改复查 as a refusal to rectify, and an accident by its level', async () => {
    await w.consume((await w.decideCase(w.entA, { origin: 'reinspection' })).eventId);
    await w.consume((await w.accident(w.entA, 'general')).eventId);
    const rows = await w.db.select().from(creditEntries).where(eq(creditEntries.enterpriseId, w.entA.id));
    expect(rows.map((r) => r.kind).sort()).toEqual(['accident', 'penalty', 'refusal_to_rectify']);
    const [summary] = await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, w.entA.id));
    expect(summary).toMatchObject({ score: 100 - 10 - 20 - 15, grade: 'D' });
  });

  it('withdraws the entry when the decision is changed or revoked, and the grade recovers', async () => {
    const { row, eventId } = await w.decideCase(w.entB);
    await w.consume(eventId);
    expect((await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, w.entB.id)))[0]!.score).toBe(90);
    await w.consume(await w.changeDecision(row.id, w.entB));
    const [entry] = await w.db.select().from(creditEntries).where(eq(creditEntries.sourceId, row.id));
    expect(entry).toMatchObject({ status: 'withdrawn', withdrawnReason: '处罚决定已变更或撤销' });
    expect((await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, w.entB.id)))[0]).toMatchObject({
      score: 100,
      grade: 'A',
      activeEntries: 0,
    });
  });

  it('moves the entry of an accident with the accident corrected to another enterprise, and withdraws it when cleared', async () => {
    const { row, eventId } = await w.accident(w.entA, 'general', '2026-09-20T09:00:00+08:00');
    await w.consume(eventId);
    const scoreOf = async (id: string) =>
      (await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, id)))[0]?.score ?? 100;
    const [aBefore, bBefore] = [await scoreOf(w.entA.id), await scoreOf(w.entB.id)];
    const edit = async (body: Record<string, unknown>) => {
      const current = (await w.as.district!.get(`/api/accidents/${row.id}`)).json() as { version: number };
      const res = await w.as.district!.patch(`/api/accidents/${row.id}`, { version: current.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
      const [event] = await w.db
        .select()
        .from(domainEvents)
        .where(and(eq(domainEvents.entityId, row.id), eq(domainEvents.type, 'accident.update')))
        .orderBy(desc(domainEvents.id))
        .limit(1);
      expect(await w.consume(event!.id)).toBe(true);
    };
    // The bureau corrects the accident to the enterprise where it happened: one entry, now entB's; both grades move.
    await edit({ enterpriseId: w.entB.id, areaCode: w.entB.areaCode, sector: w.entB.sector });
    const entries = await w.db.select().from(creditEntries).where(eq(creditEntries.sourceId, row.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ enterpriseId: w.entB.id, areaCode: w.entB.areaCode, status: 'active' });
    expect(await scoreOf(w.entA.id)).toBe(aBefore + 15);
    expect(await scoreOf(w.entB.id)).toBe(bBefore - 15);
    // Not at an enterprise of the register after all: the entry is withdrawn.
    await edit({ enterpriseId: null, unitName: '无证个体作坊' });
    const [cleared] = await w.db.select().from(creditEntries).where(eq(creditEntries.sourceId, row.id));
    expect(cleared).toMatchObject({ status: 'withdrawn', withdrawnReason: '事故已更正为不属于本企业' });
    expect(await scoreOf(w.entB.id)).toBe(bBefore);
    // A wording fix appends no event.
    const before = await w.db.select().from(domainEvents).where(eq(domainEvents.entityId, row.id));
    const current = (await w.as.district!.get(`/api/accidents/${row.id}`)).json() as { version: number };
    expect((await w.as.district!.patch(`/api/accidents/${row.id}`, { version: current.version, address: '更正后的地址' })).statusCode).toBe(
      200,
    );
    expect(await w.db.select().from(domainEvents).where(eq(domainEvents.entityId, row.id))).toHaveLength(before.length);
  });

  it('writes a major hidden danger and ignores a general one', async () => {
    const major = await w.hazard(w.entB, 'major');
    const general = await w.hazard(w.entB, 'general');
    await w.consume(major.eventId);
    await w.consume(general.eventId);
    const rows = await w.db.select().from(creditEntries).where(eq(creditEntries.kind, 'major_hazard'));
    expect(rows.map((r) => r.sourceId)).toEqual([major.row.id]);
  });
});

describe('credit routes', () => {
  it('shows the record with grade, calculation and entries', async () => {
    const res = await w.as.district!.get(`/api/enterprises/${w.entA.id}/credit`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ enterpriseId: w.entA.id, grade: 'D', score: 55, listed: false });
    expect(v.calculation.lines).toHaveLength(3);
    expect(v.calculation.deducted).toBe(45);
    expect(v.entries).toHaveLength(3);
  });
  it('answers 404 to a street officer for an enterprise of another street', async () => {
    expect((await w.as.streetB!.get(`/api/enterprises/${w.entA.id}/credit`)).statusCode).toBe(404);
    expect((await w.as.streetA!.get(`/api/enterprises/${w.entA.id}/credit`)).statusCode).toBe(200);
  });
  it('lists enterprises by grade inside the caller scope only', async () => {
    const all = (await w.as.district!.get('/api/credit/enterprises')).json();
    expect(all.items.map((r: { enterpriseId: string }) => r.enterpriseId).sort()).toEqual([w.entA.id, w.entB.id].sort());
    const c = (await w.as.district!.get('/api/credit/enterprises?grade=D')).json();
    expect(c.items.map((r: { enterpriseId: string }) => r.enterpriseId)).toEqual([w.entA.id]);
    const streetB = (await w.as.streetB!.get('/api/credit/enterprises')).json();
    expect(streetB.items.map((r: { enterpriseId: string }) => r.enterpriseId)).toEqual([w.entB.id]);
  });
  it('refuses a bad grade filter with a bilingual 400', async () => {
    const res = await w.as.district!.get('/api/credit/enterprises?grade=E');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'querystring.grade' });
    expect(res.json().error.details[0].message).toMatch(/[\u4e00-\u9fa5]/);
    const en = await w.as.district!.get('/api/credit/enterprises?grade=E', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0].message).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('the daily refresh', () => {
  it('recomputes a summary once its entries leave the 36-month window', async () => {
    const { refreshAgedSummaries } = await import('./credit.job');
    const r = await refreshAgedSummaries(w.db, '2029-10-16');
    expect(r.refreshed).toBeGreaterThan(0);
    const [summary] = await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, w.entA.id));
    expect(summary).toMatchObject({ score: 100, grade: 'A', asOf: '2029-10-16' });
    expect((await refreshAgedSummaries(w.db, '2029-10-16')).refreshed).toBe(0);
  });
});

describe('good records and 安责险 gaps (scheme 2026.2)', () => {
  it('credits an accepted 八个一次 record once, and a standardization grade until it is revoked', async () => {
    const ent = await buildEnterprise(w.db, { street: w.streetA, name: '丙守信五金厂' });
    const [r] = await w.db
      .insert(dutyRecords)
      .values({
        enterpriseId: ent.id,
        areaCode: ent.areaCode,
        sector: ent.sector,
        duty: 'monthly_inspection',
        period: '2026-10',
        year: 2026,
        heldOn: '2026-10-12',
        summary: '主要负责人带队检查',
        status: 'accepted',
        recordedBy: w.users.streetA!.id,
      })
      .returning();
    const accepted = await appendEvent(w.db, 'duty_record.accept', 'duty_record', r!, null, { from: 'submitted', to: 'accepted' });
    expect(await w.consume(accepted)).toBe(true);
    const [entry] = await w.db.select().from(creditEntries).where(eq(creditEntries.sourceId, r!.id));
    expect(entry).toMatchObject({ kind: 'duty_kept', points: -1, occurredOn: '2026-10-12', sourceRef: '2026-10' });
    const grant = (kind: string, grade: string | null) =>
      appendEvent(
        w.db,
        `standardization.${kind}`,
        'standardization_record',
        { id: crypto.randomUUID(), areaCode: ent.areaCode, enterpriseId: ent.id },
        null,
        {
          grade,
        },
      );
    await w.consume(await grant('certified', '2'));
    await w.consume(await grant('downgraded', '3'));
    const std = await w.db
      .select()
      .from(creditEntries)
      .where(and(eq(creditEntries.enterpriseId, ent.id), eq(creditEntries.kind, 'standardization')));
    expect(std).toHaveLength(1);
    expect(std[0]).toMatchObject({ severity: '3', points: -3, status: 'active' });
    await w.consume((await w.decideCase(ent)).eventId);
    let [summary] = await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, ent.id));
    expect(summary).toMatchObject({ score: 100 - 10 + 1 + 3, grade: 'A' });
    await w.consume(await grant('revoked', null));
    expect((await w.db.select().from(creditEntries).where(eq(creditEntries.id, std[0]!.id)))[0]).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: '安全生产标准化等级已撤销',
    });
    [summary] = await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, ent.id));
    expect(summary!.score).toBe(91);
  });

  it('turns a mandatory enterprise without a policy in force into one uninsured entry per gap, withdrawn by a policy', async () => {
    const ent = await buildEnterprise(w.db, { street: w.streetB, sector: 'hazardous_chemicals', name: '丁危化品经营部' });
    const today = cstDate();
    await w.db.insert(insurancePolicies).values({
      enterpriseId: ent.id,
      areaCode: ent.areaCode,
      sector: ent.sector,
      insurer: '某保险公司',
      policyNo: 'AZX-OLD',
      startsOn: addDays(today, -400),
      endsOn: addDays(today, -35),
      insuredPersons: 10,
      premiumFen: 100000,
      rateFactor: 1,
    });
    const first = await evaluateCoverageGaps(w.db, today);
    expect(first.coverageGaps).toBeGreaterThanOrEqual(1);
    expect((await evaluateCoverageGaps(w.db, today)).coverageGaps).toBe(0);
    const [gap] = await w.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'insurance.coverage_gap'), eq(domainEvents.entityId, ent.id)));
    expect(gap!.payload).toMatchObject({ gapSince: addDays(today, -34), lastPolicyNo: 'AZX-OLD' });
    await w.consume(gap!.id);
    const [entry] = await w.db
      .select()
      .from(creditEntries)
      .where(and(eq(creditEntries.enterpriseId, ent.id), eq(creditEntries.kind, 'uninsured')));
    expect(entry).toMatchObject({ status: 'active', points: 10, sourceType: 'insurance_coverage' });
    expect((await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, ent.id)))[0]!.score).toBe(90);
    const [policy] = await w.db
      .insert(insurancePolicies)
      .values({
        enterpriseId: ent.id,
        areaCode: ent.areaCode,
        sector: ent.sector,
        insurer: '某保险公司',
        policyNo: 'AZX-NEW',
        startsOn: today,
        endsOn: addDays(today, 364),
        insuredPersons: 10,
        premiumFen: 100000,
        rateFactor: 1,
      })
      .returning();
    await w.consume(await appendEvent(w.db, 'insurance.policy.record', 'insurance_policy', policy!, null, { endsOn: policy!.endsOn }));
    expect((await w.db.select().from(creditEntries).where(eq(creditEntries.id, entry!.id)))[0]).toMatchObject({ status: 'withdrawn' });
    expect((await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, ent.id)))[0]!.score).toBe(100);
    expect((await evaluateCoverageGaps(w.db, today)).coverageGaps).toBe(0);
  });
});
