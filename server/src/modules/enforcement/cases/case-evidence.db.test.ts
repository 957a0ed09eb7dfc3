// The five-evidence flags of the case list are evaluated per case: one case's findings or decision document never
// counts as another's (the subqueries are correlated with the case row, not with their own tables).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../platform/db';
import { cstDate } from '../../../platform/time';
import { buildEnforcementWorld, type EnforcementWorld } from '../enforcement.fixtures';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());

describe('case evidence', () => {
  it("reads each case's own inspection findings and decision document", async () => {
    const db = w.t.database.db;
    const [withFindings, without] = [w.enterprisesA[0]!, w.enterprisesA[1]!];
    const inspection = async (e: { id: string; areaCode: string }) =>
      rowsOf<{ id: string }>(
        await db.execute(sql`insert into inspections (enterprise_id, area_code, sector, kind, planned_on, state, inspected_on)
          values (${e.id}, ${e.areaCode}, 'machinery', 'planned', ${cstDate()}::date, 'done', ${cstDate()}::date) returning id`),
      )[0]!.id;
    const i1 = await inspection(withFindings);
    const i2 = await inspection(without);
    await db.execute(sql`insert into inspection_findings (inspection_id, description, grade, category)
      values (${i1}, '安全出口堵塞', 'general', 'unsafe_condition')`);
    const file = async (e: { id: string; name: string }, inspectionId: string) =>
      (
        await w.officer.post('/api/enforcement/cases', {
          enterpriseId: e.id,
          procedure: 'general',
          partyKind: 'organisation',
          partyName: e.name,
          violation: '未建立隐患排查治理制度',
          basisId: 'AQSCF2021-94',
          inspectionId,
        })
      ).json();
    const c1 = await file(withFindings, i1);
    const c2 = await file(without, i2);
    expect(c1.id, JSON.stringify(c1)).toBeTruthy();
    await db.execute(sql`insert into enforcement_documents (kind, number, year, seq, enterprise_id, area_code, case_id, fields, issued_on)
      values ('penalty_decision', '（测）应急罚决〔2026〕1号', 2026, 1, ${withFindings.id}, ${withFindings.areaCode}, ${c1.id}, '{}', ${cstDate()}::date)`);
    const missing = async (id: string) => (await w.officer.get(`/api/enforcement/cases/${id}`)).json().missingEvidence as string[];
    expect(await missing(c1.id)).not.toContain('problemList');
    expect(await missing(c1.id)).not.toContain('penaltyOrder');
    expect(await missing(c2.id)).toContain('problemList');
    expect(await missing(c2.id)).toContain('penaltyOrder');
    const listed = (await w.officer.get('/api/enforcement/cases?pageSize=100')).json().items as { id: string; missingEvidence: string[] }[];
    expect(listed.find((c) => c.id === c2.id)!.missingEvidence).toEqual(expect.arrayContaining(['problemList', 'penaltyOrder']));
    expect(listed.find((c) => c.id === c1.id)!.missingEvidence).not.toContain('problemList');
  });
});
