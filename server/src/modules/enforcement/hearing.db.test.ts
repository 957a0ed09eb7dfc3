// 听证 as its own step of a penalty case, on a real database (行政处罚法 §63–§65; rules.md §10.2): the party asks
// within 5 days of the 告知书; the hearing is notified at least 7 days ahead with a 听证通知书 and a presiding officer
// who did not investigate the case; it is held and recorded; only then does the case go to legal review.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { areas, enforcementDocuments, organisations, penaltyCases, users } from '../../db/schema';
import { buildOrg, buildUser } from '../../seed/factories';
import { loginAs } from '../../../test/app';
import { addDays, cstDate } from '../../platform/time';
import { buildEnforcementWorld, type EnforcementWorld } from './enforcement.fixtures';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());

const userId = async (name: string) =>
  (await w.t.database.db.select({ id: users.id }).from(users).where(eq(users.displayName, name)))[0]!.id;

describe('hearing (听证)', () => {
  it('records the request, the notice with a non-investigating presider, the hearing held, then legal review', async () => {
    const db = w.t.database.db;
    const e = w.enterprisesA[0]!;
    const filed = await w.officer.post('/api/enforcement/cases', {
      enterpriseId: e.id,
      procedure: 'general',
      partyKind: 'organisation',
      partyName: e.name,
      violation: '主要负责人未组织制定并实施安全生产教育和培训计划',
      basisId: 'AQSCF2021-94',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    let c = filed.json();
    const step = async (who: typeof w.officer, action: string, body: Record<string, unknown> = {}) => {
      const res = await who.post(`/api/enforcement/cases/${c.id}/actions/${action}`, { version: c.version, ...body });
      if (res.statusCode === 200) c = res.json();
      return res;
    };
    expect((await step(w.officer, 'investigate')).statusCode).toBe(200);
    expect((await step(w.officer, 'notify', { fine: 50_000 })).statusCode).toBe(200);
    expect(c.hearing.right).toBe(true); // 5万 for an organisation: 较大数额 by default
    expect(c.abilities).toEqual(expect.arrayContaining(['request_hearing', 'submit_review']));

    // The request window: 5 days from the notice, counted in calendar days.
    const notice = and(eq(enforcementDocuments.caseId, c.id), eq(enforcementDocuments.kind, 'penalty_notice'));
    await db
      .update(enforcementDocuments)
      .set({ issuedOn: addDays(cstDate(), -6) })
      .where(notice);
    const late = await step(w.officer, 'request_hearing');
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].message).toContain('5日内');
    await db
      .update(enforcementDocuments)
      .set({ issuedOn: addDays(cstDate(), -5) })
      .where(notice);
    expect((await step(w.officer, 'request_hearing', { on: addDays(cstDate(), 1) })).statusCode).toBe(400); // not in the future
    expect((await step(w.officer, 'request_hearing')).statusCode).toBe(200);
    expect(c).toMatchObject({ status: 'hearing_requested', abilities: ['schedule_hearing'] });
    expect(c.hearing).toMatchObject({ requestedOn: cstDate(), earliestOn: addDays(cstDate(), 7) });
    // Review waits for the hearing, whatever the party waived before.
    expect((await step(w.officer, 'submit_review', { waived: true })).statusCode).toBe(400);

    // Presiding officer: not the officer who filed, investigated and notified.
    const presiders = (await w.officer.get(`/api/enforcement/cases/${c.id}/presiders`)).json() as { id: string; displayName: string }[];
    const wang = await userId('王执法');
    const li = await userId('李执法');
    expect(presiders.map((p) => p.id)).not.toContain(wang);
    expect(presiders.map((p) => p.id)).toContain(li);
    const place = '区应急管理局三楼听证室';
    const base = { hearingOn: addDays(cstDate(), 7), hearingPlace: place, presiderId: li };
    expect((await step(w.officer, 'schedule_hearing', { ...base, hearingOn: addDays(cstDate(), 6) })).statusCode).toBe(400);
    const investigator = await step(w.officer, 'schedule_hearing', { ...base, presiderId: wang });
    expect(investigator.statusCode).toBe(400);
    expect(investigator.json().error.details[0].message).toContain('非本案调查人员');
    expect((await step(w.officer, 'schedule_hearing', { ...base, presiderId: w.streetOfficerAId })).statusCode).toBe(400); // other authority
    expect((await step(w.officer, 'schedule_hearing', { hearingOn: base.hearingOn, presiderId: li })).statusCode).toBe(400); // no place
    expect((await step(w.officer, 'schedule_hearing', base)).statusCode).toBe(200);
    expect(c).toMatchObject({ status: 'hearing_scheduled', hearing: { on: base.hearingOn, place, presiderName: '李执法' } });
    const hn = c.documents.find((d: { kind: string }) => d.kind === 'hearing_notice');
    expect(hn.number).toBe(`（测）应急听通〔${cstDate().slice(0, 4)}〕1号`);
    const docx = await w.officer.get(`/api/enforcement/documents/${hn.id}/docx`);
    const text = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('听证通知书');
    expect(text).toContain(base.hearingOn);
    expect(text).toContain(place);
    expect(text).toContain('听证主持人：李执法');
    expect(text).toContain(c.number);

    // Held on the notified day at the earliest, with its record.
    expect((await step(w.officer, 'hold_hearing', { hearingRecord: '当事人陈述……' })).statusCode).toBe(400);
    await db.update(penaltyCases).set({ hearingOn: cstDate() }).where(eq(penaltyCases.id, c.id));
    c = (await w.officer.get(`/api/enforcement/cases/${c.id}`)).json();
    expect((await step(w.officer, 'hold_hearing')).statusCode).toBe(400); // no record
    expect((await step(w.officer, 'hold_hearing', { hearingRecord: '当事人陈述……', presiderId: wang })).statusCode).toBe(400);
    expect((await step(w.officer, 'hold_hearing', { hearingRecord: '当事人对违法事实无异议，请求从轻处罚。' })).statusCode).toBe(200);
    expect(c).toMatchObject({ status: 'heard', hearing: { heldOn: cstDate(), record: '当事人对违法事实无异议，请求从轻处罚。' } });

    // Then legal review, without waiting for the rights period again.
    expect((await step(w.officer, 'submit_review')).statusCode).toBe(200);
    expect(c.status).toBe('legal_review');
    expect(c.events.map((x: { action: string }) => x.action)).toEqual([
      'file',
      'investigate',
      'notify',
      'request_hearing',
      'schedule_hearing',
      'hold_hearing',
      'submit_review',
    ]);
    // Another street sees neither the case nor its presiders.
    expect((await w.streetOfficerB.get(`/api/enforcement/cases/${c.id}/presiders`)).statusCode).toBe(404);
  }, 30_000);

  it('below 较大数额 the hearing is not offered as of right, and review waits out the 5-day period', async () => {
    const e = w.enterprisesA[1]!;
    let c = (
      await w.officer.post('/api/enforcement/cases', {
        enterpriseId: e.id,
        procedure: 'general',
        partyKind: 'organisation',
        partyName: e.name,
        violation: '安全设备未经常性维护',
        basisId: 'AQSCF2021-99',
      })
    ).json();
    for (const [action, body] of [
      ['investigate', {}],
      ['notify', { fine: 20_000 }],
    ] as const) {
      c = (await w.officer.post(`/api/enforcement/cases/${c.id}/actions/${action}`, { version: c.version, ...body })).json();
    }
    expect(c.hearing.right).toBe(false);
    const early = await w.officer.post(`/api/enforcement/cases/${c.id}/actions/submit_review`, { version: c.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].message).toContain(addDays(cstDate(), 5));
  });

  it('offers presiding officers from the whole authority: a division officer presides over a bureau case and vice versa', async () => {
    const db = w.t.database.db;
    const [bureau] = await db.select().from(organisations).where(eq(organisations.name, '测试区应急管理局'));
    const [area] = await db.select().from(areas).where(eq(areas.code, bureau!.areaCode));
    const division = await buildOrg(db, { area: area!, kind: 'bureau_division', name: '测试区应急管理局执法大队', parentId: bureau!.id });
    const u = await buildUser(db, { role: 'district_officer', org: division, displayName: '周大队' });
    const divisionOfficer = await loginAs(w.t.app, u.username, u.password);
    const e = w.enterprisesA[1]!;
    const filed = await divisionOfficer.post('/api/enforcement/cases', {
      enterpriseId: e.id,
      procedure: 'general',
      partyKind: 'organisation',
      partyName: e.name,
      violation: '未建立事故隐患排查治理制度',
      basisId: 'AQSCF2021-101',
    });
    // Numbered in the bureau's sequence: the division's case never repeats a bureau case number.
    expect(filed.statusCode, filed.body).toBe(201);
    const c = filed.json();
    const all = (await w.officer.get('/api/enforcement/cases?pageSize=200')).json().items as { number: string }[];
    expect(all.filter((x) => x.number === c.number)).toHaveLength(1);
    const offered = await divisionOfficer.get(`/api/enforcement/cases/${c.id}/presiders`);
    expect(offered.statusCode, offered.body).toBe(200);
    const names = (offered.json() as { displayName: string }[]).map((p) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(['王执法', '李执法']));
    expect(names).not.toContain('周大队'); // filed the case
    expect(names).not.toContain('钱街道'); // another authority
    const fromBureau = ((await w.officer.get(`/api/enforcement/cases/${c.id}/presiders`)).json() as { displayName: string }[]).map(
      (p) => p.displayName,
    );
    expect(fromBureau).not.toContain('周大队');
    expect(fromBureau).toContain('王执法');
  });
});
