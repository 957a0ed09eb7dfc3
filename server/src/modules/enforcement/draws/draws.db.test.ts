// 双随机 draws on a real database: SQL sample = the pure reference sample, reproducible (verify), risk signals raise
// weights, inspectors avoid their own street and last time's pairs, publication is masked, scope holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { domainEvents, enforcementDraws, enterpriseRiskSummary, penaltyCases } from '../../../db/schema';
import { rowsOf } from '../../../platform/db';
import { cstDate } from '../../../platform/time';
import { currentUniformMethod, defaultWeightTable, sampleWeighted } from '../../../reference/enforcement/draw';
import { appendEvent } from '../../../platform/outbox';
import { handleCreditEvent } from '../../credit/credit.consumer';
import { drawInSql, exceptionWeights, livePoolSql, samplePool, type PoolWeights, type StoredFilter } from './draws.queries';
import { buildEnforcementWorld, type EnforcementWorld } from '../enforcement.fixtures';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld();
  const e = w.enterprisesA[0]!;
  await w.t.database.db
    .insert(enterpriseRiskSummary)
    .values({ enterpriseId: e.id, areaCode: e.areaCode, sector: 'machinery', level: 'major' });
}, 60_000);
afterAll(() => w.close());

describe('双随机 draws', () => {
  it('draws k enterprises in SQL exactly as the reference function does, and verifies', async () => {
    const res = await w.officer.post('/api/enforcement/draws', { title: '2026年第一批', k: 6 });
    expect(res.statusCode, res.body).toBe(201);
    const draw = res.json();
    expect(draw.poolCount).toBe(20);
    expect(draw.result).toHaveLength(6);
    expect(new Set(draw.result.map((r: { enterpriseId: string }) => r.enterpriseId)).size).toBe(6);
    // Red risk and never inspected: 1 + 3 + 1; everyone else: 1 + 1 (never inspected).
    const base = defaultWeightTable.base + defaultWeightTable.neverInspected;
    const pool = [...w.enterprisesA, ...w.enterprisesB].map((e) => ({
      id: e.id,
      weight: e.id === w.enterprisesA[0]!.id ? base + defaultWeightTable.redRisk : base,
    }));
    expect(draw.poolWeightTotal).toBe(20 * base + defaultWeightTable.redRisk);
    expect(draw.result.map((r: { enterpriseId: string }) => r.enterpriseId)).toEqual(sampleWeighted(pool, 6, draw.seed).map((p) => p.id));
    const v = await w.leader.post(`/api/enforcement/draws/${draw.id}/verify`);
    expect(v.json()).toMatchObject({ matches: true, poolUnchanged: true });
  });

  it('is exact whatever bound and common weight the pass starts from (it widens and re-guesses until it is)', async () => {
    const db = w.t.database.db;
    const [row] = await db.select().from(enforcementDraws).limit(1);
    const filter = row!.filter as StoredFilter;
    const pool = livePoolSql(filter, defaultWeightTable);
    const exact = await samplePool(db, pool, currentUniformMethod, 'bounds', 7, { commonGuess: 2, keyBound: Infinity, heaviest: 9 });
    // A bound admitting no one at first, a wrong guess of the common weight, and both.
    for (const start of [
      { commonGuess: 2, keyBound: 1e-12, heaviest: 9 },
      { commonGuess: 1, keyBound: Infinity, heaviest: 9 },
      { commonGuess: 5, keyBound: 1e-9, heaviest: 9 },
      { commonGuess: 2, keyBound: 0.02, heaviest: 9 },
    ]) {
      expect(await samplePool(db, pool, currentUniformMethod, 'bounds', 7, start), JSON.stringify(start)).toEqual(exact);
    }
    const weights = exceptionWeights(exact.poolWeights);
    const reference = [...w.enterprisesA, ...w.enterprisesB].map((e) => ({
      id: e.id,
      weight: weights.get(e.id) ?? exact.poolWeights.common,
    }));
    expect(exact.top.map((t) => t.id)).toEqual(sampleWeighted(reference, 7, 'bounds').map((p) => p.id));
  });

  it('filters by street and sector', async () => {
    const res = await w.officer.post('/api/enforcement/draws', {
      title: '甲街道轻工',
      k: 3,
      filter: { areaCode: w.streetA, sector: 'light_industry' },
    });
    expect(res.json().poolCount).toBe(5);
    const ids = new Set(w.enterprisesA.map((e) => e.id));
    expect(res.json().result.every((r: { enterpriseId: string }) => ids.has(r.enterpriseId))).toBe(true);
  });

  it('never sends a street officer to an enterprise in their own street, nor repeats the previous pairs', async () => {
    const a = (await w.officer.post('/api/enforcement/draws', { title: 'A', k: 20, inspectorsPerEnterprise: 2 })).json();
    const b = (await w.officer.post('/api/enforcement/draws', { title: 'B', k: 20, inspectorsPerEnterprise: 2 })).json();
    const streetA = new Set(w.enterprisesA.map((e) => e.id));
    const previous = new Set<string>();
    for (const r of a.result) for (const i of r.inspectorIds) previous.add(`${i}|${r.enterpriseId}`);
    for (const r of b.result) {
      if (streetA.has(r.enterpriseId)) expect(r.inspectorIds).not.toContain(w.streetOfficerAId);
      for (const i of r.inspectorIds) expect(previous.has(`${i}|${r.enterpriseId}`)).toBe(false);
    }
  });

  it('creates drawn inspection tasks when a day is given', async () => {
    const res = await w.officer.post('/api/enforcement/draws', { title: '带任务', k: 2, plannedOn: '2026-12-01' });
    expect(res.statusCode).toBe(201);
    const list = await w.officer.get(`/api/inspections?kind=drawn`);
    if (list.statusCode !== 404) expect(list.json().total).toBeGreaterThanOrEqual(2);
  });

  it('publishes a masked notice; unpublished draws are not public; other streets cannot see a street draw', async () => {
    const draw = (await w.streetOfficerA.post('/api/enforcement/draws', { title: '街道抽查', k: 2 })).json();
    expect(draw.poolCount).toBe(10);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/public/draws/${draw.id}` })).statusCode).toBe(404);
    expect((await w.streetOfficerB.get(`/api/enforcement/draws/${draw.id}`)).statusCode).toBe(404);
    expect((await w.officer.get(`/api/enforcement/draws/${draw.id}`)).statusCode).toBe(200);
    expect((await w.streetOfficerA.post(`/api/enforcement/draws/${draw.id}/publish`)).json().published).toBe(true);
    const pub = await w.t.app.inject({ method: 'GET', url: `/api/public/draws/${draw.id}` });
    expect(pub.statusCode).toBe(200);
    const names = pub.json().result.flatMap((r: { inspectors: string[] }) => r.inspectors);
    expect(names.every((n: string) => n.endsWith('＊') || n === '')).toBe(true);
    expect(pub.body).not.toContain('inspectorIds');
  });

  it('verifies a draw made with the first (md5) uniforms the way it was made', async () => {
    const draw = (await w.officer.post('/api/enforcement/draws', { title: 'md5', k: 5 })).json();
    const [row] = await w.t.database.db.select().from(enforcementDraws).where(eq(enforcementDraws.id, draw.id));
    const again = await drawInSql(
      w.t.database.db,
      row!.filter as StoredFilter,
      row!.weightTable as typeof defaultWeightTable,
      row!.seed,
      5,
      'md5',
    );
    const weights = row!.poolWeights as PoolWeights;
    const exceptions = exceptionWeights(weights);
    const pool = [...w.enterprisesA, ...w.enterprisesB].map((e) => ({ id: e.id, weight: exceptions.get(e.id) ?? weights.common }));
    expect(again.top.map((t) => t.id)).toEqual(sampleWeighted(pool, 5, row!.seed, 'md5').map((p) => p.id));
    expect(again.top.map((t) => t.id)).not.toEqual(draw.result.map((r: { enterpriseId: string }) => r.enterpriseId));
    // Stored as an md5 draw, it verifies against the md5 result and no longer against the mix32 one.
    const asMd5 = again.top.map((t) => ({ ...draw.result[0], enterpriseId: t.id }));
    await w.t.database.db.update(enforcementDraws).set({ uniform: 'md5', result: asMd5 }).where(eq(enforcementDraws.id, draw.id));
    expect((await w.officer.post(`/api/enforcement/draws/${draw.id}/verify`)).json()).toMatchObject({ matches: true, poolUnchanged: true });
    await w.t.database.db.update(enforcementDraws).set({ uniform: 'mix32' }).where(eq(enforcementDraws.id, draw.id));
    expect((await w.officer.post(`/api/enforcement/draws/${draw.id}/verify`)).json().matches).toBe(false);
  });

  it('weights follow each signal where it is written (hidden dangers, risk levels, accidents), and a full refresh agrees', async () => {
    const db = w.t.database.db;
    const e = w.enterprisesB[2]!;
    const signals = async () => {
      const [row] = rowsOf<{ mh: boolean; rl: string | null; la: string | null }>(
        await db.execute(
          sql`select open_major_hazard as mh, risk_level as rl, last_accident_at::text as la from enterprises where id = ${e.id}`,
        ),
      );
      return row!;
    };
    const weightOfE = async () => {
      const draw = (await w.officer.post('/api/enforcement/draws', { title: 'signals', k: 1 })).json();
      const [row] = await db.select().from(enforcementDraws).where(eq(enforcementDraws.id, draw.id));
      const weights = row!.poolWeights as PoolWeights;
      return exceptionWeights(weights).get(e.id) ?? weights.common;
    };
    const t = defaultWeightTable;
    const before = await weightOfE();
    await db.execute(sql`insert into hazards (number, enterprise_id, area_code, sector, source, description, category, grade, found_on, state)
      values ('SIG-1', ${e.id}, ${e.areaCode}, 'machinery', 'government_inspection', '重大隐患', 'unsafe_condition', 'major', ${cstDate()}::date, 'rectifying')`);
    expect((await signals()).mh).toBe(true);
    expect(await weightOfE()).toBe(before + t.openMajorHazard);
    await db.execute(sql`update hazards set state = 'closed' where number = 'SIG-1'`);
    expect((await signals()).mh).toBe(false);
    await db.execute(
      sql`insert into enterprise_risk_summary (enterprise_id, area_code, sector, level) values (${e.id}, ${e.areaCode}, 'machinery', 'significant')`,
    );
    expect(await weightOfE()).toBe(before + t.orangeRisk);
    await db.execute(sql`update enterprise_risk_summary set level = 'major' where enterprise_id = ${e.id}`);
    expect(await weightOfE()).toBe(before + t.redRisk);
    await db.execute(sql`delete from enterprise_risk_summary where enterprise_id = ${e.id}`);
    expect((await signals()).rl).toBe(null);
    await db.execute(sql`insert into accidents (occurred_at, area_code, address, enterprise_id, sector, category, type_scheme, type_code, level)
      values (now() - interval '30 days', ${e.areaCode}, '车间', ${e.id}, 'machinery', 'industry_mining_commerce', 'GB6441-2025', 'P09', 'ordinary')`);
    expect((await signals()).la).not.toBe(null);
    expect(await weightOfE()).toBe(before + t.recentAccident);
    await db.execute(sql`update accidents set occurred_at = now() - interval '400 days' where enterprise_id = ${e.id}`);
    expect(await weightOfE()).toBe(before);
    // After a bulk load that bypassed the triggers, the full refresh recomputes every enterprise's signals.
    const mirror = sql`select id, enforcement_inspected, enforcement_last_decided_on::text, open_major_hazard, risk_level, last_accident_at::text
      from enterprises order by id`;
    const kept = rowsOf(await db.execute(mirror));
    await db.execute(sql`update enterprises set open_major_hazard = true, risk_level = 'low', last_accident_at = null`);
    await db.execute(sql`select enterprise_draw_signals_refresh_all()`);
    expect(rowsOf(await db.execute(mirror))).toEqual(kept);
  });

  it('multiplies by the credit grade the credit consumer mirrors (changed rows only), shows why, and verifies', async () => {
    const db = w.t.database.db;
    const e = w.enterprisesB[3]!;
    const grade = async () =>
      rowsOf<{ cg: string | null; x: string }>(
        await db.execute(sql`select credit_grade as cg, xmin::text as x from enterprises where id = ${e.id}`),
      )[0]!;
    expect((await grade()).cg).toBe(null);
    // Two decisions over a year ago (no "recent penalty" signal) but inside the credit window: a penalty (−10) and a
    // refusal to rectify (−20) leave 70 points, grade C (credit.scheme.ts).
    const decide = async (n: number, origin: string) => {
      const [c] = await db
        .insert(penaltyCases)
        .values({
          number: `CREDIT-W-${n}`,
          enterpriseId: e.id,
          areaCode: e.areaCode,
          sector: 'machinery',
          procedure: 'general',
          partyKind: 'organisation',
          partyName: e.name,
          violation: '未培训',
          basisId: 'AQSCF2021-97',
          fine: '10000',
          status: 'decided',
          filedOn: '2025-01-02',
          decidedOn: '2025-02-03',
          origin,
        })
        .returning();
      const id = await appendEvent(db, 'case.decide', 'penalty_case', c!, null, { from: 'reviewed', to: 'decided' });
      const [event] = await db.select().from(domainEvents).where(eq(domainEvents.id, id));
      await db.transaction((tx) => handleCreditEvent(tx, event as never));
      return event;
    };
    await decide(1, 'direct');
    expect((await grade()).cg).toBe('A');
    const last = await decide(2, 'reinspection');
    const mirrored = await grade();
    expect(mirrored.cg).toBe('C');
    // A redelivered event recomputes the same grade and leaves the enterprise row untouched.
    await db.transaction((tx) => handleCreditEvent(tx, last as never));
    expect((await grade()).x).toBe(mirrored.x);

    const draw = (await w.officer.post('/api/enforcement/draws', { title: 'credit', k: 20 })).json();
    const [row] = await db.select().from(enforcementDraws).where(eq(enforcementDraws.id, draw.id));
    const weights = row!.poolWeights as PoolWeights;
    const risk = defaultWeightTable.base + defaultWeightTable.neverInspected;
    expect(exceptionWeights(weights).get(e.id)).toBe(risk * defaultWeightTable.creditC!);
    expect(draw.weightTable).toMatchObject({ creditA: 1, creditC: 2 });
    const line = draw.result.find((r: { enterpriseId: string }) => r.enterpriseId === e.id);
    expect(line).toMatchObject({
      creditGrade: 'C',
      weight: risk * 2,
      reasons: [
        { key: 'base', value: 1 },
        { key: 'neverInspected', value: 1 },
        { key: 'creditC', value: 2 },
      ],
    });
    expect((await w.officer.post(`/api/enforcement/draws/${draw.id}/verify`)).json()).toMatchObject({ matches: true, poolUnchanged: true });
    // The full refresh reads the same grade from credit_summaries.
    await db.execute(sql`update enterprises set credit_grade = null where id = ${e.id}`);
    await db.execute(sql`select enterprise_draw_signals_refresh_all()`);
    expect((await grade()).cg).toBe('C');
  });

  it('reads inspections and penalties from the maintained marks: a done inspection drops "never inspected", a recent decision adds its weight', async () => {
    const db = w.t.database.db;
    const [inspected, penalised] = [w.enterprisesB[0]!, w.enterprisesB[1]!];
    await db.execute(sql`insert into inspections (enterprise_id, area_code, sector, kind, planned_on, state, inspected_on)
      values (${inspected.id}, ${inspected.areaCode}, 'machinery', 'planned', ${cstDate()}::date, 'done', ${cstDate()}::date)`);
    await db.execute(sql`insert into penalty_cases (number, enterprise_id, area_code, sector, procedure, party_kind, party_name, violation,
        basis_id, fine, status, filed_on, decided_on)
      values ('MARK-1', ${penalised.id}, ${penalised.areaCode}, 'machinery', 'general', 'organisation', ${penalised.name}, '未培训',
        'AQSCF2021-97', 10000, 'decided', ${cstDate()}::date, ${cstDate()}::date)`);
    const draw = (await w.officer.post('/api/enforcement/draws', { title: 'marks', k: 3 })).json();
    const [row] = await db.select().from(enforcementDraws).where(eq(enforcementDraws.id, draw.id));
    const weights = row!.poolWeights as PoolWeights;
    const base = defaultWeightTable.base;
    expect(weights.common).toBe(base + defaultWeightTable.neverInspected);
    expect(exceptionWeights(weights).get(inspected.id)).toBe(base);
    expect(exceptionWeights(weights).get(penalised.id)).toBe(base + defaultWeightTable.neverInspected + defaultWeightTable.recentPenalty);
    expect((await w.officer.post(`/api/enforcement/draws/${draw.id}/verify`)).json()).toMatchObject({ matches: true, poolUnchanged: true });
  });
});
