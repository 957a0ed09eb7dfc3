// A failed 整改复查 escalates for real, on a real database: the penalty case (立案) is filed — in the re-inspection's
// transaction or later by a case officer — on 安全生产法 第一百零二条, linked to the inspection and to exactly the hidden
// dangers still not rectified; once per inspection; shown on both sides (the inspection's escalation, the case's origin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { inspections } from '../../../db/schema';
import { addDays, cstDate } from '../../../platform/time';
import { buildEnforcementWorld, type EnforcementWorld } from '../enforcement.fixtures';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());

/** An inspection of the enterprise with an account (entA), with two findings under a 3-day order. */
async function inspectWithTwoFindings(tag: string) {
  const e = w.enterprisesA[0]!;
  const insp = (await w.officer.post('/api/inspections', { enterpriseId: e.id, kind: 'planned', plannedOn: cstDate() })).json();
  const rec = await w.officer.post(`/api/inspections/${insp.id}/record`, {
    version: 1,
    findings: [
      { description: `${tag} 配电箱无防护`, grade: 'general', category: 'unsafe_condition' },
      { description: `${tag} 安全出口堵塞`, grade: 'general', category: 'unsafe_condition' },
    ],
    rectificationDeadline: addDays(cstDate(), 3),
    principalSignature: PNG,
  });
  expect(rec.statusCode, rec.body).toBe(200);
  return rec.json() as {
    id: string;
    version: number;
    reinspectionDue: string;
    findings: { hazardId: string }[];
    documents: { kind: string; number: string }[];
  };
}

async function submit(hazardId: string) {
  const h = (await w.entA.get(`/api/hazards/${hazardId}`)).json();
  const res = await w.entA.post(`/api/hazards/${hazardId}/actions/submit_for_acceptance`, {
    version: h.version,
    evidence: { rectificationRecord: '已整改' },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('failed re-inspection → penalty case', () => {
  it('files the §102 case in the re-inspection itself, for the unrectified hidden dangers, once', async () => {
    const insp = await inspectWithTwoFindings('甲');
    const [h1, h2] = insp.findings.map((f) => f.hazardId);
    await submit(h1!); // submitted but not good enough: rejected back by the failed re-inspection
    const passedWithCase = await w.officer.post(`/api/inspections/${insp.id}/reinspection`, {
      version: insp.version,
      passed: true,
      opinion: 'x',
      fileCase: true,
    });
    expect(passedWithCase.statusCode).toBe(400);
    const re = await w.officer.post(`/api/inspections/${insp.id}/reinspection`, {
      version: insp.version,
      passed: false,
      opinion: '安全出口仍堵塞，配电箱防护未安装',
      fileCase: true,
    });
    expect(re.statusCode, re.body).toBe(200);
    const body = re.json();
    expect(body).toMatchObject({ reinspectionResult: 'failed', escalate: true, escalation: { id: body.caseId, status: 'filed' } });
    expect(body.abilities).not.toContain('escalate');
    expect((await w.officer.get(`/api/hazards/${h1}`)).json().state).toBe('rectifying');

    const c = (await w.officer.get(`/api/enforcement/cases/${body.caseId}`)).json();
    const order = insp.documents.find((d) => d.kind === 'rectification_order')!;
    expect(c).toMatchObject({
      origin: 'reinspection',
      inspectionId: insp.id,
      procedure: 'general',
      partyKind: 'organisation',
      partyName: w.enterprisesA[0]!.name,
      basisId: 'AQSCF2021-102',
      basisArticle: '《安全生产法》第一百零二条',
      status: 'filed',
      inspection: { id: insp.id, reinspectionResult: 'failed', reinspectedOn: cstDate() },
    });
    expect(new Set(c.hazardIds)).toEqual(new Set([h1, h2]));
    expect(c.hazards.map((h: { id: string }) => h.id).sort()).toEqual([h1, h2].sort());
    expect(c.violation).toContain(order.number);
    expect(c.violation).toContain('甲 安全出口堵塞');
    // The re-inspection and the problem list are evidenced; the decision is still to come.
    expect(c.evidence).toMatchObject({ problemList: true, responsibleSignature: true, reinspection: true, penaltyOrder: false });

    const again = await w.officer.post(`/api/inspections/${insp.id}/escalate`, { version: body.version });
    expect(again.statusCode).toBe(409);
    const listed = (await w.officer.get(`/api/enforcement/cases?enterpriseId=${w.enterprisesA[0]!.id}`)).json();
    expect(listed.items.filter((x: { inspectionId: string }) => x.inspectionId === insp.id)).toHaveLength(1);
  }, 30_000);

  it('offers 立案 after a failed re-inspection without one, and leaves out hidden dangers already closed', async () => {
    const insp = await inspectWithTwoFindings('乙');
    const [h1, h2] = insp.findings.map((f) => f.hazardId);
    await submit(h1!);
    const h1Now = (await w.officer.get(`/api/hazards/${h1}`)).json();
    const accepted = await w.officer.post(`/api/hazards/${h1}/actions/accept`, {
      version: h1Now.version,
      evidence: { acceptanceOpinion: '已整改到位' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    // Not yet re-inspected: nothing to escalate.
    expect((await w.officer.post(`/api/inspections/${insp.id}/escalate`, { version: insp.version })).statusCode).toBe(400);
    const re = await w.officer.post(`/api/inspections/${insp.id}/reinspection`, {
      version: insp.version,
      passed: false,
      opinion: '安全出口仍堵塞',
    });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json()).toMatchObject({ escalate: true, caseId: null, escalation: null });
    expect(re.json().abilities).toContain('escalate');
    const shown = (await w.officer.get(`/api/inspections/${insp.id}`)).json();
    expect(shown.abilities).toEqual(['escalate']);
    // The enterprise and other streets cannot file it.
    expect((await w.entA.post(`/api/inspections/${insp.id}/escalate`, { version: shown.version })).statusCode).toBe(403);
    expect((await w.streetOfficerB.post(`/api/inspections/${insp.id}/escalate`, { version: shown.version })).statusCode).toBe(404);
    expect((await w.officer.post(`/api/inspections/${insp.id}/escalate`, { version: shown.version, basisId: 'nope' })).statusCode).toBe(
      400,
    );

    const filed = await w.officer.post(`/api/inspections/${insp.id}/escalate`, { version: shown.version, firstCheckMustPenalise: true });
    expect(filed.statusCode, filed.body).toBe(201);
    const c = (await w.officer.get(`/api/enforcement/cases/${filed.json().caseId}`)).json();
    expect(c.hazardIds).toEqual([h2]);
    expect(c.violation).not.toContain('乙 配电箱无防护');
    expect(c.firstCheckMustPenalise).toBe(true);
    const after = (await w.officer.get(`/api/inspections/${insp.id}`)).json();
    expect(after).toMatchObject({ escalation: { id: c.id, number: c.number }, abilities: [] });
  }, 30_000);
});

describe('re-inspection scheduled at the deadline', () => {
  it('falls due on the order deadline and is flagged late after the 10-day window', async () => {
    const insp = await inspectWithTwoFindings('丙');
    expect(insp).toMatchObject({ reinspectionDue: addDays(cstDate(), 3), reinspectionOverdue: false });
    const due = async () =>
      (await w.officer.get('/api/inspections?reinspectionDue=true&pageSize=200'))
        .json()
        .items.find((i: { id: string }) => i.id === insp.id);
    expect(await due()).toBeUndefined();
    const db = w.t.database.db;
    await db
      .update(inspections)
      .set({ reinspectionDue: addDays(cstDate(), -10) })
      .where(eq(inspections.id, insp.id));
    expect(await due()).toMatchObject({ reinspectionOverdue: false });
    await db
      .update(inspections)
      .set({ reinspectionDue: addDays(cstDate(), -11) })
      .where(eq(inspections.id, insp.id));
    expect(await due()).toMatchObject({ reinspectionOverdue: true });
  });
});
