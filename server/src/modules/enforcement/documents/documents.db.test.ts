// 执法文书 as the official templates print them, read back from the generated .docx: the party from the enterprise
// registry (名称、统一社会信用代码、法定代表人、地址), the officers with their 执法证号, the signing date in Chinese
// numerals and dates in the text as 年月日, the bureau (not its 执法大队) as the issuing and deciding authority; the
// public notice shows the 决定书 number and the bureau, never the internal 立案 number.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { areas, enterprises, organisations } from '../../../db/schema';
import { loginAs, type Client } from '../../../../test/app';
import { buildOrg, buildUser } from '../../../seed/factories';
import { buildEnforcementWorld, pinEnforcementDay, type EnforcementWorld } from '../enforcement.fixtures';

let w: EnforcementWorld;
let brigade: Client;
let registered: { id: string; name: string; creditCode: string; address: string };
const on = pinEnforcementDay();
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
  const db = w.t.database.db;
  const [bureau] = await db.select().from(organisations).where(eq(organisations.name, '测试区应急管理局'));
  const [district] = await db.select().from(areas).where(eq(areas.code, bureau!.areaCode));
  const division = await buildOrg(db, {
    area: district!,
    kind: 'bureau_division',
    name: '测试区应急管理局执法监察大队',
    parentId: bureau!.id,
  });
  const u = await buildUser(db, {
    role: 'district_officer',
    org: division,
    displayName: '周大队',
    enforcementCertNo: '44030720190012',
  });
  brigade = await loginAs(w.t.app, u.username, u.password);
  const [e] = await db
    .update(enterprises)
    .set({ legalRepresentative: '黄志明' })
    .where(eq(enterprises.id, w.enterprisesA[0]!.id))
    .returning();
  registered = e!;
}, 120_000);
afterAll(() => w.close());

async function docxText(client: Client, id: string): Promise<string> {
  const res = await client.get(`/api/enforcement/documents/${id}/docx`);
  expect(res.statusCode).toBe(200);
  const zip = await JSZip.loadAsync(res.rawPayload);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '\n');
}

describe('legal documents', () => {
  it('prints the registered party, the officer with 执法证号, Chinese dates and the bureau on the decision', async () => {
    on('2026-12-03');
    const filed = await brigade.post('/api/enforcement/cases', {
      enterpriseId: registered.id,
      procedure: 'simple',
      partyKind: 'organisation',
      violation: '未如实记录安全生产教育和培训情况',
      basisId: 'AQSCF2021-97',
      fine: 2000,
      publish: true,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const c = filed.json();
    expect(c).toMatchObject({
      partyName: registered.name,
      partyCreditCode: registered.creditCode,
      partyLegalRepresentative: '黄志明',
      partyAddress: registered.address,
    });
    const decision = c.documents.find((d: { kind: string }) => d.kind === 'penalty_decision');
    expect(decision.number).toBe('（测）应急罚决〔2026〕1号');
    const lines = (await docxText(brigade, decision.id)).split('\n').filter(Boolean);
    expect(lines[0]).toBe('测试区应急管理局');
    expect(lines).not.toContain('测试区应急管理局执法监察大队');
    expect(lines).toEqual(
      expect.arrayContaining([
        `当事人：${registered.name}`,
        `统一社会信用代码：${registered.creditCode}`,
        '法定代表人（负责人）：黄志明',
        `地址：${registered.address}`,
        '执法人员（签字）：周大队（执法证号：44030720190012）',
        '二〇二六年十二月三日',
      ]),
    );
    expect(lines.join('')).not.toContain('2026-12-03');

    // The public notice: the decision's number and the bureau, the organisation as registered.
    const pub = (await w.officer.get('/api/public/penalties?pageSize=50')).json();
    const shown = pub.items.find((i: { id: string }) => i.id === c.id);
    expect(shown).toMatchObject({
      decisionNumber: decision.number,
      orgName: '测试区应急管理局',
      partyName: registered.name,
      partyCreditCode: registered.creditCode,
      partyLegalRepresentative: '黄志明',
    });
    expect(JSON.stringify(shown)).not.toContain(c.number);
  });

  it('refuses an organisation party named otherwise than the registry, and a person without a name; files nothing', async () => {
    const before = (await w.officer.get('/api/enforcement/cases?pageSize=100')).json().total;
    const renamed = await w.officer.request({
      method: 'POST',
      url: '/api/enforcement/cases',
      headers: { 'accept-language': 'en' },
      payload: {
        enterpriseId: registered.id,
        procedure: 'general',
        partyKind: 'organisation',
        partyName: '某某五金厂',
        violation: '未建立事故隐患排查治理制度',
        basisId: 'AQSCF2021-101',
      },
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.details).toEqual([{ field: 'partyName', message: expect.stringContaining(registered.name) }]);
    const nameless = await w.officer.post('/api/enforcement/cases', {
      enterpriseId: registered.id,
      procedure: 'general',
      partyKind: 'natural_person',
      violation: '未建立事故隐患排查治理制度',
      basisId: 'AQSCF2021-101',
    });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.details[0].field).toBe('partyName');
    expect((await w.officer.get('/api/enforcement/cases?pageSize=100')).json().total).toBe(before);
  });

  it('addresses a natural person by the identity on the case, with the employer from the registry', async () => {
    on('2027-01-10');
    const filed = await brigade.post('/api/enforcement/cases', {
      enterpriseId: registered.id,
      procedure: 'simple',
      partyKind: 'natural_person',
      partyName: '欧阳明辉',
      partyIdNumber: '440307199001011234',
      partyAddress: '深圳市龙岗区龙城街道某小区1栋',
      violation: '特种作业人员未持证上岗',
      basisId: 'AQSCF2021-102',
      fine: 200,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const decision = filed.json().documents.find((d: { kind: string }) => d.kind === 'penalty_decision');
    const lines = (await docxText(brigade, decision.id)).split('\n').filter(Boolean);
    expect(lines).toEqual(
      expect.arrayContaining([
        '当事人：欧阳明辉',
        '身份证件号码：440307199001011234',
        '住址：深圳市龙岗区龙城街道某小区1栋',
        `工作单位：${registered.name}`,
        '二〇二七年一月十日',
      ]),
    );
    expect(lines).not.toContain(`统一社会信用代码：${registered.creditCode}`);
  });
});
