// Inspections end to end on a real database: a finding becomes a hidden danger under the regulator's deadline,
// the 现场检查记录 and 责令限期整改指令书 are numbered and downloadable as .docx, the re-inspection closes the
// hidden danger through the hazards workflow; numbering never repeats or skips under concurrency.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { checkTemplateItems, checkTemplates, inspections, organisations } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { rowsOf } from '../../../platform/db';
import { addDays, cstDate } from '../../../platform/time';
import { issueDocument } from '../documents/documents';
import { buildEnforcementWorld, type EnforcementWorld } from '../enforcement.fixtures';
import { textDate } from '../../../reference/documents/chinese-date';

// 1×1 transparent PNG: stands in for a signature drawn on the phone.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());

async function docxText(res: { rawPayload: Buffer }) {
  const zip = await JSZip.loadAsync(res.rawPayload);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('inspections', () => {
  it('refuses a joint inspection without its departments', async () => {
    const res = await w.officer.post('/api/inspections', { enterpriseId: w.enterprisesA[0]!.id, kind: 'joint', plannedOn: cstDate() });
    expect(res.statusCode).toBe(400);
  });

  it('records findings as hidden dangers, issues numbered documents, and closes them on re-inspection', async () => {
    const e = w.enterprisesA[0]!;
    const created = await w.officer.post('/api/inspections', {
      enterpriseId: e.id,
      kind: 'joint',
      departments: ['区应急管理局', '区市场监管局'],
      unannounced: true,
      plannedOn: cstDate(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const deadline = addDays(cstDate(), 7);
    const stale = await w.officer.post(`/api/inspections/${created.json().id}/record`, { version: 2, checklist: [], findings: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: created.json().id, version: 1, state: 'planned', findings: [] });
    const recorded = await w.officer.post(`/api/inspections/${created.json().id}/record`, {
      version: 1,
      checklist: [{ item: '安全出口畅通', result: 'fail' }],
      findings: [
        {
          description: '二号车间安全出口堵塞',
          location: '二号车间',
          grade: 'general',
          category: 'unsafe_condition',
          latitude: 22.7,
          longitude: 114.2,
        },
      ],
      rectificationDeadline: deadline,
      principalSignature: PNG,
      inspectorSignatures: [{ name: '王执法', signature: PNG }],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const insp = recorded.json();
    expect(insp.state).toBe('done');
    expect(insp.reinspectionDue).toBe(deadline);
    expect(insp.abilities).toEqual(['reinspect']);
    const hazardId = insp.findings[0].hazardId as string;
    const hazard = (await w.officer.get(`/api/hazards/${hazardId}`)).json();
    expect(hazard).toMatchObject({ state: 'rectifying', deadline, source: 'joint_enforcement' });

    // Done this month, as the workbench's figure counts it; not in another month; a planned one not at all.
    const month = cstDate().slice(0, 7);
    const doneThisMonth = (await w.officer.get(`/api/inspections?inspectedMonth=${month}&pageSize=100`)).json();
    expect(doneThisMonth.items.map((i: { id: string }) => i.id)).toContain(insp.id);
    expect(doneThisMonth.items.every((i: { state: string }) => i.state === 'done')).toBe(true);
    const [counted] = rowsOf<{ n: number }>(
      await w.t.database.db.execute(
        sql`select coalesce(sum(inspections), 0)::int as n from enforcement_stats_monthly where month = ${month}`,
      ),
    );
    expect(doneThisMonth.total).toBe(counted!.n);
    const lastYear = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
    expect((await w.officer.get(`/api/inspections?inspectedMonth=${lastYear}`)).json().items).not.toContainEqual(
      expect.objectContaining({ id: insp.id }),
    );
    expect((await w.officer.get('/api/inspections?inspectedMonth=2026-13')).statusCode).toBe(400);

    // Due on the deadline, not before.
    const due = (await w.officer.get('/api/inspections?reinspectionDue=true')).json();
    expect(due.items.map((i: { id: string }) => i.id)).not.toContain(insp.id);
    await w.t.database.db.update(inspections).set({ reinspectionDue: cstDate() }).where(eq(inspections.id, insp.id));
    const dueNow = (await w.officer.get('/api/inspections?reinspectionDue=true')).json();
    expect(dueNow.items.map((i: { id: string }) => i.id)).toContain(insp.id);

    const kinds = insp.documents.map((d: { kind: string }) => d.kind);
    expect(kinds).toEqual(['site_record', 'rectification_order']);
    const order = insp.documents[1];
    const year = cstDate().slice(0, 4);
    expect(order.number).toBe(`（测）应急责改〔${year}〕1号`);
    const dl = await w.officer.get(`/api/enforcement/documents/${order.id}/docx`);
    expect(dl.statusCode).toBe(200);
    const text = await docxText(dl);
    expect(text).toContain('责令限期整改指令书');
    expect(text).toContain(order.number);
    expect(text).toContain(e.name);
    expect(text).toContain('二号车间安全出口堵塞');
    expect(text).toContain(textDate(deadline));
    // Another street cannot fetch it.
    expect((await w.streetOfficerB.get(`/api/enforcement/documents/${order.id}/docx`)).statusCode).toBe(404);

    // Not yet submitted by the enterprise: the re-inspection cannot pass.
    const early = await w.officer.post(`/api/inspections/${insp.id}/reinspection`, {
      version: insp.version,
      passed: true,
      opinion: '已整改',
    });
    expect(early.statusCode).toBe(400);
    const submitted = await w.entA.post(`/api/hazards/${hazardId}/actions/submit_for_acceptance`, {
      version: hazard.version,
      evidence: { rectificationRecord: '已清理安全出口' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const re = await w.officer.post(`/api/inspections/${insp.id}/reinspection`, {
      version: insp.version,
      passed: true,
      opinion: '安全出口已畅通',
    });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json()).toMatchObject({ reinspectionResult: 'passed', escalate: false });
    expect(re.json().documents.map((d: { kind: string }) => d.kind)).toContain('reinspection_opinion');
    expect((await w.officer.get(`/api/hazards/${hazardId}`)).json().state).toBe('closed');
    // The enterprise sees its own inspection.
    expect((await w.entA.get(`/api/inspections/${insp.id}`)).statusCode).toBe(200);
  }, 30_000);
});

describe('document numbering', () => {
  it('gives 1,000 concurrent issues the numbers 1…1000 exactly once', async () => {
    const db = w.t.database.db;
    const e = w.enterprisesB[0]!;
    const [org] = await db.select({ id: organisations.id }).from(organisations).limit(1);
    const actor = { id: null, orgId: org!.id, orgName: '并发测试局' } as unknown as Actor;
    const results = await Promise.all(
      Array.from({ length: 1000 }, () =>
        db.transaction((tx) =>
          issueDocument(tx, actor, { kind: 'penalty_notice', enterpriseId: e.id, areaCode: e.areaCode, fields: { enterpriseName: 'x' } }),
        ),
      ),
    );
    const seqs = results.map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.number)).size).toBe(1000);
  }, 120_000);
});

describe('inspection checklists', () => {
  it('offers the check templates of the enterprise sector and the general ones, with their live items', async () => {
    const db = w.t.database.db;
    const mk = async (name: string, sector: string | null) => {
      const [t] = await db.insert(checkTemplates).values({ name, sector, checkLevel: 'company' }).returning();
      await db.insert(checkTemplateItems).values([
        { templateId: t!.id, content: `${name}-1`, sort: 1 },
        { templateId: t!.id, content: `${name}-2`, sort: 2, retiredAt: new Date() },
      ]);
    };
    await mk('机械', 'machinery');
    await mk('轻工', 'light_industry');
    await mk('通用', null);
    const e = w.enterprisesA[0]!; // light_industry
    const insp = (await w.officer.post('/api/inspections', { enterpriseId: e.id, kind: 'planned', plannedOn: cstDate() })).json();
    const lists = (await w.officer.get(`/api/inspections/${insp.id}/checklists`)).json();
    expect(lists.map((l: { name: string }) => l.name).sort()).toEqual(['轻工', '通用'].sort());
    expect(lists[0].items).toHaveLength(1);
  });
});
